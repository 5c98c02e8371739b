package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * What OpenSSL's {@code x509v3_cache_extensions} learns about a certificate, computed once: names in canonical
 * form, key identifiers, basic constraints, key usages, the self-issued and self-signed marks, unsupported
 * critical extensions and so on. Instances are immutable apart from the lazily built signature verifier, and
 * may be shared between stores and threads.
 */
public final class CertInfo {
    // keyUsage bits as OpenSSL packs them (first octet, then the second shifted left by 8)
    static final int KU_DIGITAL_SIGNATURE = 0x80;
    static final int KU_NON_REPUDIATION = 0x40;
    static final int KU_KEY_ENCIPHERMENT = 0x20;
    static final int KU_KEY_AGREEMENT = 0x08;
    static final int KU_KEY_CERT_SIGN = 0x04;
    static final int KU_CRL_SIGN = 0x02;
    // extendedKeyUsage bits (XKU_*)
    static final int XKU_SSL_SERVER = 0x1;
    static final int XKU_SSL_CLIENT = 0x2;
    static final int XKU_SMIME = 0x4;
    static final int XKU_CODE_SIGN = 0x8;
    static final int XKU_SGC = 0x10;
    static final int XKU_OCSP_SIGN = 0x20;
    static final int XKU_TIMESTAMP = 0x40;
    static final int XKU_DVCS = 0x80;
    static final int XKU_ANYEKU = 0x100;

    /** Extensions OpenSSL 3.0 processes ({@code X509_supported_extension}); any other critical one is "unhandled". */
    private static final Set<String> SUPPORTED_CRITICAL = Set.of(
            "2.16.840.1.113730.1.1", "2.5.29.15", "2.5.29.17", "2.5.29.19", "2.5.29.32", "2.5.29.31", "2.5.29.37",
            "1.3.6.1.5.5.7.1.7", "1.3.6.1.5.5.7.1.8", "1.3.6.1.5.5.7.48.1.5", "2.5.29.36", "1.3.6.1.5.5.7.1.14",
            "2.5.29.30", "2.5.29.33", "2.5.29.54");
    private static final ASN1ObjectIdentifier PROXY_CERT_INFO = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.14");
    private static final ASN1ObjectIdentifier NETSCAPE_CERT_TYPE = new ASN1ObjectIdentifier("2.16.840.1.113730.1.1");

    final Certificate cert;
    final byte[] der;
    final CanonicalName subject;
    final CanonicalName issuer;
    final String keyType;
    final long notBefore;
    final long notAfter;

    boolean invalid;
    boolean v1;
    boolean selfIssued;
    boolean selfSigned;
    boolean hasBasicConstraints;
    boolean ca;
    long pathLen = -1;
    boolean proxy;
    long proxyPathLen = -1;
    boolean hasKeyUsage;
    int keyUsage;
    boolean hasExtKeyUsage;
    int extKeyUsage;
    boolean hasNsCertType;
    int nsCertType;
    byte[] subjectKeyId;
    AuthorityKeyIdentifier authorityKeyId;
    GeneralNames altNames;
    NameConstraints nameConstraints;
    CRLDistPoint crlDistPoints;
    boolean unsupportedCritical;
    boolean basicConstraintsCritical;
    boolean altNamesCritical;

    private volatile KeyVerifier verifier;
    private volatile boolean keyUndecodable;
    /** The issuer whose key verified this certificate's signature (a signature is checked once per issuer key). */
    private volatile CertInfo signatureVerifiedWith;

    private CertInfo(Certificate cert, byte[] der) {
        this.cert = cert;
        this.der = der;
        this.subject = CanonicalName.of(cert.getSubject());
        this.issuer = CanonicalName.of(cert.getIssuer());
        this.keyType = cert.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm().getId();
        this.notBefore = Asn1Times.epochSeconds(cert.getStartDate());
        this.notAfter = Asn1Times.epochSeconds(cert.getEndDate());
    }

