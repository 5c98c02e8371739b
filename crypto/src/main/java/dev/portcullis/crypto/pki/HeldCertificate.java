package dev.portcullis.crypto.pki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;

import dev.portcullis.crypto.CRL;
import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKCS12;
import dev.portcullis.crypto.PKCS12Profile;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.internal.pki.Jsse;
import dev.portcullis.crypto.internal.pki.RevocationLists;

/**
 * A certificate together with its private key and the certificates above it: what a TLS server or client needs
 * to prove who it is, and what a CA needs to issue more certificates. Immutable; made by {@link #builder()} (or
 * {@link #of} for a certificate and key you already have).
 *
 * <p>It converts into every shape the rest of the world wants: PEM ({@link #certificatePem()},
 * {@link #certificatePathPem()}, {@link #privateKeyPem()}), a JSSE {@link KeyStore}, {@link KeyManagerFactory} or
 * {@link SSLContext}, a {@link TrustBundle} of its root, and files on disk for tools that want paths
 * ({@link #writeTemporaryFiles()}). Modelled on okhttp-tls's {@code HeldCertificate} and Netty's
 * {@code pkitesting}.
 *
 * <p>The private key leaves the object only through the methods that say so ({@link #key()},
 * {@link #privateKeyPem()}, the JSSE conversions); {@link #toString()} never shows it.
 */
public final class HeldCertificate {
    private final X509 certificate;
    private final KeyPair keyPair;
    private final List<X509> issuers;
    private final boolean ca;
    private final int pathLength;

