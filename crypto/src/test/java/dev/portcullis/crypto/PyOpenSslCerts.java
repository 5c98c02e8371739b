package dev.portcullis.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The certificates of pyOpenSSL's own test suite (test resources under {@code pyopenssl/}). */
final class PyOpenSslCerts {
    private PyOpenSslCerts() {
    }

    /** The bytes of resource {@code pyopenssl/<name>}. */
    static byte[] bytes(String name) {
        try (InputStream in = PyOpenSslCerts.class.getResourceAsStream("pyopenssl/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource pyopenssl/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pyOpenSSL's {@code old_root_cert_pem}: SHA-1 signed, GeneralizedTime validity 2009–2017. */
    static X509 oldRoot() {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, bytes("old_root.pem"));
    }

    /** pyOpenSSL's {@code root_cert_pem}: "Testing Root CA", RSA-3072, SHA-256, valid 2020–2047. */
    static X509 root() {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, bytes("root.pem"));
    }

    /** pyOpenSSL's {@code nulbyteSubjectAltNamePEM}: NUL bytes in the subject CN and in the SAN. */
    static X509 nulSan() {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, bytes("nul_san.pem"));
    }
}
