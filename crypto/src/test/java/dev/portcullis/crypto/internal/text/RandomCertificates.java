package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.portcullis.crypto.internal.Bc;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random certificates for the interop properties: arbitrary names (many attribute and string types,
 * multi-valued RDNs, special and non-ASCII characters), serials (negative, huge), validity (UTCTime and
 * GeneralizedTime) and extensions (every family the printers know, random contents, unknown OIDs).
 * Signed by a fixed P-256 key: only the text matters.
 */
final class RandomCertificates {
    private static final KeyPair KEY = key();
    private static final String[] TYPES = {"2.5.4.3", "2.5.4.10", "2.5.4.11", "2.5.4.7", "2.5.4.8", "2.5.4.6",
        "1.2.840.113549.1.9.1", "0.9.2342.19200300.100.1.25", "0.9.2342.19200300.100.1.1", "2.5.4.5", "2.5.4.12",
        "2.5.4.4", "2.5.4.42", "1.2.3.4.5"};
    private static final String[] OIDS = {"1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.3",
        "2.5.29.37.0", "1.2.3.4", "1.3.6.1.4.1.311.10.3.4", "1.3.6.1.5.5.7.48.1", "1.3.6.1.5.5.7.48.2", "2.5.29.32.0"};

    private RandomCertificates() {
    }

    /** Public keys of every type the text dumps know, made once (generation is slow). */
    private static final List<SubjectPublicKeyInfo> PUBLIC_KEYS = publicKeys();

    private static List<SubjectPublicKeyInfo> publicKeys() {
        List<SubjectPublicKeyInfo> keys = new ArrayList<>();
        try {
            String[][] specs = {{"RSA", "1024"}, {"DSA", "1024"}, {"EC", "P-384"}, {"EC", "secp256k1"},
                {"EC", "brainpoolP256r1"}, {"Ed25519", null}, {"Ed448", null}, {"X25519", null}};
            for (String[] spec : specs) {
                KeyPairGenerator g = KeyPairGenerator.getInstance(spec[0], Bc.PROVIDER);
                if ("EC".equals(spec[0])) {
                    g.initialize(new ECGenParameterSpec(spec[1]));
                } else if (spec[1] != null) {
                    g.initialize(Integer.parseInt(spec[1]));
                }
                keys.add(SubjectPublicKeyInfo.getInstance(g.generateKeyPair().getPublic().getEncoded()));
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        keys.add(SubjectPublicKeyInfo.getInstance(KEY.getPublic().getEncoded()));
        return keys;
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

    static Arbitrary<Certificate> certificates() {
        Arbitrary<BigInteger> serials = Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(160).negate(),
            BigInteger.ONE.shiftLeft(160)).edgeCases(e -> e.add(BigInteger.ZERO, BigInteger.ONE.negate()));
        Arbitrary<Time> times = Arbitraries.oneOf(
            Arbitraries.longs().between(-2_000_000_000_000L, 4_000_000_000_000L).map(t -> new Time(new Date(t))),
            Combinators.combine(Arbitraries.integers().between(1950, 2200), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 3), Arbitraries.of("Z", "+0530", "-1200", "+0000"))
                .as((year, millis, fractionDigits, zone) -> new Time(new org.bouncycastle.asn1.DERGeneralizedTime(
                    year + "0704123456" + (fractionDigits == 0 ? "" : "." + String.format("%03d", millis).substring(0, fractionDigits))
                        + zone))));
        return Combinators.combine(names(), names(), serials, times, times, extensions().list().ofMaxSize(6),
            Arbitraries.of(PUBLIC_KEYS)).as(RandomCertificates::build);
    }

    private static Certificate build(X500Name issuer, X500Name subject, BigInteger serial, Time from, Time to,
                                     List<Extension> extensions, SubjectPublicKeyInfo publicKey) {
        try {
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, from, to, subject, publicKey);
            List<ASN1ObjectIdentifier> seen = new ArrayList<>();
            for (Extension e : extensions) {
                if (!seen.contains(e.getExtnId())) {
                    seen.add(e.getExtnId());
                    b.addExtension(e);
                }
            }
            return b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Bc.PROVIDER).build(KEY.getPrivate()))
                .toASN1Structure();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Arbitrary<X500Name> names() {
        Arbitrary<AttributeTypeAndValue> atv = Combinators.combine(Arbitraries.of(TYPES), values())
            .as((t, v) -> new AttributeTypeAndValue(new ASN1ObjectIdentifier(t), v));
        Arbitrary<RDN> rdn = atv.list().ofMinSize(1).ofMaxSize(2)
            .map(l -> new RDN(l.toArray(new AttributeTypeAndValue[0])));
        return rdn.list().ofMaxSize(5).map(l -> new X500Name(l.toArray(new RDN[0])));
    }

    static Arbitrary<String> text() {
        return Arbitraries.strings().withChars(" ,+\"\\<>;#=/abcXYZ019é日\u0001\u007f\u00ff").ofMinLength(1).ofMaxLength(12);
    }

    /** String values only: OpenSSL refuses to load a certificate whose name holds an INTEGER. */
    static Arbitrary<ASN1Encodable> values() {
        Arbitrary<String> ascii = Arbitraries.strings().withChars("abc XYZ019'()+,-./:=?").ofMinLength(1).ofMaxLength(10);
        return Arbitraries.oneOf(
            text().map(DERUTF8String::new),
            ascii.map(s -> new DERPrintableString(s)),
            text().map(s -> new DERIA5String(s.replaceAll("[^\\x00-\\x7f]", "x"))),
            text().map(DERBMPString::new),
            text().map(s -> new DERT61String(s.replaceAll("[^\\x00-\\xff]", "y").getBytes(StandardCharsets.ISO_8859_1))));
    }

