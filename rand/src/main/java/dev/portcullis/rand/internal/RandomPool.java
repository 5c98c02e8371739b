package dev.portcullis.rand.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.CTRSP800DRBG;

/**
 * A randomness pool made of one SP 800-90A CTR_DRBG (AES-256) per thread, all fed by the same shared state.
 *
 * <p>Why per thread: a single generator behind a lock makes every handshake on every thread queue on it. Each
 * thread instead owns a DRBG instantiated from fresh operating-system entropy with a personalization string that
 * names the thread, so the hot path is a {@link ThreadLocal} read, a volatile read and the DRBG's own work.
 *
 * <p>How {@code add}/{@code seed} still reach every thread: the pool keeps a running SHA-512 digest of everything
 * mixed in and a generation number. A thread whose DRBG was last reseeded at an older generation reseeds (fresh OS
 * entropy plus the digest as additional input, SP 800-90A §9.2) before its next output. {@link #cleanup()} moves an
 * epoch instead, which makes every thread re-instantiate its DRBG from scratch.
 */
public final class RandomPool {
    /** Largest request one CTR_DRBG generate call may serve (SP 800-90A table 3, BC's limit), in bytes. */
    private static final int MAX_REQUEST = 1 << 15;
    /**
     * Small requests are served from a per-thread block of DRBG output this big, so that a 32-byte request costs a
     * copy instead of a DRBG call (whose fixed cost — re-keying AES, the update step — dominates small outputs).
     * Served bytes are wiped from the block; the block is dropped whenever the pool is mixed into or cleaned up.
     */
    private static final int BLOCK = 4096;
    /** Requests larger than this bypass the block. */
    private static final int SMALL = 512;

    private final IntFunction<EntropySource> entropy;
    private final AtomicLong threadCounter = new AtomicLong();
    private final ThreadLocal<Generator> generators = ThreadLocal.withInitial(this::newGenerator);
    private final Object mixLock = new Object();
    private volatile Mixed mixed = new Mixed(0, 0, new byte[0]);

    /** The pool's shared input: what was mixed in, at which generation, and the cleanup epoch. */
    private record Mixed(long generation, long epoch, byte[] digest) {
    }

    /** One thread's DRBG with the generation and epoch it has absorbed. */
    private static final class Generator {
        final CTRSP800DRBG drbg;
        final long epoch;
        final byte[] block = new byte[BLOCK];
        int used = BLOCK;
        long generation;

        Generator(CTRSP800DRBG drbg, long epoch, long generation) {
            this.drbg = drbg;
            this.epoch = epoch;
            this.generation = generation;
        }
    }

    /** A pool seeded from the operating system. */
    public RandomPool() {
        this(OsEntropy::new);
    }

    /**
     * A pool whose DRBGs take their entropy from {@code entropy} (called with the number of bits wanted). Tests use
     * this to make two pools start from the same seed; production code uses {@link #RandomPool()}.
     */
    public RandomPool(IntFunction<EntropySource> entropy) {
        this.entropy = entropy;
    }

    private Generator newGenerator() {
        Mixed now = mixed;
        EntropySource source = entropy.apply(256);
        byte[] personalization = ByteBuffer.allocate(16)
                .putLong(Thread.currentThread().getId())
                .putLong(threadCounter.incrementAndGet())
                .array();
        byte[] nonce = source.getEntropy();
        CTRSP800DRBG drbg = new CTRSP800DRBG(AESEngine.newInstance(), 256, 256, source, personalization, nonce);
        if (now.digest().length > 0) {
            drbg.reseed(now.digest());
        }
        return new Generator(drbg, now.epoch(), now.generation());
    }

    private Generator current() {
        Generator g = generators.get();
        Mixed now = mixed;
        if (g.epoch != now.epoch()) {
            g = newGenerator();
            generators.set(g);
        } else if (g.generation != now.generation()) {
            g.drbg.reseed(now.digest());
            g.generation = now.generation();
            java.util.Arrays.fill(g.block, (byte) 0);
            g.used = BLOCK;
        }
        return g;
    }

    /** Fills {@code out} with random bytes. */
    public void nextBytes(byte[] out) {
        Generator g = current();
        if (out.length <= SMALL) {
            if (BLOCK - g.used < out.length) {
                generate(g, g.block);
                g.used = 0;
            }
            System.arraycopy(g.block, g.used, out, 0, out.length);
            java.util.Arrays.fill(g.block, g.used, g.used + out.length, (byte) 0);
            g.used += out.length;
            return;
        }
        if (out.length <= MAX_REQUEST) {
            generate(g, out);
            return;
        }
        byte[] chunk = new byte[MAX_REQUEST];
        for (int off = 0; off < out.length; off += MAX_REQUEST) {
            int n = Math.min(MAX_REQUEST, out.length - off);
            byte[] part = n == MAX_REQUEST ? chunk : new byte[n];
            generate(g, part);
            System.arraycopy(part, 0, out, off, n);
        }
    }

    private static void generate(Generator g, byte[] out) {
        if (g.drbg.generate(out, null, false) < 0) {
            g.drbg.reseed(null);
            g.drbg.generate(out, null, false);
        }
    }

    /**
     * Mixes {@code buffer} into the pool, crediting {@code entropyBytes} (recorded in the digest, as OpenSSL's
     * {@code RAND_add} takes it as a hint). Every thread's next output depends on it.
     */
    public void add(byte[] buffer, double entropyBytes) {
        synchronized (mixLock) {
            Mixed before = mixed;
            MessageDigest sha512 = sha512();
            sha512.update(before.digest());
            sha512.update(ByteBuffer.allocate(16).putLong(before.generation()).putDouble(entropyBytes).array());
            sha512.update(buffer);
            mixed = new Mixed(before.generation() + 1, before.epoch(), sha512.digest());
        }
    }

    /** Forgets all state: every thread's DRBG is re-instantiated from the operating system at its next use. */
    public void cleanup() {
        synchronized (mixLock) {
            Mixed before = mixed;
            mixed = new Mixed(before.generation() + 1, before.epoch() + 1, new byte[0]);
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every Java platform", e);
        }
    }
}
