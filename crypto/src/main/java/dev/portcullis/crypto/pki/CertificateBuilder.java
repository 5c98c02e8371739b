package dev.portcullis.crypto.pki;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;

import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509Name;
import dev.portcullis.crypto.internal.pki.CertificateIssuer;
import dev.portcullis.crypto.internal.pki.TypedNames;
import dev.portcullis.rand.Rand;

/**
 * Builds a {@link HeldCertificate}: a certificate and its private key, with defaults that suit tests and
 * certificate scripts. Only what differs from the defaults needs saying:
 *
 * <pre>{@code
 * HeldCertificate root = HeldCertificate.builder().commonName("Test Root").ca(1).build();
 * HeldCertificate server = HeldCertificate.builder()
 *         .subjectAlternativeNames("localhost", "127.0.0.1")
 *         .signedBy(root)
 *         .build();
 * }</pre>
 *
 * <p>Defaults: an {@link KeyType#EC_P256} key generated for the certificate; the subject {@code CN=} the first
 * subject alternative name (or a random name); a random positive 159-bit serial; validity from one minute ago for
 * 24 hours (set {@link #validity} for expired or not-yet-valid certificates); role {@link CertificateRole#TLS_SERVER}
 * for leaves and {@link CertificateRole#CA} after {@link #ca}; self-signed unless {@link #signedBy} names an issuer;
 * subject and authority key identifiers always.
 *
 * <p>The builder validates at {@link #build()} and names the problem: a CA whose key usage lacks keyCertSign, a
 * path length on a leaf, an issuer that is not a CA or whose path length forbids another CA below it, a window
 * that ends before it starts. Unparseable alternative names fail when they are added. A builder is mutable and
 * not thread-safe; {@link #copy()} makes a template for families of certificates.
 */
public final class CertificateBuilder {
    private X509Name subject;
    private final List<GeneralName> alternativeNames = new ArrayList<>();
    private KeyType keyType = KeyType.EC_P256;
    private PKey key;
    private Instant notBefore;
    private Instant notAfter;
    private Duration lifetime = Duration.ofHours(24);
    private BigInteger serial;
    private CertificateRole role;
    private Integer pathLength;
    private boolean ca;
    private Set<KeyUsage> keyUsage;
    private List<String> extendedKeyUsage;
    private final List<GeneralName> permitted = new ArrayList<>();
    private final List<GeneralName> excluded = new ArrayList<>();
    private final List<String> crlDistributionPoints = new ArrayList<>();
    private final List<String> ocspResponders = new ArrayList<>();
    private final List<String> caIssuers = new ArrayList<>();
    private final Map<String, CertificateIssuer.RawExtension> extraExtensions = new LinkedHashMap<>();
    private HeldCertificate issuer;
    private String digest;

    CertificateBuilder() {
    }

    /** The key usages of RFC 5280 §4.2.1.3, in their bit order. */
    public enum KeyUsage {
        /** Signatures other than on certificates and CRLs (TLS handshakes, OCSP responses). */
        DIGITAL_SIGNATURE,
        /** Non-repudiation / content commitment. */
        NON_REPUDIATION,
        /** Encrypting keys (RSA key transport, as in TLS 1.2 RSA key exchange). */
        KEY_ENCIPHERMENT,
        /** Encrypting data directly. */
        DATA_ENCIPHERMENT,
        /** Key agreement (ECDH). */
        KEY_AGREEMENT,
        /** Signing certificates: what makes a CA a CA. */
        KEY_CERT_SIGN,
        /** Signing CRLs. */
        CRL_SIGN,
        /** With keyAgreement: only encipher. */
        ENCIPHER_ONLY,
        /** With keyAgreement: only decipher. */
        DECIPHER_ONLY
    }

    /** A copy of this builder's settings (not its generated key), to make a family of similar certificates. */
    public CertificateBuilder copy() {
        CertificateBuilder c = new CertificateBuilder();
        c.subject = subject == null ? null : new X509Name(subject);
        c.alternativeNames.addAll(alternativeNames);
        c.keyType = keyType;
        c.key = key;
        c.notBefore = notBefore;
        c.notAfter = notAfter;
        c.lifetime = lifetime;
        c.serial = null;
        c.role = role;
        c.pathLength = pathLength;
        c.ca = ca;
        c.keyUsage = keyUsage == null ? null : EnumSet.copyOf(keyUsage);
        c.extendedKeyUsage = extendedKeyUsage == null ? null : new ArrayList<>(extendedKeyUsage);
        c.permitted.addAll(permitted);
        c.excluded.addAll(excluded);
        c.crlDistributionPoints.addAll(crlDistributionPoints);
        c.ocspResponders.addAll(ocspResponders);
        c.caIssuers.addAll(caIssuers);
        c.extraExtensions.putAll(extraExtensions);
        c.issuer = issuer;
        c.digest = digest;
        return c;
    }