    static Arbitrary<GeneralName> generalNames() {
        Arbitrary<String> host = Arbitraries.strings().withChars("abc.-*\u0000é").ofMinLength(1).ofMaxLength(10);
        return Arbitraries.oneOf(
            host.map(h -> new GeneralName(GeneralName.dNSName, new DERIA5String(h, false))),
            host.map(h -> new GeneralName(GeneralName.rfc822Name, new DERIA5String(h, false))),
            host.map(h -> new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String("http://" + h, false))),
            Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> new GeneralName(GeneralName.iPAddress, new DEROctetString(b))),
            Arbitraries.bytes().array(byte[].class).ofSize(16).map(b -> new GeneralName(GeneralName.iPAddress, new DEROctetString(b))),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(6).map(b -> new GeneralName(GeneralName.iPAddress, new DEROctetString(b))),
            Arbitraries.of(OIDS).map(o -> new GeneralName(GeneralName.registeredID, new ASN1ObjectIdentifier(o))),
            names().map(n -> new GeneralName(n)),
            Combinators.combine(Arbitraries.of("1.3.6.1.4.1.311.20.2.3", "1.2.3.4", "1.3.6.1.5.5.7.8.7"), values())
                .as((o, v) -> new GeneralName(GeneralName.otherName,
                    new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(o), new DERTaggedObject(true, 0, v)}))));
    }

    static Arbitrary<Extension> extensions() {
        Arbitrary<Boolean> critical = Arbitraries.of(true, false);
        Arbitrary<GeneralNames> gnames = generalNames().list().ofMinSize(1).ofMaxSize(4)
            .map(l -> new GeneralNames(l.toArray(new GeneralName[0])));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(24);
        Arbitrary<Extension> one = Arbitraries.oneOf(
            gnames.map(g -> ext(Extension.subjectAlternativeName, g)),
            gnames.map(g -> ext(Extension.issuerAlternativeName, g)),
            Arbitraries.integers().between(0, 511).map(bits -> ext(Extension.keyUsage, bitString(bits))),
            Arbitraries.integers().between(0, 255).map(bits -> ext(new ASN1ObjectIdentifier("2.16.840.1.113730.1.1"), bitString(bits))),
            Arbitraries.of(OIDS).list().ofMaxSize(4).map(l -> ext(Extension.extendedKeyUsage,
                new DERSequence(l.stream().map(ASN1ObjectIdentifier::new).toArray(ASN1Encodable[]::new)))),
            Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(-1, 300))
                .as((ca, p) -> ext(Extension.basicConstraints, p < 0 ? new BasicConstraints(ca) : new BasicConstraints(p))),
            bytes.map(b -> ext(Extension.subjectKeyIdentifier, new DEROctetString(b))),
            Combinators.combine(bytes, gnames, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)))
                .as((k, g, s) -> ext(Extension.authorityKeyIdentifier, new AuthorityKeyIdentifier(k, g, s))),
            gnames.map(g -> ext(Extension.cRLDistributionPoints, new DERSequence(new DistributionPoint(
                new DistributionPointName(g), new ReasonFlags(ReasonFlags.keyCompromise), null)))),
            Combinators.combine(Arbitraries.of(OIDS), generalNames()).as((o, g) -> ext(Extension.authorityInfoAccess,
                new DERSequence(new AccessDescription(new ASN1ObjectIdentifier(o), g)))),
            generalNames().list().ofMinSize(1).ofMaxSize(3).map(l -> ext(Extension.nameConstraints, new NameConstraints(
                l.stream().map(GeneralSubtree::new).toArray(GeneralSubtree[]::new), null))),
            Combinators.combine(Arbitraries.of(OIDS), text()).as((o, t) -> ext(Extension.certificatePolicies,
                new DERSequence(new PolicyInformation(new ASN1ObjectIdentifier(o), new DERSequence(
                    new PolicyQualifierInfo(t.replaceAll("[^\\x20-\\x7e]", "u"))))))),
            text().map(t -> ext(new ASN1ObjectIdentifier("2.16.840.1.113730.1.13"),
                new DERIA5String(t.replaceAll("[^\\x00-\\x7f]", "z"), false))),
            Arbitraries.integers().between(0, 70000).list().ofMaxSize(3).map(l -> ext(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24"),
                new DERSequence(l.stream().map(i -> new ASN1Integer(i)).toArray(ASN1Encodable[]::new)))),
            Arbitraries.integers().between(0, 1000).map(i -> ext(new ASN1ObjectIdentifier("2.5.29.54"), new ASN1Integer(i))),
            bytes.map(b -> new Extension(new ASN1ObjectIdentifier("1.2.3.4.99"), false, b)),
            RandomRareExtensions.extensions());
        // Sometimes append bytes after the value: OpenSSL decodes the first object and ignores the rest.
        return Combinators.combine(one, critical, Arbitraries.of(0, 0, 0, 1, 2)).as((e, c, extra) -> {
            byte[] value = e.getExtnValue().getOctets();
            byte[] padded = java.util.Arrays.copyOf(value, value.length + extra);
            return new Extension(e.getExtnId(), c, padded);
        });
    }

    private static DERBitString bitString(int bits) {
        int highest = 31 - Integer.numberOfLeadingZeros(bits);
        byte[] out = new byte[Math.max(0, highest / 8 + 1)];
        for (int bit = 0; bit <= highest; bit++) {
            if ((bits & (1 << bit)) != 0) {
                out[bit / 8] |= (byte) (0x80 >> (bit % 8));
            }
        }
        return new DERBitString(out, bits == 0 ? 0 : 7 - highest % 8);
    }

    private static Extension ext(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        try {
            return new Extension(oid, false, value.toASN1Primitive().getEncoded("DER"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

}
