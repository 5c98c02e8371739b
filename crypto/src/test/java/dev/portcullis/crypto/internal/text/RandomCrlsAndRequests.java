package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import dev.portcullis.crypto.internal.Bc;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random CRLs (entries with reasons, invalidity dates, certificate issuers; IDP, numbers) and requests (attributes). */
final class RandomCrlsAndRequests {
    private static final KeyPair KEY = key();

    private RandomCrlsAndRequests() {
    }

    private static KeyPair key() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            g.initialize(new ECGenParameterSpec("P-256"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(KEY.getPrivate());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    record Entry(BigInteger serial, long date, int reason, long invalidity, boolean issuer) {
    }

    static Arbitrary<CertificateList> crls() {
        Arbitrary<Entry> entries = Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(100)),
            Arbitraries.longs().between(0, 4_000_000_000_000L), Arbitraries.integers().between(-1, 11),
            Arbitraries.longs().between(-1, 4_000_000_000_000L), Arbitraries.of(true, false)).as(Entry::new);
        Arbitrary<Extension> crlExtensions = Arbitraries.oneOf(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(140))
                .map(n -> ext(Extension.cRLNumber, new ASN1Integer(n))),
            Arbitraries.integers().between(0, 1000).map(n -> ext(Extension.deltaCRLIndicator, new ASN1Integer(n))),
            Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(-1, 255),
                Arbitraries.of(true, false)).as((user, full, reasons, indirect) -> ext(Extension.issuingDistributionPoint,
                    new IssuingDistributionPoint(full ? new DistributionPointName(new GeneralNames(new GeneralName(
                        GeneralName.uniformResourceIdentifier, "http://crl.example/x.crl"))) : null, user, false,
                        reasons < 0 ? null : new ReasonFlags(reasons), indirect, false))));
        return Combinators.combine(RandomCertificates.names(), entries.list().ofMaxSize(4),
            crlExtensions.list().ofMaxSize(3), Arbitraries.of(true, false)).as(RandomCrlsAndRequests::crl);
    }

    private static CertificateList crl(X500Name issuer, List<Entry> entries, List<Extension> extensions, boolean next) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer, new Date(1_700_000_000_000L));
            if (next) {
                b.setNextUpdate(new Date(1_800_000_000_000L));
            }
            for (Entry e : entries) {
                org.bouncycastle.asn1.x509.ExtensionsGenerator g = new org.bouncycastle.asn1.x509.ExtensionsGenerator();
                if (e.reason() >= 0) {
                    g.addExtension(Extension.reasonCode, false, new ASN1Enumerated(e.reason()));
                }
                if (e.invalidity() >= 0) {
                    g.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(new Date(e.invalidity())));
                }
                if (e.issuer()) {
                    g.addExtension(Extension.certificateIssuer, true, new GeneralNames(new GeneralName(issuer)));
                }
                b.addCRLEntry(e.serial(), new Date(e.date()), g.isEmpty() ? null : g.generate());
            }
            java.util.Set<ASN1ObjectIdentifier> seen = new java.util.HashSet<>();
            for (Extension x : extensions) {
                if (seen.add(x.getExtnId())) {
                    b.addExtension(x);
                }
            }
            return b.build(signer()).toASN1Structure();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Arbitrary<CertificationRequest> requests() {
        Arbitrary<ASN1Encodable> attributeValue = Arbitraries.oneOf(
            RandomCertificates.text().map(s -> (ASN1Encodable) new DERUTF8String(s)),
            Arbitraries.strings().withChars("abcXYZ 019").ofMinLength(1).ofMaxLength(8).map(DERPrintableString::new),
            Arbitraries.strings().withChars("abc@.").ofMinLength(1).ofMaxLength(8).map(s -> new DERIA5String(s)),
            Arbitraries.integers().map(i -> new ASN1Integer(i)));
        Arbitrary<ASN1ObjectIdentifier> attributeType = Arbitraries.of(PKCSObjectIdentifiers.pkcs_9_at_challengePassword,
            PKCSObjectIdentifiers.pkcs_9_at_unstructuredName, new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.9.10.11.12.13.14"));
        return Combinators.combine(RandomCertificates.names(),
            Combinators.combine(attributeType, attributeValue).as((t, v) -> new Object[] {t, v}).list().ofMaxSize(3),
            RandomCertificates.extensions().list().ofMaxSize(3), Arbitraries.of(true, false))
            .as(RandomCrlsAndRequests::request);
    }

    private static CertificationRequest request(X500Name subject, List<Object[]> attributes, List<Extension> extensions,
                                                boolean withExtensions) {
        JcaPKCS10CertificationRequestBuilder b = new JcaPKCS10CertificationRequestBuilder(subject, KEY.getPublic());
        for (Object[] a : attributes) {
            b.addAttribute((ASN1ObjectIdentifier) a[0], (ASN1Encodable) a[1]);
        }
        if (withExtensions) {
            java.util.Map<ASN1ObjectIdentifier, Extension> unique = new java.util.LinkedHashMap<>();
            extensions.forEach(e -> unique.putIfAbsent(e.getExtnId(), e));
            b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, unique.isEmpty()
                ? new org.bouncycastle.asn1.DERSequence() : new Extensions(unique.values().toArray(new Extension[0])));
        }
        return b.build(signer()).toASN1Structure();
    }

    private static Extension ext(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        try {
            return new Extension(oid, false, value.toASN1Primitive().getEncoded("DER"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
