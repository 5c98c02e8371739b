package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.testdata.Fixtures;

/**
 * {@link X509Extension}: pyOpenSSL's removed TestX509Ext, and the results pyOpenSSL 23 printed for 182
 * {@code X509Extension(name, critical, value, subject, issuer)} calls (testdata area {@code text}).
 */
class X509ExtensionTest {
    /** pyOpenSSL's x509_data fixture: a request-like self-issued certificate "Yoda root CA", unsigned. */
    private static X509 yoda() {
        X509 cert = new X509();
        cert.getSubject().set("commonName", "Yoda root CA");
        cert.setIssuer(cert.getSubject());
        cert.setPubkey(TestKeys.rsa());
        cert.gmtimeAdjNotBefore(0);
        cert.gmtimeAdjNotAfter(100L * 86400);
        return cert;
    }

    private static String text(X509 cert) {
        return new String(Crypto.dumpCertificate(Crypto.FILETYPE_TEXT, cert), StandardCharsets.UTF_8);
    }

    @Test
    void str() {
        assertEquals("CA:FALSE", new X509Extension("basicConstraints", true, "CA:false").toString());
    }

    @Test
    void construction() {
        assertEquals("basicConstraints", new X509Extension("basicConstraints", true, "CA:true").getShortName());
        assertEquals("pyOpenSSL unit test", new X509Extension("nsComment", false, "pyOpenSSL unit test").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"thisIsMadeUp|false|hi", "basicConstraints|false|blah blah",
        "proxyCertInfo|true|language:id-ppl-anyLanguage,pathlen:1,policy:text:AB"})
    void invalidExtensions(String name, boolean critical, String value) {
        assertThrows(CryptoException.class, () -> new X509Extension(name, critical, value));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void getCritical(boolean critical) {
        assertEquals(critical, new X509Extension("basicConstraints", critical, "CA:true").getCritical());
    }

    @ParameterizedTest
    @CsvSource({"basicConstraints,CA:true", "nsComment,foo bar"})
    void getShortName(String name, String value) {
        assertEquals(name, new X509Extension(name, true, value).getShortName());
    }

    @Test
    void getData() {
        assertArrayEquals(new byte[] {0x30, 3, 1, 1, (byte) 0xff},
                new X509Extension("basicConstraints", true, "CA:true").getData());
        assertArrayEquals(new byte[] {3, 2, 7, (byte) 0x80},
                new X509Extension("keyUsage", false, "digitalSignature").getData());
    }

    @Test
    void unusedSubjectAndIssuer() {
        X509 cert = yoda();
        cert.addExtensions(List.of(new X509Extension("basicConstraints", false, "CA:TRUE", cert, null),
                new X509Extension("keyUsage", false, "keyCertSign", null, cert)));
        cert.setVersion(2);
        cert.sign(TestKeys.rsa(), "sha1");
        String text = text(cert);
        assertTrue(text.contains("X509v3 Basic Constraints:"));
        assertTrue(text.contains("CA:TRUE"));
    }

    @Test
    void subjectKeyIdentifierFromTheSubject() {
        X509 cert = yoda();
        X509Extension ski = new X509Extension("subjectKeyIdentifier", false, "hash", cert, null);
        cert.addExtensions(List.of(ski));
        cert.sign(TestKeys.rsa(), "sha1");
        assertTrue(text(cert).contains("X509v3 Subject Key Identifier:"));
        // RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's value, checked with BC
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
                .getInstance(TestKeys.rsa().toJavaPublicKey().getEncoded());
        byte[] expected = new org.bouncycastle.cert.bc.BcX509ExtensionUtils().createSubjectKeyIdentifier(spki)
                .getKeyIdentifier();
        assertArrayEquals(new org.bouncycastle.asn1.DEROctetString(expected).getOctets(),
                org.bouncycastle.asn1.ASN1OctetString.getInstance(ski.getData()).getOctets());
    }

    @Test
    void missingSubject() {
        assertThrows(CryptoException.class, () -> new X509Extension("subjectKeyIdentifier", false, "hash"));
        assertThrows(CryptoException.class,
                () -> new X509Extension("subjectKeyIdentifier", false, "hash", new X509(), null));
    }

    @Test
    void authorityKeyIdentifierFromTheIssuer() {
        X509 cert = yoda();
        cert.addExtensions(List.of(new X509Extension("authorityKeyIdentifier", false, "issuer:always", null, cert)));
        cert.sign(TestKeys.rsa(), "sha1");
        String text = text(cert);
        assertTrue(text.contains("X509v3 Authority Key Identifier:"));
        assertTrue(text.contains("DirName:/CN=Yoda root CA"));
    }

    @Test
    void missingIssuer() {
        assertThrows(CryptoException.class,
                () -> new X509Extension("authorityKeyIdentifier", false, "keyid:always,issuer:always"));
    }

    @Test
    void nullArguments() {
        assertThrows(IllegalArgumentException.class, () -> new X509Extension(null, false, "x"));
        assertThrows(IllegalArgumentException.class, () -> new X509Extension("nsComment", false, null));
    }

    @Test
    void undefinedTypeIsUndef() {
        X509Extension extension = PyOpenSslCerts.nulSan().getExtension(1);
        assertFalse(extension.getCritical());
        assertEquals("subjectKeyIdentifier", extension.getShortName());
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicTest> pyOpenSslResults() {
        Map<String, Object> strings = (Map<String, Object>) Fixtures.expected("text").get("extension_strings");
        X509 subject = Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes((String) strings.get("subject")));
        X509 issuer = Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes((String) strings.get("issuer")));
        return ((List<Map<String, Object>>) strings.get("cases")).stream().map(c -> DynamicTest.dynamicTest(
                c.get("name") + " " + c.get("critical") + " " + c.get("value") + (Boolean.TRUE.equals(c.get("with_certs"))
                        ? " with certificates" : ""), () -> {
                    boolean withCerts = Boolean.TRUE.equals(c.get("with_certs"));
                    String name = (String) c.get("name");
                    boolean critical = (Boolean) c.get("critical");
                    String value = (String) c.get("value");
                    if (!Boolean.TRUE.equals(c.get("ok"))) {
                        CryptoException e = assertThrows(CryptoException.class, () -> new X509Extension(name, critical,
                                value, withCerts ? subject : null, withCerts ? issuer : null));
                        assertEquals(c.get("error"), "Error: " + e.errors());
                        return;
                    }
                    X509Extension extension = new X509Extension(name, critical, value, withCerts ? subject : null,
                            withCerts ? issuer : null);
                    assertEquals(c.get("short_name"), extension.getShortName());
                    assertEquals(((Number) c.get("is_critical")).intValue() == 1, extension.getCritical());
                    assertEquals(c.get("data"), HexFormat.of().formatHex(extension.getData()));
                    Map<String, Object> str = (Map<String, Object>) c.get("str");
                    if (Boolean.TRUE.equals(str.get("ok"))) {
                        assertEquals(str.get("value"), extension.toString());
                    } else {
                        assertThrows(CryptoException.class, extension::toString);
                    }
                }));
    }
}
