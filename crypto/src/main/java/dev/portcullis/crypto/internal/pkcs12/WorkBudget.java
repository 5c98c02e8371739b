package dev.portcullis.crypto.internal.pkcs12;

import java.math.BigInteger;

import dev.portcullis.crypto.CryptoException;

/**
 * The limits that keep a hostile PKCS#12 file from stalling or exhausting the reader: key-derivation iterations
 * (per derivation and for the whole file), bags, and nesting.
 *
 * <p>Every password-based derivation (MAC key, bag decryption) is charged here before it runs, so the reader's
 * worst case is bounded by {@link #MAX_TOTAL_ITERATIONS} iterations whatever the file says.
 */
public final class WorkBudget {
    /** Most iterations one key derivation may ask for (OpenSSL and Java write 2,048 to 10,000). */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** Most iterations all derivations of one file may ask for together. */
    public static final long MAX_TOTAL_ITERATIONS = 20_000_000L;
    /** Most safe bags one file may hold, counting nested ones. */
    public static final int MAX_BAGS = 10_000;
    /** Most ContentInfos in the authenticated safe. */
    public static final int MAX_CONTENT_INFOS = 256;
    /** Deepest nesting of {@code safeContentsBag}s inside each other. */
    public static final int MAX_BAG_NESTING = 8;

    private long iterationsLeft = MAX_TOTAL_ITERATIONS;
    private int bagsLeft = MAX_BAGS;

    /**
     * Charges one key derivation with {@code count} iterations and returns the count as an {@code int}.
     *
     * @throws CryptoException ({@code PKCS12 routines}, {@code iteration count too large}) above the limits, or
     *     ({@code PKCS12 routines}, {@code invalid iteration count}) for zero or a negative count
     */
    public int chargeIterations(BigInteger count) {
        if (count == null) {
            return chargeIterations(BigInteger.ONE);
        }
        if (count.signum() <= 0) {
            throw new CryptoException("PKCS12 routines", "invalid iteration count");
        }
        if (count.bitLength() > 31 || count.intValue() > MAX_ITERATIONS) {
            throw new CryptoException("PKCS12 routines", "iteration count too large");
        }
        int iterations = count.intValue();
        if (iterations > iterationsLeft) {
            throw new CryptoException("PKCS12 routines", "iteration count too large");
        }
        iterationsLeft -= iterations;
        return iterations;
    }

    /**
     * Counts one more safe bag.
     *
     * @throws CryptoException ({@code PKCS12 routines}, {@code too many bags}) past {@link #MAX_BAGS}
     */
    public void chargeBag() {
        if (--bagsLeft < 0) {
            throw new CryptoException("PKCS12 routines", "too many bags");
        }
    }
}