    /** The subject name; replaces any {@link #commonName}. */
    public CertificateBuilder subject(X509Name name) {
        this.subject = new X509Name(Objects.requireNonNull(name, "subject"));
        return this;
    }

    /** Sets the subject's common name (CN), keeping other subject attributes. */
    public CertificateBuilder commonName(String commonName) {
        subjectName().setCommonName(commonName);
        return this;
    }

    /** Sets the subject's organization (O), keeping other subject attributes. */
    public CertificateBuilder organization(String organization) {
        subjectName().setOrganizationName(organization);
        return this;
    }

    private X509Name subjectName() {
        if (subject == null) {
            subject = X509Name.empty();
        }
        return subject;
    }

    /**
     * Adds subject alternative names, typed by their shape: IPv4/IPv6 literals become IP addresses,
     * {@code mailto:} or {@code user@host} e-mail addresses, {@code scheme:…} URIs, anything else a DNS name
     * ({@code *.example.com} wildcards allowed in the left-most label; Unicode names are stored as A-labels).
     *
     * @throws IllegalArgumentException for a value that is none of those (e.g. {@code 999.1.1.1}, {@code a..b})
     */
    public CertificateBuilder subjectAlternativeNames(String... names) {
        for (String name : names) {
            alternativeNames.add(TypedNames.subjectAltName(name));
        }
        return this;
    }

    /** The key type to generate (default {@link KeyType#EC_P256}); ignored when {@link #key} is given. */
    public CertificateBuilder keyType(KeyType type) {
        this.keyType = Objects.requireNonNull(type, "keyType");
        return this;
    }

    /** Use this key pair instead of generating one (it must have its private half). */
    public CertificateBuilder key(PKey pair) {
        if (pair == null || !pair.hasPrivateKey()) {
            throw new IllegalArgumentException("key must be a key pair with a private key");
        }
        this.key = pair;
        return this;
    }

    /**
     * The validity window. It may lie wholly in the past (an expired certificate) or the future (not yet valid).
     */
    public CertificateBuilder validity(Instant notBefore, Instant notAfter) {
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
        return this;
    }

