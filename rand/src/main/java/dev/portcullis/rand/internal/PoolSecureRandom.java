package dev.portcullis.rand.internal;

import java.security.SecureRandom;

/**
 * The {@link SecureRandom} face of a {@link RandomPool}, handed to key generators, signers and TLS.
 *
 * <p>{@link SecureRandom#nextBytes} synchronizes on the instance unless the provider declares thread safety; this
 * subclass overrides the entry points so callers on different threads never contend (each thread has its own DRBG
 * inside the pool). {@code setSeed} mixes into the pool, as {@code Rand.seed} does.
 */
public final class PoolSecureRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient RandomPool pool;

    /** The SecureRandom view of {@code pool}. */
    public PoolSecureRandom(RandomPool pool) {
        super(new NoSpi(), null);
        this.pool = pool;
    }

    @Override
    public void nextBytes(byte[] bytes) {
        pool.nextBytes(bytes);
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        if (numBytes < 0) {
            throw new IllegalArgumentException("numBytes must not be negative: " + numBytes);
        }
        return OsEntropy.bytes(numBytes);
    }

    @Override
    public void setSeed(byte[] seed) {
        if (pool != null) {
            pool.add(seed, seed.length);
        }
    }

    @Override
    public void setSeed(long seed) {
        // Called by java.util.Random's constructor before the pool is set: nothing to mix then.
        if (pool != null) {
            pool.add(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(seed).array(), Long.BYTES);
        }
    }

    /** Reseeds every thread's DRBG with fresh operating-system entropy. */
    @Override
    public void reseed() {
        pool.add(OsEntropy.bytes(32), 32);
    }

    /** Reseeds as {@link #reseed()}; the parameters carry no additional input for this generator. */
    @Override
    public void reseed(java.security.SecureRandomParameters params) {
        reseed();
    }

    @Override
    public String getAlgorithm() {
        return "Portcullis-CTR_DRBG-AES256";
    }

    @Override
    public String toString() {
        return "Portcullis SecureRandom (per-thread CTR_DRBG AES-256)";
    }

    /** Never reached: every SecureRandom entry point that would use the SPI is overridden above. */
    private static final class NoSpi extends java.security.SecureRandomSpi {
        private static final long serialVersionUID = 1L;

        @Override
        protected void engineSetSeed(byte[] seed) {
            throw new IllegalStateException("unreachable");
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            throw new IllegalStateException("unreachable");
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new IllegalStateException("unreachable");
        }
    }
}
