package dev.portcullis.rand;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

import dev.portcullis.rand.internal.EgdClient;
import dev.portcullis.rand.internal.PoolSecureRandom;
import dev.portcullis.rand.internal.RandomPool;
import dev.portcullis.rand.internal.SeedFiles;

/**
 * pyOpenSSL's {@code OpenSSL.rand} module, and the one randomness source of the whole library.
 *
 * <p><b>What it is.</b> A cryptographically secure random bit generator: SP 800-90A CTR_DRBG with AES-256, one
 * instance per thread, each instantiated from operating-system entropy ({@code /dev/urandom}). Every key, serial
 * number, nonce and TLS random in Portcullis is drawn from {@link #secureRandom()}, so what you mix in with
 * {@link #add} or {@link #seed} really reaches key generation and handshakes, as {@code RAND_add} does in OpenSSL.
 *
 * <p><b>Do you need to seed it?</b> No: it is seeded from the operating system before first use, and
 * {@link #status()} is always 1. {@code add}/{@code seed}/{@code loadFile}/{@code egd} exist for code ported from
 * pyOpenSSL and for programs that have extra entropy to contribute; mixing in known data never weakens it.
 *
 * <p><b>Threads.</b> Safe from any thread and not a lock: each thread has its own generator; mixing in data bumps a
 * generation number that every thread's generator absorbs (by reseeding) before its next output.
 *
 * <p>Mapping from pyOpenSSL: {@code rand.bytes(n)} → {@link #bytes(int)}, {@code rand.add(buf, entropy)} →
 * {@link #add(byte[], double)}, {@code rand.load_file(f, maxbytes)} → {@link #loadFile(String, long)}, and so on.
 */
public final class Rand {
    /** The most bytes one {@link #bytes(int)} call hands out (pyOpenSSL raised MemoryError for absurd sizes). */
    public static final int MAX_BYTES = 1 << 28;
    /** How long {@link #egd} waits for a silent daemon. */
    public static final Duration EGD_TIMEOUT = Duration.ofSeconds(10);

    private static final RandomPool POOL = new RandomPool();
    private static final SecureRandom SECURE_RANDOM = new PoolSecureRandom(POOL);

    private Rand() {
    }

    /**
     * The {@link SecureRandom} every Portcullis module draws from; give it to any JCA or Bouncy Castle API that takes
     * one. It never blocks other threads and is never reseeded from a predictable source.
     */
    public static SecureRandom secureRandom() {
        return SECURE_RANDOM;
    }

    /**
     * {@code n} random bytes ({@code RAND_bytes}). Zero gives an empty array.
     *
     * @throws IllegalArgumentException if {@code n} is negative ("num_bytes must not be negative", pyOpenSSL's
     *         message) or larger than {@link #MAX_BYTES}
     */
    public static byte[] bytes(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("num_bytes must not be negative");
        }
        if (n > MAX_BYTES) {
            throw new IllegalArgumentException("num_bytes must not exceed " + MAX_BYTES + ", got " + n);
        }
        byte[] out = new byte[n];
        POOL.nextBytes(out);
        return out;
    }

    /**
     * Mixes {@code buffer} into the generator state ({@code RAND_add}). {@code entropy} is the caller's estimate of
     * how many bytes of real randomness {@code buffer} holds; it is recorded but never lowers the security of the
     * output, which always rests on the operating-system seed as well.
     *
     * @throws IllegalArgumentException if {@code buffer} is null ("buffer must be a byte string") or {@code entropy}
     *         is negative or not a number
     */
    public static void add(byte[] buffer, double entropy) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must be a byte string");
        }
        if (!(entropy >= 0)) {
            throw new IllegalArgumentException("entropy must be a non-negative number, got " + entropy);
        }
        POOL.add(buffer, entropy);
    }

    /** Mixes {@code buffer} in, crediting its full length as entropy ({@code RAND_seed}). */
    public static void seed(byte[] buffer) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must be a byte string");
        }
        POOL.add(buffer, buffer.length);
    }

    /**
     * Whether the generator is seeded ({@code RAND_status}): 1, always, because it seeds itself from the operating
     * system before its first output. An int, as in pyOpenSSL.
     */
    public static int status() {
        return 1;
    }

    /**
     * Forgets the generator state ({@code RAND_cleanup}): every thread's generator is re-instantiated from fresh
     * operating-system entropy at its next use, and everything mixed in so far is dropped.
     */
    public static void cleanup() {
        POOL.cleanup();
    }

    /**
     * Mixes in up to {@code maxBytes} bytes of the file {@code filename} ({@code RAND_load_file}); a negative limit
     * reads a regular file whole and 256 bytes from a device such as {@code /dev/urandom}.
     *
     * @return the number of bytes read and mixed in
     * @throws RandException if the file is missing, a directory or unreadable
     */
    public static int loadFile(String filename, long maxBytes) {
        return loadFile(pathOf(filename), maxBytes);
    }

    /** {@link #loadFile(String, long)} for the whole file. */
    public static int loadFile(String filename) {
        return loadFile(filename, -1);
    }

    /** {@link #loadFile(String, long)} with a {@link Path}. */
    public static int loadFile(Path file, long maxBytes) {
        Objects.requireNonNull(file, "filename");
        byte[] content = SeedFiles.read(file, maxBytes);
        POOL.add(content, content.length);
        return content.length;
    }

    /**
     * Writes 1024 fresh random bytes to {@code filename} ({@code RAND_write_file}), a seed file a later run can
     * {@link #loadFile} — readable and writable by the owner only (mode 0600 on POSIX systems).
     *
     * @return the number of bytes written: 1024
     * @throws RandException if the file cannot be written
     */
    public static int writeFile(String filename) {
        return writeFile(pathOf(filename));
    }

    /** {@link #writeFile(String)} with a {@link Path}. */
    public static int writeFile(Path file) {
        Objects.requireNonNull(file, "filename");
        SeedFiles.write(file, bytes(SeedFiles.WRITE_BYTES));
        return SeedFiles.WRITE_BYTES;
    }

    /**
     * Queries the Entropy Gathering Daemon listening on the Unix domain socket {@code path} for {@code bytes} bytes
     * and mixes them in ({@code RAND_egd_bytes}). pyOpenSSL's default for {@code bytes} was 255.
     *
     * @return how many bytes the daemon supplied (fewer than asked if it ran dry)
     * @throws IllegalArgumentException if {@code bytes} is not positive or over 65536
     * @throws RandException if the socket refuses the connection, answers garbage, or stays silent for
     *         {@link #EGD_TIMEOUT}
     */
    public static int egd(String path, int bytes) {
        if (path == null) {
            throw new IllegalArgumentException("path must be a string naming the EGD socket");
        }
        if (bytes <= 0 || bytes > 65536) {
            throw new IllegalArgumentException("bytes must be between 1 and 65536, got " + bytes);
        }
        byte[] got = new EgdClient(EGD_TIMEOUT).query(Path.of(path), bytes);
        POOL.add(got, got.length);
        return got.length;
    }

    /** {@link #egd(String, int)} asking for 255 bytes, pyOpenSSL's default. */
    public static int egd(String path) {
        return egd(path, 255);
    }

    /**
     * Mixes the contents of the screen into the state ({@code RAND_screen}). OpenSSL only ever did that on Windows;
     * everywhere it is a no-op here, documented as such, because the operating-system seed already covers it.
     */
    public static void screen() {
        // Intentionally nothing: see the javadoc.
    }

    private static Path pathOf(String filename) {
        if (filename == null) {
            throw new IllegalArgumentException("filename must be a string, not null");
        }
        return Path.of(filename);
    }
}
