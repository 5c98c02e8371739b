package dev.portcullis.ssl;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.CryptoException.Entry;
import dev.portcullis.crypto.PKey;
import dev.portcullis.ssl.internal.LocalCredentials;

/**
 * Our certificate, the chain sent after it, and the private key — with OpenSSL's consistency rules (a key that does
 * not belong to the certificate is refused) — resolved once into the form the handshake signs with.
 */
final class Credentials {
    private X509Certificate leaf;
    private final List<X509Certificate> extra = new ArrayList<>();
    private PrivateKey key;
    private LocalCredentials resolved;

    Credentials copy() {
        Credentials c = new Credentials();
        c.leaf = leaf;
        c.extra.addAll(extra);
        c.key = key;
        c.resolved = resolved;
        return c;
    }

    void useCertificate(X509Certificate certificate) {
        if (certificate == null) {
            throw new IllegalArgumentException("cert must be a certificate, not null");
        }
        leaf = certificate;
        if (key != null && !matches(certificate, key)) {
            key = null; // OpenSSL drops a private key that does not belong to the new certificate
        }
        resolved = null;
    }

    void useChain(List<X509Certificate> chain) {
        useCertificate(chain.get(0));
        extra.clear();
        extra.addAll(chain.subList(1, chain.size()));
    }

    void addExtraChainCert(X509Certificate certificate) {
        if (certificate == null) {
            throw new IllegalArgumentException("certobj must be a certificate, not null");
        }
        extra.add(certificate);
        resolved = null;
    }

    void usePrivateKey(PrivateKey privateKey) throws SslException {
        if (privateKey == null) {
            throw new IllegalArgumentException("pkey must be a private key, not null");
        }
        if (leaf != null && !matches(leaf, privateKey)) {
            throw keyMismatch();
        }
        key = privateKey;
        resolved = null;
    }

    void check() throws SslException {
        if (leaf == null) {
            throw new SslException(List.of(new Entry(SslException.SSL_ROUTINES, "", "no certificate assigned")));
        }
        if (key == null) {
            throw new SslException(List.of(new Entry(SslException.SSL_ROUTINES, "", "no private key assigned")));
        }
        if (!matches(leaf, key)) {
            throw keyMismatch();
        }
    }

    X509Certificate certificate() {
        return leaf;
    }

    /** The parsed credentials, or {@code null} when certificate or key is missing. */
    LocalCredentials resolve() throws SslException {
        if (leaf == null || key == null) {
            return null;
        }
        if (resolved == null) {
            List<byte[]> chain = new ArrayList<>();
            try {
                chain.add(leaf.getEncoded());
                for (X509Certificate c : extra) {
                    chain.add(c.getEncoded());
                }
            } catch (CertificateEncodingException e) {
                throw new SslException("cannot encode certificate", e);
            }
            try {
                resolved = LocalCredentials.of(chain, key.getEncoded());
            } catch (IllegalArgumentException e) {
                throw new SslException(e.getMessage(), e);
            }
        }
        return resolved;
    }

    static PrivateKey privateHalf(PKey key) {
        if (key == null) {
            throw new IllegalArgumentException("pkey must be a PKey instance, not null");
        }
        try {
            return key.toJavaPrivateKey();
        } catch (CryptoException e) {
            throw new IllegalArgumentException("pkey: " + e.getMessage(), e);
        }
    }

    static X509Certificate javaCertificate(dev.portcullis.crypto.X509 certificate) {
        if (certificate == null) {
            throw new IllegalArgumentException("cert must be an X509 instance, not null");
        }
        try {
            return certificate.toJavaCertificate();
        } catch (CryptoException e) {
            throw new IllegalArgumentException("cert: an empty or unsigned X509 cannot be used: " + e.getMessage(), e);
        }
    }

    private static boolean matches(X509Certificate certificate, PrivateKey key) {
        try {
            byte[] fromKey = PKey.fromJavaKey(key).toJavaPublicKey().getEncoded();
            return Arrays.equals(fromKey, certificate.getPublicKey().getEncoded());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static SslException keyMismatch() {
        return new SslException(List.of(new Entry("x509 certificate routines", "", "key values mismatch")));
    }
}
