package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Certificates built and signed with arbitrary serials, names, validity and keys: load∘dump is the identity in
 * PEM and DER, every field reads back, and the JDK's own X.509 parser (an independent implementation) reads the
 * same serial, validity and subject and accepts the signature.
 */
class X509Properties {
    @Provide
    Arbitrary<BigInteger> serials() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TWO.pow(160));
    }

    @Provide
    Arbitrary<String> names() {
        return X509NameProperties.unicodeValues();
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("rsa", "ec", "ed25519");
    }

    private static PKey key(String name) {
        return switch (name) {
            case "rsa" -> TestKeys.rsa();
            case "ec" -> TestKeys.ec();
            default -> TestKeys.ed25519();
        };
    }

    @Property(tries = 60)
    void generatedCertificatesRoundTrip(@ForAll("serials") BigInteger serial, @ForAll("names") String commonName,
            @ForAll("names") String organization, @ForAll @IntRange(min = -100_000, max = 100_000) int startDays,
            @ForAll @IntRange(min = 0, max = 40_000) int lengthDays, @ForAll("keys") String keyName,
            @ForAll boolean v3) throws Exception {
        PKey key = key(keyName);
        X509 cert = new X509();
        cert.setVersion(v3 ? 2 : 0);
        cert.setSerialNumber(serial);
        cert.getSubject().set("O", organization);
        cert.getSubject().set("CN", commonName);
        cert.setIssuer(cert.getSubject());
        cert.gmtimeAdjNotBefore(startDays * 86_400L);
        cert.gmtimeAdjNotAfter((startDays + lengthDays) * 86_400L);
        cert.setPubkey(key);
        if (v3) {
            cert.addExtensions(List.of(new X509Extension("basicConstraints", true, "CA:TRUE"),
                    new X509Extension("subjectAltName", false, "DNS:example.com, IP:192.0.2.1")));
        }
        cert.sign(key, "sha256");

        byte[] der = Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert);
        byte[] pem = Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert);
        X509 fromDer = Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der);
        X509 fromPem = Crypto.loadCertificate(Crypto.FILETYPE_PEM, pem);
        assertArrayEquals(der, Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, fromDer));
        assertArrayEquals(pem, Crypto.dumpCertificate(Crypto.FILETYPE_PEM, fromPem));
        assertEquals(serial, fromDer.getSerialNumber());
        assertEquals(commonName, fromPem.getSubject().get("CN"));
        assertEquals(organization, fromPem.getIssuer().get("O"));
        assertEquals(cert.getNotBefore(), fromDer.getNotBefore());
        assertEquals(cert.getNotAfter(), fromDer.getNotAfter());
        assertEquals(cert.getSubject(), fromDer.getSubject());
        assertEquals(cert.subjectNameHash(), fromDer.subjectNameHash());
        assertEquals(v3 ? 2 : 0, fromDer.getExtensionCount());

        X509Certificate jdk = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        assertEquals(serial, jdk.getSerialNumber());
        assertEquals(v3 ? 3 : 1, jdk.getVersion());
        assertEquals(java.time.Instant.ofEpochSecond(seconds(cert.getNotBefore())), jdk.getNotBefore().toInstant());
        assertArrayEquals(cert.getSubject().der(), jdk.getSubjectX500Principal().getEncoded());
        jdk.verify(key.toJavaPublicKey());
    }

    private static long seconds(String generalizedTime) {
        return java.time.LocalDateTime.parse(generalizedTime, java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMddHHmmss'Z'")).toEpochSecond(java.time.ZoneOffset.UTC);
    }

    @Property(tries = 40)
    void generatedRequestsRoundTrip(@ForAll("names") String commonName, @ForAll("keys") String keyName,
            @ForAll boolean withExtensions) throws Exception {
        PKey key = key(keyName);
        X509Req request = new X509Req();
        request.getSubject().set("CN", commonName);
        request.setPubkey(key);
        if (withExtensions) {
            request.addExtensions(List.of(new X509Extension("subjectAltName", false, "DNS:example.com"),
                    new X509Extension("keyUsage", true, "digitalSignature")));
        }
        request.sign(key, "sha384");
        byte[] der = Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1, request);
        byte[] pem = Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM, request);
        assertArrayEquals(der, Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1,
                Crypto.loadCertificateRequest(Crypto.FILETYPE_ASN1, der)));
        X509Req loaded = Crypto.loadCertificateRequest(Crypto.FILETYPE_PEM, pem);
        assertArrayEquals(pem, Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM, loaded));
        assertEquals(commonName, loaded.getSubject().get("CN"));
        assertEquals(withExtensions ? 2 : 0, loaded.getExtensions().size());
        assertEquals(true, loaded.verify(key));
        org.bouncycastle.pkcs.PKCS10CertificationRequest bc = new org.bouncycastle.pkcs.PKCS10CertificationRequest(der);
        assertEquals(true, bc.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                .build(key.toJavaPublicKey())));
    }
}