    private HeldCertificate(X509 certificate, PKey key, List<X509> issuers) {
        this.certificate = certificate.copy();
        this.keyPair = new KeyPair(key.toJavaPublicKey(), key.toJavaPrivateKey());
        List<X509> copies = new ArrayList<>();
        issuers.forEach(c -> copies.add(Objects.requireNonNull(c, "issuer certificate").copy()));
        this.issuers = Collections.unmodifiableList(copies);
        BasicConstraints constraints = BasicConstraints.fromExtensions(
                Certificate.getInstance(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, certificate))
                        .getTBSCertificate().getExtensions());
        this.ca = constraints != null && constraints.isCA();
        this.pathLength = constraints == null || constraints.getPathLenConstraint() == null
                ? -1 : constraints.getPathLenConstraint().intValueExact();
    }

    /** A new builder with the defaults described in {@link CertificateBuilder}. */
    public static CertificateBuilder builder() {
        return new CertificateBuilder();
    }

    /**
     * Holds an existing certificate and its key pair, with the certificates above it ({@code issuers}, nearest
     * first, possibly ending with the root).
     *
     * @throws IllegalArgumentException if the key has no private half or does not match the certificate
     */
    public static HeldCertificate of(X509 certificate, PKey key, List<X509> issuers) {
        Objects.requireNonNull(certificate, "certificate");
        if (key == null || !key.hasPrivateKey()) {
            throw new IllegalArgumentException("key must be a key pair with a private key");
        }
        if (!java.util.Arrays.equals(certificate.getPubkey().toJavaPublicKey().getEncoded(),
                key.toJavaPublicKey().getEncoded())) {
            throw new IllegalArgumentException("the key does not belong to the certificate "
                    + certificate.getSubject());
        }
        return new HeldCertificate(certificate, key, Objects.requireNonNull(issuers, "issuers"));
    }

    /** The certificate (a copy: changing it does not change this object). */
    public X509 certificate() {
        return certificate.copy();
    }

    /** The key pair (a new {@link PKey} each call). */
    public PKey key() {
        return PKey.fromJavaKeyPair(keyPair);
    }

    /** The certificates above this one, nearest issuer first, up to and including the root (copies). */
    public List<X509> issuers() {
        List<X509> out = new ArrayList<>(issuers.size());
        issuers.forEach(c -> out.add(c.copy()));
        return out;
    }

    /**
     * What a TLS peer sends: this certificate followed by its intermediates, without a self-signed root (the other
     * side must already trust the root; sending it only costs bytes).
     */
    public List<X509> certificatePath() {
        List<X509> path = new ArrayList<>();
        path.add(certificate.copy());
        for (X509 issuer : issuers) {
            if (!issuer.getSubject().equals(issuer.getIssuer())) {
                path.add(issuer.copy());
            }
        }
        return path;
    }

    /** The top of the chain: the last issuer, or this certificate itself when it is self-signed. */
    public X509 root() {
        return issuers.isEmpty() ? certificate.copy() : issuers.get(issuers.size() - 1).copy();
    }

    /** A trust bundle holding {@link #root()}: what the other side of a TLS connection should trust. */
    public TrustBundle trustBundle() {
        return TrustBundle.of(root());
    }

    /** Whether this certificate is a CA (basicConstraints CA:TRUE). */
    public boolean isCa() {
        return ca;
    }

    void checkCanIssue(boolean childIsCa) {
        if (!ca) {
            throw new IllegalStateException("the issuer " + certificate.getSubject() + " is not a CA");
        }
        if (childIsCa && pathLength == 0) {
            throw new IllegalStateException("the issuer " + certificate.getSubject()
                    + " has path length 0 and cannot issue another CA");
        }
    }

    /** The certificate as PEM ({@code -----BEGIN CERTIFICATE-----}). */
    public String certificatePem() {
        return new String(Crypto.dumpCertificate(Crypto.FILETYPE_PEM, certificate), StandardCharsets.US_ASCII);
    }

    /** {@link #certificatePath()} as concatenated PEM, leaf first: the usual "fullchain.pem". */
    public String certificatePathPem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (X509 c : certificatePath()) {
            out.writeBytes(Crypto.dumpCertificate(Crypto.FILETYPE_PEM, c));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). The secret leaves here. */
    public String privateKeyPem() {
        return new String(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key()), StandardCharsets.US_ASCII);
    }

    /**
     * The private key as encrypted PKCS#8 PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}, PBES2 with
     * AES-256-CBC), readable by {@code openssl pkey -passin}. The passphrase array is not kept.
     */
    public String privateKeyPem(byte[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        return new String(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key(), "aes-256-cbc", passphrase),
                StandardCharsets.US_ASCII);
    }

    /**
     * This certificate, its key and its intermediates as a PKCS#12 file (friendly name {@code "key"}) protected by
     * {@code password}, in the named profile: {@link PKCS12Profile#MODERN} (AES-256, what OpenSSL 3 and Java 17
     * write) or {@link PKCS12Profile#LEGACY} (3DES/RC2 for old Java, Windows and Tomcat).
     */
    public byte[] pkcs12(char[] password, PKCS12Profile profile) {
        PKCS12 p12 = new PKCS12();
        p12.setCertificate(certificate);
        p12.setPrivateKey(key());
        List<X509> intermediates = certificatePath().subList(1, certificatePath().size());
        p12.setCaCertificates(intermediates.isEmpty() ? null : intermediates);
        p12.setFriendlyName("key".getBytes(StandardCharsets.US_ASCII));
        return p12.export(password, Objects.requireNonNull(profile, "profile"));
    }

    /**
     * A CRL issued by this CA listing {@code revoked} (with the revocation time now and no reason), valid for
     * {@code validity}, signed with this CA's key and its default digest.
     *
     * @throws IllegalStateException if this certificate is not a CA
     */
    public CRL issueCrl(List<X509> revoked, Duration validity) {
        if (!ca) {
            throw new IllegalStateException(certificate.getSubject() + " is not a CA and cannot issue a CRL");
        }
        return RevocationLists.issue(this, revoked, validity);
    }

    /**
     * A JSSE {@link KeyStore} (type PKCS12, in memory) holding this key and {@link #certificatePath()} under the
     * alias {@code "key"}, protected by {@code password}.
     */
    public KeyStore keyStore(char[] password) {
        return Jsse.keyStore(keyPair.getPrivate(), javaPath(), password);
    }

    /** A {@link KeyManagerFactory} (SunX509 algorithm) serving this certificate and key. */
    public KeyManagerFactory keyManagerFactory() {
        return Jsse.keyManagerFactory(keyPair.getPrivate(), javaPath());
    }

    /** The {@link X509KeyManager} of {@link #keyManagerFactory()}. */
    public X509KeyManager keyManager() {
        return Jsse.keyManager(keyManagerFactory());
    }

    /**
     * A TLS {@link SSLContext} that presents this certificate and trusts {@code trust} (null: the JDK's default
     * trust). Use it for a JSSE server, or for a JSSE client doing mutual TLS.
     */
    public SSLContext sslContext(TrustBundle trust) {
        return Jsse.sslContext(keyManagerFactory(), trust == null ? null : trust.trustManagerFactory());
    }

    /**
     * Writes {@code cert.pem}, {@code chain.pem} (the certificate path), {@code key.pem} (unencrypted PKCS#8) and
     * {@code root.pem} to a new private temporary directory, for tools that want file names; closing the result
     * deletes them.
     */
    public TemporaryFiles writeTemporaryFiles() {
        return TemporaryFiles.write(this);
    }

    private X509Certificate[] javaPath() {
        return certificatePath().stream().map(X509::toJavaCertificate).toArray(X509Certificate[]::new);
    }

    @Override
    public String toString() {
        return "HeldCertificate[" + certificate.getSubject() + (ca ? ", CA" : "") + ", issuers=" + issuers.size()
                + "]";
    }
}