    /** Parses {@code cert} (a Bouncy Castle certificate structure). */
    public static CertInfo of(Certificate cert) {
        try {
            return of(cert, cert.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new IllegalArgumentException("certificate cannot be DER-encoded: " + e.getMessage(), e);
        }
    }

    private static final int CACHE_SIZE = 1024;
    private static final java.util.Map<java.nio.ByteBuffer, CertInfo> CACHE =
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<java.nio.ByteBuffer, CertInfo> eldest) {
                    return size() > CACHE_SIZE;
                }
            };

    /**
     * The parsed form of DER certificate {@code der}, shared with earlier callers that had the same bytes: a small
     * bounded cache, as the JDK's {@code CertificateFactory} keeps, so certificates seen again (a server's chain in
     * every handshake) are parsed, and their signatures checked, once.
     */
    public static CertInfo cached(byte[] der) {
        java.nio.ByteBuffer id = java.nio.ByteBuffer.wrap(der.clone());
        synchronized (CACHE) {
            CertInfo known = CACHE.get(id);
            if (known != null) {
                return known;
            }
        }
        CertInfo made = of(der);
        synchronized (CACHE) {
            CACHE.put(id, made);
        }
        return made;
    }

    /** Parses a DER-encoded certificate; signatures are later checked over these exact bytes. */
    public static CertInfo of(byte[] der) {
        Certificate cert;
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(der, true)) {
            cert = Certificate.getInstance(in.readObject()); // lazy: nested parts are decoded when first used
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate: " + e.getMessage(), e);
        }
        return of(cert, der.clone());
    }

    private static CertInfo of(Certificate cert, byte[] der) {
        try {
            CertInfo info = new CertInfo(cert, der);
            info.readExtensions();
            return info;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("certificate cannot be read: " + e.getMessage(), e);
        }
    }

    /** The Bouncy Castle certificate structure. */
    public Certificate certificate() {
        return cert;
    }

    /** The DER encoding (shared: do not modify). */
    byte[] der() {
        return der;
    }

    /** The DER encoding (a copy). */
    public byte[] encoded() {
        return der.clone();
    }

    /** The subject name in OpenSSL's canonical form. */
    public CanonicalName subjectName() {
        return subject;
    }

    /** The issuer name in OpenSSL's canonical form. */
    public CanonicalName issuerName() {
        return issuer;
    }

    /** The subject as a Bouncy Castle name. */
    public X500Name subjectX500() {
        return cert.getSubject();
    }

    /** {@code X509_cmp} equality: the same DER encoding. */
    boolean sameAs(CertInfo other) {
        return other == this || Arrays.equals(der, other.der);
    }

    private void readExtensions() {
        v1 = cert.getVersionNumber() == 1;
        Extensions exts = cert.getTBSCertificate().getExtensions();
        if (exts != null) {
            readBasicConstraints(exts);
            readProxy(exts);
            readKeyUsages(exts);
            readIdentifiers(exts);
            readCriticality(exts);
        }
        if (subject.equals(issuer)) {
            selfIssued = true;
            selfSigned = checkAkid(this, authorityKeyId) == 0
                    && SignatureAlgorithms.matchKey(keyType, cert.getTBSCertificate().getSignature()) == 0;
        }
    }

    private void readBasicConstraints(Extensions exts) {
        Extension e = exts.getExtension(Extension.basicConstraints);
        if (e == null) {
            return;
        }
        try {
            BasicConstraints bc = BasicConstraints.getInstance(e.getParsedValue());
            ca = bc.isCA();
            ASN1Sequence seq = ASN1Sequence.getInstance(e.getParsedValue());
            for (int i = 0; i < seq.size(); i++) {
                if (seq.getObjectAt(i) instanceof ASN1Integer n) {
                    BigInteger v = n.getValue();
                    if (v.signum() < 0) {
                        invalid = true;
                    } else {
                        pathLen = v.bitLength() > 62 ? Long.MAX_VALUE : v.longValue();
                    }
                }
            }
            hasBasicConstraints = true;
        } catch (RuntimeException ex) {
            invalid = true;
        }
    }

    private void readProxy(Extensions exts) {
        Extension e = exts.getExtension(PROXY_CERT_INFO);
        if (e == null) {
            return;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(e.getParsedValue());
            if (ca || exts.getExtension(Extension.subjectAlternativeName) != null
                    || exts.getExtension(Extension.issuerAlternativeName) != null) {
                invalid = true;
            }
            if (seq.size() > 0 && seq.getObjectAt(0) instanceof ASN1Integer n) {
                proxyPathLen = n.getValue().longValue();
            }
            proxy = true;
        } catch (RuntimeException ex) {
            invalid = true;
        }
    }

    private void readKeyUsages(Extensions exts) {
        try {
            Extension ku = exts.getExtension(Extension.keyUsage);
            if (ku != null) {
                byte[] bits = DERBitString.getInstance(ku.getParsedValue()).getBytes();
                keyUsage = (bits.length > 0 ? bits[0] & 0xff : 0) | (bits.length > 1 ? (bits[1] & 0xff) << 8 : 0);
                hasKeyUsage = true;
                if (keyUsage == 0) {
                    invalid = true;
                }
            }
            Extension eku = exts.getExtension(Extension.extendedKeyUsage);
            if (eku != null) {
                hasExtKeyUsage = true;
                ASN1Sequence seq = ASN1Sequence.getInstance(eku.getParsedValue());
                for (int i = 0; i < seq.size(); i++) {
                    extKeyUsage |= extKeyUsageBit(ASN1ObjectIdentifier.getInstance(seq.getObjectAt(i)).getId());
                }
            }
            Extension ns = exts.getExtension(NETSCAPE_CERT_TYPE);
            if (ns != null) {
                byte[] bits = DERBitString.getInstance(ns.getParsedValue()).getBytes();
                nsCertType = bits.length > 0 ? bits[0] & 0xff : 0;
                hasNsCertType = true;
            }
        } catch (RuntimeException ex) {
            invalid = true;
        }
    }

    private static int extKeyUsageBit(String oid) {
        return switch (oid) {
            case "1.3.6.1.5.5.7.3.1" -> XKU_SSL_SERVER;
            case "1.3.6.1.5.5.7.3.2" -> XKU_SSL_CLIENT;
            case "1.3.6.1.5.5.7.3.4" -> XKU_SMIME;
            case "1.3.6.1.5.5.7.3.3" -> XKU_CODE_SIGN;
            case "1.3.6.1.4.1.311.10.3.3", "2.16.840.1.113730.4.1" -> XKU_SGC;
            case "1.3.6.1.5.5.7.3.9" -> XKU_OCSP_SIGN;
            case "1.3.6.1.5.5.7.3.8" -> XKU_TIMESTAMP;
            case "1.3.6.1.5.5.7.3.10" -> XKU_DVCS;
            case "2.5.29.37.0" -> XKU_ANYEKU;
            default -> 0;
        };
    }

    private void readIdentifiers(Extensions exts) {
        try {
            Extension skid = exts.getExtension(Extension.subjectKeyIdentifier);
            if (skid != null) {
                subjectKeyId = ASN1OctetString.getInstance(skid.getParsedValue()).getOctets();
            }
            Extension akid = exts.getExtension(Extension.authorityKeyIdentifier);
            if (akid != null) {
                authorityKeyId = AuthorityKeyIdentifier.getInstance(akid.getParsedValue());
            }
            Extension san = exts.getExtension(Extension.subjectAlternativeName);
            if (san != null) {
                altNames = GeneralNames.getInstance(san.getParsedValue());
            }
            Extension nc = exts.getExtension(Extension.nameConstraints);
            if (nc != null) {
                nameConstraints = NameConstraints.getInstance(nc.getParsedValue());
            }
            Extension dp = exts.getExtension(Extension.cRLDistributionPoints);
            if (dp != null) {
                crlDistPoints = CRLDistPoint.getInstance(dp.getParsedValue());
                if (crlDistPoints.getDistributionPoints().length == 0) {
                    crlDistPoints = null;
                }
            }
        } catch (RuntimeException ex) {
            invalid = true;
        }
    }

    /** Sets {@link #unsupportedCritical}; like OpenSSL, stops looking at the first unsupported critical extension. */
    private void readCriticality(Extensions exts) {
        for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
            Extension e = exts.getExtension(oid);
            if (!e.isCritical()) {
                continue;
            }
            if (!SUPPORTED_CRITICAL.contains(oid.getId())) {
                unsupportedCritical = true;
                return;
            }
            if (oid.equals(Extension.basicConstraints)) {
                basicConstraintsCritical = true;
            } else if (oid.equals(Extension.subjectAlternativeName)) {
                altNamesCritical = true;
            }
        }
    }

    /** {@code X509_check_akid}: 0 when {@code akid} (of a subject) is consistent with {@code issuer}, else the error code. */
    static int checkAkid(CertInfo issuer, AuthorityKeyIdentifier akid) {
        if (akid == null) {
            return 0;
        }
        byte[] keyId = akid.getKeyIdentifierObject() == null ? null : akid.getKeyIdentifierObject().getOctets();
        if (keyId != null && issuer.subjectKeyId != null && !Arrays.equals(keyId, issuer.subjectKeyId)) {
            return VerifyError.AKID_SKID_MISMATCH.code();
        }
        if (akid.getAuthorityCertSerialNumber() != null
                && !akid.getAuthorityCertSerialNumber().equals(issuer.cert.getSerialNumber().getValue())) {
            return VerifyError.AKID_ISSUER_SERIAL_MISMATCH.code();
        }
        GeneralNames names = akid.getAuthorityCertIssuer();
        if (names != null) {
            for (GeneralName n : names.getNames()) {
                if (n.getTagNo() == GeneralName.directoryName) {
                    if (!CanonicalName.of(X500Name.getInstance(n.getName())).equals(issuer.issuer)) {
                        return VerifyError.AKID_ISSUER_SERIAL_MISMATCH.code();
                    }
                    break;
                }
            }
        }
        return 0;
    }

    /** {@code ossl_x509_likely_issued}: names, key identifiers and algorithm agree that {@code issuer} issued {@code subject}. */
    static int likelyIssued(CertInfo issuer, CertInfo subject) {
        if (!issuer.subject.equals(subject.issuer)) {
            return VerifyError.SUBJECT_ISSUER_MISMATCH.code();
        }
        if (issuer.invalid || subject.invalid) {
            return VerifyError.UNSPECIFIED.code();
        }
        int akid = checkAkid(issuer, subject.authorityKeyId);
        if (akid != 0) {
            return akid;
        }
        return SignatureAlgorithms.matchKey(issuer.keyType, subject.cert.getTBSCertificate().getSignature());
    }

    /** {@code ossl_x509_signing_allowed}: the issuer's keyUsage permits signing {@code subject}. */
    static int signingAllowed(CertInfo issuer, CertInfo subject) {
        if (subject.proxy) {
            return issuer.hasKeyUsage && (issuer.keyUsage & KU_DIGITAL_SIGNATURE) == 0
                    ? VerifyError.KEYUSAGE_NO_DIGITAL_SIGNATURE.code() : 0;
        }
        return issuer.hasKeyUsage && (issuer.keyUsage & KU_KEY_CERT_SIGN) == 0 ? VerifyError.KEYUSAGE_NO_CERTSIGN.code() : 0;
    }

    /**
     * {@code X509_check_ca}: 0 not a CA, 1 a CA by basicConstraints, 3 a self-signed v1 root, 4 keyUsage keyCertSign
     * without basicConstraints, 5 a Netscape CA type.
     */
    int checkCa() {
        if (invalid) {
            return 0;
        }
        if (hasKeyUsage && (keyUsage & KU_KEY_CERT_SIGN) == 0) {
            return 0;
        }
        if (hasBasicConstraints) {
            return ca ? 1 : 0;
        }
        if (v1 && selfSigned) {
            return 3;
        }
        if (hasKeyUsage) {
            return 4;
        }
        if (hasNsCertType && (nsCertType & 0x07) != 0) {
            return 5;
        }
        return 0;
    }

    /** The verifier for signatures made with this certificate's key, built once ({@code null}: the key cannot be decoded). */
    KeyVerifier verifier() {
        KeyVerifier v = verifier;
        if (v == null && !keyUndecodable) {
            v = KeyVerifier.of(cert.getSubjectPublicKeyInfo());
            if (v == null) {
                keyUndecodable = true;
            }
            verifier = v;
        }
        return v;
    }

    /**
     * Whether {@code issuer}'s key verifies this certificate's signature ({@code X509_verify}); a success is
     * remembered, as the JDK's {@code X509CertImpl} does, since it depends only on these bytes and that key.
     */
    boolean signatureVerifiedBy(CertInfo issuer, KeyVerifier key) {
        CertInfo known = signatureVerifiedWith;
        if (known != null && (known == issuer
                || known.cert.getSubjectPublicKeyInfo().equals(issuer.cert.getSubjectPublicKeyInfo()))) {
            return true;
        }
        boolean ok = SignatureChecks.verifyCertificate(this, key);
        if (ok) {
            signatureVerifiedWith = issuer;
        }
        return ok;
    }

    @Override
    public String toString() {
        return cert.getSubject().toString();
    }
}