    /** Valid from one minute ago for {@code lifetime}. */
    public CertificateBuilder validFor(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
        }
        this.lifetime = lifetime;
        this.notBefore = null;
        this.notAfter = null;
        return this;
    }

    /** The serial number (positive; default random, 159 bits). */
    public CertificateBuilder serialNumber(BigInteger serialNumber) {
        if (serialNumber == null || serialNumber.signum() <= 0) {
            throw new IllegalArgumentException("serial number must be positive, got " + serialNumber);
        }
        this.serial = serialNumber;
        return this;
    }

    /** Makes this a CA with no path length limit. */
    public CertificateBuilder ca() {
        this.ca = true;
        this.pathLength = null;
        return this;
    }

    /** Makes this a CA below which at most {@code maxIntermediates} further CAs may appear (basicConstraints). */
    public CertificateBuilder ca(int maxIntermediates) {
        if (maxIntermediates < 0) {
            throw new IllegalArgumentException("path length must not be negative, got " + maxIntermediates);
        }
        this.ca = true;
        this.pathLength = maxIntermediates;
        return this;
    }

    /** What the certificate is for; decides the default key usages (see {@link CertificateRole}). */
    public CertificateBuilder role(CertificateRole role) {
        this.role = Objects.requireNonNull(role, "role");
        if (role == CertificateRole.CA) {
            this.ca = true;
        }
        return this;
    }

    /** Replaces the role's default key usages. */
    public CertificateBuilder keyUsage(KeyUsage... usages) {
        this.keyUsage = usages.length == 0 ? EnumSet.noneOf(KeyUsage.class) : EnumSet.of(usages[0], usages);
        return this;
    }

    /**
     * Replaces the role's default extended key usages: OpenSSL short names ({@code serverAuth}, {@code clientAuth},
     * {@code codeSigning}, {@code emailProtection}, {@code timeStamping}, {@code OCSPSigning}) or dotted OIDs.
     * None at all omits the extension.
     */
    public CertificateBuilder extendedKeyUsage(String... purposes) {
        List<String> list = new ArrayList<>();
        for (String p : purposes) {
            CertificateIssuer.purposeOid(p);
            list.add(p);
        }
        this.extendedKeyUsage = list;
        return this;
    }

    /** Name constraints (CAs only): names below this CA must lie within one of these subtrees. */
    public CertificateBuilder permittedSubtrees(String... subtrees) {
        for (String s : subtrees) {
            permitted.add(TypedNames.subtree(s));
        }
        return this;
    }

    /** Name constraints (CAs only): names below this CA must lie outside all of these subtrees. */
    public CertificateBuilder excludedSubtrees(String... subtrees) {
        for (String s : subtrees) {
            excluded.add(TypedNames.subtree(s));
        }
        return this;
    }

    /** Adds a CRL distribution point URL (where relying parties fetch this issuer's CRL). */
    public CertificateBuilder crlDistributionPoint(String url) {
        crlDistributionPoints.add(checkedUrl(url));
        return this;
    }

    /** Adds an OCSP responder URL (authority information access). */
    public CertificateBuilder ocspResponder(String url) {
        ocspResponders.add(checkedUrl(url));
        return this;
    }

    /** Adds a CA issuers URL (authority information access: where to download the issuer certificate). */
    public CertificateBuilder caIssuers(String url) {
        caIssuers.add(checkedUrl(url));
        return this;
    }

    /**
     * Adds any extension as its OID and the DER of its value; replaces one with the same OID (including a default
     * one such as keyUsage).
     */
    public CertificateBuilder extension(String oid, boolean critical, byte[] derValue) {
        ASN1ObjectIdentifier id;
        try {
            id = new ASN1ObjectIdentifier(Objects.requireNonNull(oid, "oid"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an OID: '" + oid + "'", e);
        }
        extraExtensions.put(id.getId(), new CertificateIssuer.RawExtension(id, critical,
                Objects.requireNonNull(derValue, "derValue").clone()));
        return this;
    }

    /** The issuer (a CA); without it the certificate is self-signed. */
    public CertificateBuilder signedBy(HeldCertificate issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /** The signature digest as an OpenSSL name (default: the signing key type's, e.g. sha256 for P-256). */
    public CertificateBuilder digest(String digestName) {
        this.digest = Objects.requireNonNull(digestName, "digest");
        return this;
    }

    /**
     * Generates the key (unless one was given) and issues the certificate.
     *
     * @throws IllegalStateException when the settings contradict each other, naming the problem
     */
    public HeldCertificate build() {
        CertificateRole effectiveRole = role != null ? role : ca ? CertificateRole.CA : CertificateRole.TLS_SERVER;
        validate(effectiveRole);
        PKey pair = key != null ? key : keyType.generate();
        Instant start = notBefore != null ? notBefore : Instant.now().minusSeconds(60);
        Instant end = notAfter != null ? notAfter : start.plus(lifetime).plusSeconds(60);
        if (!end.isAfter(start)) {
            throw new IllegalStateException("validity ends (" + end + ") before it starts (" + start + ")");
        }
        X509Name name = subject != null ? new X509Name(subject) : defaultSubject();
        CertificateIssuer.Request request = new CertificateIssuer.Request(name, pair, alternativeNames,
                serial != null ? serial : new BigInteger(159, Rand.secureRandom()).setBit(158), start, end,
                effectiveRole, ca ? pathLength : null, ca || effectiveRole == CertificateRole.CA, keyUsage,
                extendedKeyUsage, permitted, excluded, crlDistributionPoints, ocspResponders, caIssuers,
                new ArrayList<>(extraExtensions.values()), digest);
        return CertificateIssuer.issue(request, issuer);
    }

    private void validate(CertificateRole effectiveRole) {
        boolean isCa = ca || effectiveRole == CertificateRole.CA;
        if (!isCa && pathLength != null) {
            throw new IllegalStateException("a path length is only meaningful on a CA certificate");
        }
        if (isCa && keyUsage != null && !keyUsage.contains(KeyUsage.KEY_CERT_SIGN)) {
            throw new IllegalStateException("a CA certificate needs the keyCertSign key usage, got " + keyUsage);
        }
        if (!isCa && (!permitted.isEmpty() || !excluded.isEmpty())) {
            throw new IllegalStateException("name constraints are only allowed on a CA certificate");
        }
        if (issuer != null) {
            issuer.checkCanIssue(isCa);
        }
    }

    private X509Name defaultSubject() {
        X509Name name = X509Name.empty();
        String cn = alternativeNames.stream()
                .filter(n -> n.getTagNo() == GeneralName.dNSName || n.getTagNo() == GeneralName.iPAddress)
                .findFirst()
                .map(CertificateIssuer::displayName)
                .orElse("portcullis-" + new BigInteger(64, Rand.secureRandom()).toString(36));
        name.setCommonName(cn);
        return name;
    }

    private static String checkedUrl(String url) {
        GeneralName parsed = TypedNames.subjectAltName(Objects.requireNonNull(url, "url"));
        if (parsed.getTagNo() != GeneralName.uniformResourceIdentifier) {
            throw new IllegalArgumentException("not a URL: '" + url + "'");
        }
        return url;
    }
}
