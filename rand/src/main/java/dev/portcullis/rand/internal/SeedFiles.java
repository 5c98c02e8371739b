package dev.portcullis.rand.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import dev.portcullis.rand.RandException;

/**
 * Seed files as OpenSSL's {@code RAND_load_file}/{@code RAND_write_file} treat them.
 *
 * <p>Loading reads at most {@code maxBytes} bytes (a negative limit reads a regular file whole, and
 * {@link #DEVICE_BYTES} bytes from a device such as {@code /dev/urandom}, which has no end). Writing stores
 * {@link #WRITE_BYTES} fresh random bytes, readable by the owner only (mode 0600), as OpenSSL does.
 */
public final class SeedFiles {
    /** How many bytes a seed file written by {@link #write} holds (OpenSSL's {@code RAND_FILE_SIZE}). */
    public static final int WRITE_BYTES = 1024;
    /** How many bytes an unlimited load takes from a device (OpenSSL reads a bounded amount from devices too). */
    public static final int DEVICE_BYTES = 256;

    private SeedFiles() {
    }

    /** Reads the seed material of {@code path}, at most {@code maxBytes} (all of a regular file if negative). */
    public static byte[] read(Path path, long maxBytes) {
        if (!Files.exists(path)) {
            throw new RandException("cannot load seed file " + path + ": no such file");
        }
        if (Files.isDirectory(path)) {
            throw new RandException("cannot load seed file " + path + ": it is a directory");
        }
        long limit = maxBytes >= 0 ? maxBytes : Files.isRegularFile(path) ? Long.MAX_VALUE : DEVICE_BYTES;
        try (InputStream in = Files.newInputStream(path)) {
            if (limit > Integer.MAX_VALUE - 8) {
                long size = Files.size(path);
                if (size > Integer.MAX_VALUE - 8) {
                    throw new RandException("cannot load seed file " + path + ": " + size
                            + " bytes is more than one load takes; pass a maxBytes limit");
                }
                limit = size;
            }
            return in.readNBytes((int) limit);
        } catch (IOException e) {
            throw new RandException("cannot load seed file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code content} to {@code path} with owner-only permissions where the file system has them. */
    public static void write(Path path, byte[] content) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix && !Files.exists(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            if (posix && Files.isRegularFile(path)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(path, content);
        } catch (IOException e) {
            throw new RandException("cannot write seed file " + path + ": " + e.getMessage(), e);
        }
    }
}
