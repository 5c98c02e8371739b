package dev.portcullis.crypto.internal.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Name;
import dev.portcullis.crypto.internal.Signatures;
import dev.portcullis.crypto.pki.CertificateBuilder;
import dev.portcullis.crypto.pki.CertificateRole;
import dev.portcullis.crypto.pki.HeldCertificate;

/**
 * Issues the certificate a {@link CertificateBuilder} describes: encodes the extensions its role implies, signs
 * with the issuer's key (or the subject's own for a self-signed certificate) and wraps the result.
 */
public final class CertificateIssuer {
    private CertificateIssuer() {
    }

    /** An extension given as OID and DER value. */
    public record RawExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
    }

    /** Everything the builder decided. {@code pathLength} is null for "no limit"; null usages mean the role's. */
    public record Request(X509Name subject, PKey key, List<GeneralName> alternativeNames, BigInteger serial,
            Instant notBefore, Instant notAfter, CertificateRole role, Integer pathLength, boolean ca,
            Set<CertificateBuilder.KeyUsage> keyUsage, List<String> extendedKeyUsage, List<GeneralName> permitted,
            List<GeneralName> excluded, List<String> crlDistributionPoints, List<String> ocspResponders,
            List<String> caIssuers, List<RawExtension> extra, String digest) {
    }

    /** Issues {@code request}, signed by {@code issuer} or self-signed when it is null. */
    public static HeldCertificate issue(Request request, HeldCertificate issuer) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(request.key().toJavaPublicKey().getEncoded());
        X500Name subject = X500Name.getInstance(request.subject().der());
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.certificate().getSubject().der());
        PKey signingKey = issuer == null ? request.key() : issuer.key();
        byte[] subjectKeyId = keyIdentifier(spki);
        byte[] authorityKeyId = issuer == null ? subjectKeyId : keyIdentifier(SubjectPublicKeyInfo.getInstance(
                signingKey.toJavaPublicKey().getEncoded()));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuerName, request.serial(),
                Date.from(request.notBefore()), Date.from(request.notAfter()), subject, spki);
        try {
            for (Extension extension : extensions(request, subjectKeyId, authorityKeyId, spki)) {
                builder.addExtension(extension);
            }
            for (RawExtension raw : request.extra()) {
                if (builder.hasExtension(raw.oid())) {
                    builder.replaceExtension(raw.oid(), raw.critical(), raw.value());
                } else {
                    builder.addExtension(raw.oid(), raw.critical(), raw.value());
                }
            }
            String digest = request.digest() != null ? request.digest() : defaultDigest(signingKey);
            byte[] der = builder.build(Signatures.contentSigner(signingKey, digest)).getEncoded();
            X509 certificate = Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der);
            List<X509> chain = new ArrayList<>();
            if (issuer != null) {
                chain.add(issuer.certificate());
                chain.addAll(issuer.issuers());
            }
            return HeldCertificate.of(certificate, request.key(), chain);
        } catch (IOException e) {
            throw new CryptoException("certificate builder", "cannot encode the certificate: " + e.getMessage(), e);
        }
    }

    private static List<Extension> extensions(Request r, byte[] subjectKeyId, byte[] authorityKeyId,
            SubjectPublicKeyInfo spki) throws CertIOException {
        List<Extension> out = new ArrayList<>();
        try {
            out.add(new Extension(Extension.basicConstraints, r.ca(), r.ca()
                    ? (r.pathLength() == null ? new BasicConstraints(true) : new BasicConstraints(r.pathLength()))
                            .getEncoded()
                    : new BasicConstraints(false).getEncoded()));
            out.add(new Extension(Extension.keyUsage, true, new KeyUsage(keyUsageBits(r, spki)).getEncoded()));
            List<String> purposes = r.extendedKeyUsage() != null ? r.extendedKeyUsage() : defaultPurposes(r.role());
            if (!purposes.isEmpty()) {
                KeyPurposeId[] ids = purposes.stream().map(p -> KeyPurposeId.getInstance(purposeOid(p)))
                        .toArray(KeyPurposeId[]::new);
                out.add(new Extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(ids).getEncoded()));
            }
            out.add(new Extension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(subjectKeyId).getEncoded()));
            out.add(new Extension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(authorityKeyId).getEncoded()));
            if (!r.alternativeNames().isEmpty()) {
                boolean emptySubject = r.subject().getComponents().isEmpty();
                out.add(new Extension(Extension.subjectAlternativeName, emptySubject,
                        new GeneralNames(r.alternativeNames().toArray(new GeneralName[0])).getEncoded()));
            }
            if (!r.permitted().isEmpty() || !r.excluded().isEmpty()) {
                out.add(new Extension(Extension.nameConstraints, true,
                        new NameConstraints(subtrees(r.permitted()), subtrees(r.excluded())).getEncoded()));
            }
            if (!r.crlDistributionPoints().isEmpty()) {
                DistributionPoint[] points = r.crlDistributionPoints().stream().map(url -> new DistributionPoint(
                        new DistributionPointName(new GeneralNames(uri(url))), null, null))
                        .toArray(DistributionPoint[]::new);
                out.add(new Extension(Extension.cRLDistributionPoints, false, new CRLDistPoint(points).getEncoded()));
            }
            List<AccessDescription> access = new ArrayList<>();
            r.ocspResponders().forEach(u -> access.add(new AccessDescription(X509ObjectIdentifiers.ocspAccessMethod,
                    uri(u))));
            r.caIssuers().forEach(u -> access.add(new AccessDescription(X509ObjectIdentifiers.id_ad_caIssuers,
                    uri(u))));
            if (!access.isEmpty()) {
                out.add(new Extension(Extension.authorityInfoAccess, false,
                        AuthorityInformationAccess.getInstance(new DERSequence(
                                access.toArray(new AccessDescription[0]))).getEncoded()));
            }
        } catch (IOException e) {
            throw new CertIOException("cannot encode an extension: " + e.getMessage(), e);
        }
        return out;
    }

    private static GeneralSubtree[] subtrees(List<GeneralName> names) {
        return names.isEmpty() ? null : names.stream().map(GeneralSubtree::new).toArray(GeneralSubtree[]::new);
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static int keyUsageBits(Request r, SubjectPublicKeyInfo spki) {
        boolean rsa = spki.getAlgorithm().getAlgorithm().getId().equals("1.2.840.113549.1.1.1");
        Set<CertificateBuilder.KeyUsage> usages = r.keyUsage() != null ? r.keyUsage() : defaultUsages(r, rsa);
        int bits = 0;
        for (CertificateBuilder.KeyUsage usage : usages) {
            bits |= switch (usage) {
                case DIGITAL_SIGNATURE -> KeyUsage.digitalSignature;
                case NON_REPUDIATION -> KeyUsage.nonRepudiation;
                case KEY_ENCIPHERMENT -> KeyUsage.keyEncipherment;
                case DATA_ENCIPHERMENT -> KeyUsage.dataEncipherment;
                case KEY_AGREEMENT -> KeyUsage.keyAgreement;
                case KEY_CERT_SIGN -> KeyUsage.keyCertSign;
                case CRL_SIGN -> KeyUsage.cRLSign;
                case ENCIPHER_ONLY -> KeyUsage.encipherOnly;
                case DECIPHER_ONLY -> KeyUsage.decipherOnly;
            };
        }
        return bits;
    }

    private static Set<CertificateBuilder.KeyUsage> defaultUsages(Request r, boolean rsa) {
        Set<CertificateBuilder.KeyUsage> set = EnumSet.of(CertificateBuilder.KeyUsage.DIGITAL_SIGNATURE);
        if (r.ca()) {
            set.add(CertificateBuilder.KeyUsage.KEY_CERT_SIGN);
            set.add(CertificateBuilder.KeyUsage.CRL_SIGN);
            return set;
        }
        switch (r.role()) {
            case TLS_SERVER, TLS_SERVER_AND_CLIENT -> {
                if (rsa) {
                    set.add(CertificateBuilder.KeyUsage.KEY_ENCIPHERMENT);
                }
            }
            case EMAIL -> set.add(rsa ? CertificateBuilder.KeyUsage.KEY_ENCIPHERMENT
                    : CertificateBuilder.KeyUsage.KEY_AGREEMENT);
            default -> { }
        }
        return set;
    }

    private static List<String> defaultPurposes(CertificateRole role) {
        return switch (role) {
            case CA -> List.of();
            case TLS_SERVER -> List.of("serverAuth");
            case TLS_CLIENT -> List.of("clientAuth");
            case TLS_SERVER_AND_CLIENT -> List.of("serverAuth", "clientAuth");
            case CODE_SIGNING -> List.of("codeSigning");
            case EMAIL -> List.of("emailProtection");
        };
    }

    /** The OID of an extended key usage given as an OpenSSL short name or a dotted OID. */
    public static ASN1ObjectIdentifier purposeOid(String purpose) {
        if (purpose == null) {
            throw new IllegalArgumentException("extended key usage must not be null");
        }
        return switch (purpose) {
            case "serverAuth" -> KeyPurposeId.id_kp_serverAuth.toOID();
            case "clientAuth" -> KeyPurposeId.id_kp_clientAuth.toOID();
            case "codeSigning" -> KeyPurposeId.id_kp_codeSigning.toOID();
            case "emailProtection" -> KeyPurposeId.id_kp_emailProtection.toOID();
            case "timeStamping" -> KeyPurposeId.id_kp_timeStamping.toOID();
            case "OCSPSigning" -> KeyPurposeId.id_kp_OCSPSigning.toOID();
            case "anyExtendedKeyUsage" -> KeyPurposeId.anyExtendedKeyUsage.toOID();
            default -> {
                try {
                    yield new ASN1ObjectIdentifier(purpose);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown extended key usage '" + purpose
                            + "' (use serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, "
                            + "OCSPSigning or a dotted OID)", e);
                }
            }
        };
    }

    /** A readable form of a DNS or IP alternative name, for a default common name. */
    public static String displayName(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            try {
                return InetAddress.getByAddress(ASN1OctetString.getInstance(name.getName()).getOctets())
                        .getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("an IP SAN that parsed must print", e);
            }
        }
        return name.getName().toString();
    }

    /** OpenSSL's {@code subjectKeyIdentifier=hash}: SHA-1 of the subject public key's BIT STRING contents. */
    public static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(spki.getPublicKeyData().getBytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    private static String defaultDigest(PKey signingKey) {
        if (signingKey.type() == Crypto.TYPE_EC && signingKey.bits() > 256) {
            return signingKey.bits() > 384 ? "sha512" : "sha384";
        }
        if (signingKey.type() == Crypto.TYPE_RSA && signingKey.bits() >= 4096) {
            return "sha512";
        }
        return "sha256";
    }
}
