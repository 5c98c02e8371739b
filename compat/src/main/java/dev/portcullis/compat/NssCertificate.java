package dev.portcullis.compat;

import dev.portcullis.compat.internal.Pkcs11;
import dev.portcullis.compat.internal.StoredObject;
import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate stored in an NSS database (cert9.db) with its nickname, its trust and, when the database holds
 * it, its private key.
 *
 * <p>The nickname is the certificate's {@code CKA_LABEL} in UTF-8 — spaces and any Unicode allowed — exactly as
 * {@code certutil -L} lists it (certificates of the internal token carry no {@code "token:"} prefix). Several
 * certificates may share a nickname only when they share a subject (renewals of one identity).
 */
public final class NssCertificate {
    private final StoredObject stored;
    private final X509Certificate certificate;
    private final byte[] der;
    private final TrustSource trustSource;
    private final boolean user;
    private final NssPrivateKey privateKey;
    private NssTrust trust;

    NssCertificate(StoredObject stored, X509Certificate certificate, byte[] der, TrustSource trustSource,
            boolean user, NssPrivateKey privateKey) {
        this.stored = stored;
        this.certificate = certificate;
        this.der = der;
        this.trustSource = trustSource;
        this.user = user;
        this.privateKey = privateKey;
    }

    /**
     * The nickname (CKA_LABEL), or {@code null} when the certificate has none (an empty label counts as none, as in
     * NSS; {@code certutil -L} then prints {@code "(NULL)"}, e.g. for certificates pk12util imported from a
     * PKCS#12 bag without a friendly name).
     */
    public String nickname() {
        byte[] v = stored.raw(Pkcs11.CKA_LABEL);
        return v == null || v.length == 0 ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** The DER encoding of the certificate (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** The certificate as a Portcullis {@link X509} (a new object each call, as pyOpenSSL's loaders). */
    public X509 toX509() {
        return Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der);
    }

    /** The certificate as a {@code java.security.cert.X509Certificate} (immutable, shared). */
    public X509Certificate toJavaCertificate() {
        return certificate;
    }

    /** The subject name. */
    public X500Principal subject() {
        return certificate.getSubjectX500Principal();
    }

    /** The issuer name. */
    public X500Principal issuer() {
        return certificate.getIssuerX500Principal();
    }

    /** The serial number. */
    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** The e-mail address NSS recorded for the certificate (CKA_NSS_EMAIL), or {@code null}. */
    public String emailAddress() {
        byte[] v = stored.raw(Pkcs11.CKA_NSS_EMAIL);
        return v == null || v.length == 0 ? null : new String(v, StandardCharsets.UTF_8);
    }

    /**
     * The trust NSS gives this certificate; {@code trust().toString()} is certutil's string, e.g. {@code "CT,C,C"}.
     * Decoded on first call: when the database is logged in, that checks the trust object's integrity MACs (each
     * a PBKDF2 of 10,000 iterations when the database has a password, a few milliseconds).
     *
     * @throws NssDbException when first called after the database was closed
     */
    public synchronized NssTrust trust() {
        if (trust == null) {
            trust = trustSource.trustOf(stored, der, user, nickname());
        }
        return trust;
    }

    /** Whether the database holds the matching private key (certutil's {@code u}). */
    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    /** The matching private key, or {@code null}. */
    public NssPrivateKey privateKey() {
        return privateKey;
    }

    /** Nickname, subject and trust string. */
    @Override
    public String toString() {
        return "NssCertificate[" + nickname() + ", " + subject().getName() + "]";
    }
}
