package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;

/**
 * The platform's default trust, as {@code X509_STORE_set_default_paths} finds it: the file and directory named by
 * the {@code SSL_CERT_FILE} / {@code SSL_CERT_DIR} environment variables (OpenSSL honours them too), else the first
 * OpenSSL installation layout present ({@code /usr/lib/ssl} on Debian and Ubuntu, {@code /etc/pki/tls} on
 * Fedora/RHEL, {@code /etc/ssl}, {@code /usr/local/etc/openssl}); on systems with none of these (Windows, a bare
 * macOS) the JDK's own {@code cacerts} keystore is used instead.
 */
public final class SystemTrust {
    private static final List<Path> OPENSSL_DIRS = List.of(Path.of("/usr/lib/ssl"), Path.of("/etc/pki/tls"),
            Path.of("/etc/ssl"), Path.of("/usr/local/etc/openssl"), Path.of("/opt/homebrew/etc/openssl@3"));

    private SystemTrust() {
    }

    /** Adds the default trust locations to {@code store}; returns a short description of what was used. */
    public static String addTo(TrustStore store) {
        String file = System.getenv("SSL_CERT_FILE");
        String dir = System.getenv("SSL_CERT_DIR");
        if (file != null || dir != null) {
            addFile(store, file == null ? null : Path.of(file));
            if (dir != null) {
                for (String d : dir.split(java.io.File.pathSeparator)) {
                    store.addDirectory(Path.of(d));
                }
            }
            return "SSL_CERT_FILE=" + file + " SSL_CERT_DIR=" + dir;
        }
        for (Path base : OPENSSL_DIRS) {
            Path certFile = base.resolve("cert.pem");
            Path certDir = base.resolve("certs");
            if (Files.isReadable(certFile) || Files.isDirectory(certDir)) {
                addFile(store, certFile);
                store.addDirectory(certDir);
                return base.toString();
            }
        }
        return addJdkCacerts(store);
    }

    private static void addFile(TrustStore store, Path file) {
        if (file == null || !Files.isReadable(file)) {
            return; // OpenSSL also ignores a missing default file
        }
        try {
            PemBundle bundle = PemBundle.parse(Files.readAllBytes(file));
            bundle.certificates().forEach(store::addCert);
            bundle.crls().forEach(store::addCrl);
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable default bundle leaves the store as it was, as OpenSSL's default-path loading does
        }
    }

    private static String addJdkCacerts(TrustStore store) {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        try (InputStream in = Files.newInputStream(cacerts)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, null);
            for (String alias : Collections.list(ks.aliases())) {
                Certificate c = ks.getCertificate(alias);
                if (c != null && ks.isCertificateEntry(alias)) {
                    store.addCert(CertInfo.of(c.getEncoded()));
                }
            }
            return cacerts.toString();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return "none";
        }
    }
}
