package dev.portcullis.rand.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.crypto.prng.EntropySource;
import org.junit.jupiter.api.Test;

class RandomPoolTest {
    /** Entropy that is the same for every pool made with it: a counter per pool, so two pools agree step by step. */
    private static RandomPool deterministicPool() {
        long[] counter = {0};
        return new RandomPool(bits -> new EntropySource() {
            @Override
            public boolean isPredictionResistant() {
                return false;
            }

            @Override
            public byte[] getEntropy() {
                ByteBuffer b = ByteBuffer.allocate((bits + 7) / 8);
                b.putLong(counter[0]++);
                return b.array();
            }

            @Override
            public int entropySize() {
                return bits;
            }
        });
    }

    private static byte[] next(RandomPool pool, int n) {
        byte[] out = new byte[n];
        pool.nextBytes(out);
        return out;
    }

    @Test
    void identicallySeededPoolsAgreeUntilOneIsMixedInto() {
        RandomPool a = deterministicPool();
        RandomPool b = deterministicPool();
        assertArrayEquals(next(a, 32), next(b, 32));
        a.add("hamburger".getBytes(), 3);
        assertFalse(Arrays.equals(next(a, 32), next(b, 32)));
    }

    @Test
    void theSameMixGivesTheSameStream() {
        RandomPool a = deterministicPool();
        RandomPool b = deterministicPool();
        a.add(new byte[] {1, 2, 3}, 3);
        b.add(new byte[] {1, 2, 3}, 3);
        assertArrayEquals(next(a, 64), next(b, 64));
        a.add(new byte[] {4}, 1);
        b.add(new byte[] {5}, 1);
        assertFalse(Arrays.equals(next(a, 64), next(b, 64)));
    }

    @Test
    void entropyEstimateIsPartOfTheMix() {
        RandomPool a = deterministicPool();
        RandomPool b = deterministicPool();
        a.add(new byte[] {7}, 1);
        b.add(new byte[] {7}, 0.5);
        assertFalse(Arrays.equals(next(a, 32), next(b, 32)));
    }

    @Test
    void aMixOnOneThreadReachesAThreadThatAlreadyHasAGenerator() throws Exception {
        RandomPool a = deterministicPool();
        RandomPool b = deterministicPool();
        AtomicReference<byte[]> fromA = new AtomicReference<>();
        AtomicReference<byte[]> fromB = new AtomicReference<>();
        Thread ta = new Thread(() -> {
            next(a, 16);
            a.add(new byte[] {9}, 1);
            fromA.set(next(a, 16));
        });
        Thread tb = new Thread(() -> {
            next(b, 16);
            fromB.set(next(b, 16));
        });
        ta.start();
        ta.join();
        tb.start();
        tb.join();
        assertFalse(Arrays.equals(fromA.get(), fromB.get()));
    }

    @Test
    void cleanupStartsAFreshGenerator() {
        RandomPool a = deterministicPool();
        byte[] first = next(a, 32);
        a.cleanup();
        assertNotEquals(Arrays.toString(first), Arrays.toString(next(a, 32)));
    }

    @Test
    void largeRequestsAreServedInFull() {
        RandomPool pool = new RandomPool();
        byte[] big = next(pool, 100_000);
        assertEquals(100_000, big.length);
        // The chunks must not repeat each other.
        assertFalse(Arrays.equals(Arrays.copyOfRange(big, 0, 1000), Arrays.copyOfRange(big, 32768, 33768)));
    }
}
