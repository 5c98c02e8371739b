package dev.portcullis.bench.rand;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.portcullis.rand.Rand;

/**
 * 32 random bytes from one and from two threads: Portcullis's {@code Rand.bytes(32)} against one shared
 * {@code new SecureRandom()} (NativePRNG on Linux) and one shared {@code SecureRandom.getInstance("DRBG")} — the
 * way a library that keeps one source for everything would use them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RandBench {
    private SecureRandom nativeDefault;
    private SecureRandom jdkDrbg;

    /** Makes the shared competitors. */
    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        nativeDefault = new SecureRandom();
        jdkDrbg = SecureRandom.getInstance("DRBG");
        nativeDefault.nextBytes(new byte[32]);
        jdkDrbg.nextBytes(new byte[32]);
    }

    /** Portcullis, one thread. */
    @Benchmark
    @Threads(1)
    public byte[] portcullis1() {
        return Rand.bytes(32);
    }

    /** Portcullis, two threads. */
    @Benchmark
    @Threads(2)
    public byte[] portcullis2() {
        return Rand.bytes(32);
    }

    /** Shared {@code new SecureRandom()}, one thread. */
    @Benchmark
    @Threads(1)
    public byte[] secureRandom1() {
        byte[] b = new byte[32];
        nativeDefault.nextBytes(b);
        return b;
    }

    /** Shared {@code new SecureRandom()}, two threads. */
    @Benchmark
    @Threads(2)
    public byte[] secureRandom2() {
        byte[] b = new byte[32];
        nativeDefault.nextBytes(b);
        return b;
    }

    /** Shared JDK DRBG, one thread. */
    @Benchmark
    @Threads(1)
    public byte[] jdkDrbg1() {
        byte[] b = new byte[32];
        jdkDrbg.nextBytes(b);
        return b;
    }

    /** Shared JDK DRBG, two threads. */
    @Benchmark
    @Threads(2)
    public byte[] jdkDrbg2() {
        byte[] b = new byte[32];
        jdkDrbg.nextBytes(b);
        return b;
    }
}
