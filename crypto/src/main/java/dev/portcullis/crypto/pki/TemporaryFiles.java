package dev.portcullis.crypto.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.portcullis.crypto.Crypto;

/**
 * A held certificate written to a private temporary directory for tools that want paths ({@code openssl s_server
 * -cert cert.pem -key key.pem}, a server's configuration file). {@link #close()} deletes the directory.
 */
public final class TemporaryFiles implements AutoCloseable {
    private final Path directory;

    private TemporaryFiles(Path directory) {
        this.directory = directory;
    }

    static TemporaryFiles write(HeldCertificate held) {
        try {
            Path dir = Files.createTempDirectory("portcullis-pki",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            TemporaryFiles files = new TemporaryFiles(dir);
            Files.writeString(files.certificate(), held.certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(files.chain(), held.certificatePathPem(), StandardCharsets.US_ASCII);
            Files.writeString(files.privateKey(), held.privateKeyPem(), StandardCharsets.US_ASCII);
            Files.write(files.root(), Crypto.dumpCertificate(Crypto.FILETYPE_PEM, held.root()));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write temporary certificate files", e);
        }
    }

    /** The directory holding the files. */
    public Path directory() {
        return directory;
    }

    /** {@code cert.pem}: the certificate. */
    public Path certificate() {
        return directory.resolve("cert.pem");
    }

    /** {@code chain.pem}: the certificate followed by its intermediates. */
    public Path chain() {
        return directory.resolve("chain.pem");
    }

    /** {@code key.pem}: the unencrypted PKCS#8 private key (mode 0600 inside a 0700 directory). */
    public Path privateKey() {
        return directory.resolve("key.pem");
    }

    /** {@code root.pem}: the root certificate, for the other side's trust. */
    public Path root() {
        return directory.resolve("root.pem");
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
