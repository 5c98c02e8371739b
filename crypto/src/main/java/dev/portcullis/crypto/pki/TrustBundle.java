package dev.portcullis.crypto.pki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.internal.pki.Jsse;

/**
 * A set of trusted root certificates (trust anchors): the certificates a verifier accepts a chain as ending in.
 * Immutable. Converts into a JSSE {@link X509TrustManager}/{@link TrustManagerFactory}/{@link KeyStore}/
 * {@link SSLContext} and a PEM bundle (the {@code cafile} of OpenSSL tools).
 */
public final class TrustBundle {
    private final List<X509> roots;

    private TrustBundle(List<X509> roots) {
        this.roots = roots;
    }

    /** A bundle of these roots. */
    public static TrustBundle of(X509... roots) {
        return of(List.of(roots));
    }

    /** A bundle of these roots. */
    public static TrustBundle of(List<X509> roots) {
        List<X509> copies = new ArrayList<>();
        for (X509 root : Objects.requireNonNull(roots, "roots")) {
            copies.add(Objects.requireNonNull(root, "root certificate").copy());
        }
        if (copies.isEmpty()) {
            throw new IllegalArgumentException("a trust bundle needs at least one root certificate");
        }
        return new TrustBundle(Collections.unmodifiableList(copies));
    }

    /** A bundle of the roots of these held certificates ({@link HeldCertificate#root()}). */
    public static TrustBundle of(HeldCertificate... certificates) {
        List<X509> roots = new ArrayList<>();
        for (HeldCertificate held : certificates) {
            roots.add(held.root());
        }
        return of(roots);
    }

    /** The roots (copies). */
    public List<X509> roots() {
        List<X509> out = new ArrayList<>();
        roots.forEach(r -> out.add(r.copy()));
        return out;
    }

    /** The roots as concatenated PEM, usable as OpenSSL's {@code -CAfile}. */
    public String pem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        roots.forEach(r -> out.writeBytes(Crypto.dumpCertificate(Crypto.FILETYPE_PEM, r)));
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** A JSSE trust store (type PKCS12, in memory) with one trusted-certificate entry per root. */
    public KeyStore keyStore() {
        return Jsse.trustStore(javaRoots());
    }

    /** A {@link TrustManagerFactory} (PKIX) over {@link #keyStore()}. */
    public TrustManagerFactory trustManagerFactory() {
        return Jsse.trustManagerFactory(keyStore());
    }

    /** The {@link X509TrustManager} of {@link #trustManagerFactory()}. */
    public X509TrustManager trustManager() {
        return Jsse.trustManager(trustManagerFactory());
    }

    /** A TLS {@link SSLContext} for a JSSE client that trusts these roots and presents no certificate. */
    public SSLContext sslContext() {
        return Jsse.sslContext(null, trustManagerFactory());
    }

    private List<X509Certificate> javaRoots() {
        List<X509Certificate> out = new ArrayList<>();
        roots.forEach(r -> out.add(r.toJavaCertificate()));
        return out;
    }
}
