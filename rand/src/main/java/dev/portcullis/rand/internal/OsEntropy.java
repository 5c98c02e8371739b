package dev.portcullis.rand.internal;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.bouncycastle.crypto.prng.EntropySource;

/**
 * Entropy from the operating system: {@code /dev/urandom} through the JDK's {@code NativePRNGNonBlocking} where it
 * exists (Linux, macOS), else the platform's default strong-enough {@link SecureRandom}.
 *
 * <p>Only used to (re)seed the DRBGs, so its cost and its lock (the JDK's native PRNG has a global one) are paid
 * once per thread and per reseed, not per request.
 */
public final class OsEntropy implements EntropySource {
    private static final SecureRandom SYSTEM = systemSource();
    private final int bits;

    /** A source handing out {@code bits} bits per call. */
    public OsEntropy(int bits) {
        this.bits = bits;
    }

    private static SecureRandom systemSource() {
        try {
            return SecureRandom.getInstance("NativePRNGNonBlocking");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** {@code n} bytes straight from the operating system. */
    public static byte[] bytes(int n) {
        byte[] out = new byte[n];
        SYSTEM.nextBytes(out);
        return out;
    }

    @Override
    public boolean isPredictionResistant() {
        return true;
    }

    @Override
    public byte[] getEntropy() {
        return bytes((bits + 7) / 8);
    }

    @Override
    public int entropySize() {
        return bits;
    }
}
