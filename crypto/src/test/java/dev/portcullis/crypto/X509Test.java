package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link X509}: pyOpenSSL's TestX509 (and its removed extension tests). Expected values were printed by pyOpenSSL 23
 * (/usr/bin/python3) for pyOpenSSL's own test certificates, or are quoted from pyOpenSSL's tests.
 */
class X509Test {
    private static final String OLD_ROOT_SHA256 = "3E:0F:16:39:6B:B1:3E:4F:08:85:C6:5F:10:0D:CB:2C:25:C2:91:4E:D0:4A:C2:29"
            + ":06:BD:55:E3:A7:B3:B7:06";

    private static List<X509Name.Component> rootComponents() {
        return List.of(component("C", "US"), component("ST", "IL"), component("L", "Chicago"),
                component("O", "Testing"), component("CN", "Testing Root CA"));
    }

    private static X509Name.Component component(String name, String value) {
        return new X509Name.Component(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void newCertificateDefaults() {
        X509 cert = new X509();
        assertEquals(0, cert.getVersion());
        assertEquals(BigInteger.ZERO, cert.getSerialNumber());
        assertNull(cert.getNotBefore());
        assertNull(cert.getNotAfter());
        assertEquals(0, cert.getExtensionCount());
        assertEquals(4003674586L, cert.subjectNameHash());
        assertEquals("Undefined signature algorithm",
                assertThrows(IllegalArgumentException.class, cert::getSignatureAlgorithm).getMessage());
        assertThrows(CryptoException.class, cert::getPubkey);
        CryptoException e = assertThrows(CryptoException.class, () -> cert.digest("sha256"));
        assertEquals("illegal zero content", e.errors().get(0).reason());
    }

    @Test
    void signWithUngeneratedKey() {
        X509 cert = new X509();
        assertEquals("Key is uninitialized",
                assertThrows(IllegalArgumentException.class, () -> cert.sign(new PKey(), "sha256")).getMessage());
    }

    @Test
    void signWithPublicKey() {
        X509 cert = new X509();
        cert.setPubkey(TestKeys.rsa());
        PKey pub = cert.getPubkey();
        assertEquals("Key only has public part",
                assertThrows(IllegalArgumentException.class, () -> cert.sign(pub, "sha256")).getMessage());
    }

    @Test
    void signWithUnknownDigest() {
        X509 cert = new X509();
        assertEquals("No such digest method",
                assertThrows(IllegalArgumentException.class, () -> cert.sign(TestKeys.rsa(), "monkeys")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> cert.sign(null, "sha256"));
    }

    @ParameterizedTest
    @CsvSource({"rsa,SHA256,sha256WithRSAEncryption", "rsa,md5,md5WithRSAEncryption",
        "rsa,sha3-256,RSA-SHA3-256", "ec,sha384,ecdsa-with-SHA384", "ed25519,sha256,ED25519", "ed448,md5,ED448"})
    void signedCertificateVerifiesUnderTheJdk(String keyName, String digest, String algorithm) throws Exception {
        PKey key = switch (keyName) {
            case "rsa" -> TestKeys.rsa();
            case "ec" -> TestKeys.ec();
            case "ed25519" -> TestKeys.ed25519();
            default -> TestKeys.ed448();
        };
        X509 cert = TestKeys.selfSigned(key, "signed", digest);
        assertEquals(algorithm, cert.getSignatureAlgorithm());
        X509Certificate jdk = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert)));
        jdk.verify(key.toJavaPublicKey());
        assertEquals("CN=signed", jdk.getSubjectX500Principal().getName());
    }

    @Test
    void signingWithoutValidityOrKeyFails() {
        X509 cert = new X509();
        assertThrows(CryptoException.class, () -> cert.sign(TestKeys.rsa(), "sha256"));
        cert.setPubkey(TestKeys.rsa());
        assertThrows(CryptoException.class, () -> cert.sign(TestKeys.rsa(), "sha256"));
        cert.gmtimeAdjNotBefore(0);
        cert.gmtimeAdjNotAfter(60);
        cert.sign(TestKeys.rsa(), "sha256");
    }

    @Test
    void version() {
        X509 cert = new X509();
        cert.setVersion(2);
        assertEquals(2, cert.getVersion());
        cert.setVersion(5);
        assertEquals(5, cert.getVersion(), "pyOpenSSL 23 stores any int");
    }

    @Test
    void serialNumbers() {
        X509 cert = new X509();
        assertEquals(BigInteger.ZERO, cert.getSerialNumber());
        for (BigInteger serial : List.of(BigInteger.ONE, BigInteger.TWO.pow(32).add(BigInteger.ONE),
                BigInteger.TWO.pow(64).add(BigInteger.ONE), BigInteger.TWO.pow(128).add(BigInteger.ONE),
                BigInteger.TWO.pow(1000))) {
            cert.setSerialNumber(serial);
            assertEquals(serial, cert.getSerialNumber());
        }
        cert.setSerialNumber(1L);
        assertEquals(BigInteger.ONE, cert.getSerialNumber());
        CryptoException e = assertThrows(CryptoException.class, () -> cert.setSerialNumber(-1));
        assertEquals(List.of(), e.errors());
        assertThrows(IllegalArgumentException.class, () -> cert.setSerialNumber(null));
    }

    @ParameterizedTest
    @CsvSource({
        "20040203040506Z,20040203040506Z", "20040203040506+0530,20040203040506+0530",
        "20040203040506-0115,20040203040506-0115", "040203040506Z,20040203040506Z", "0402030405Z,20040203040500Z",
        "200402030405Z,20200402030405Z", "20040203040506.5Z,20040203040506.5Z",
        "040203040506+0530,20040202223506Z", "9402030405Z,19940203040500Z", "19490203040506Z,19490203040506Z",
        "20040203040506.123456789Z,20040203040506.123456789Z",
    })
    void validityTimesRoundTrip(String set, String expected) {
        X509 cert = new X509();
        assertNull(cert.getNotBefore());
        cert.setNotBefore(set);
        assertEquals(expected, cert.getNotBefore());
        cert.setNotAfter(set);
        assertEquals(expected, cert.getNotAfter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo bar", "20040203040506", "20040203040506.Z", "20041303040506Z", "20040230040506Z",
        "20040203240506Z", "20040203040560Z", "20040203040506+1400", "20040203040506+0560", "20040203040506,5Z",
        " 20040203040506Z", ""})
    void invalidTimesAreRejected(String text) {
        X509 cert = new X509();
        assertThrows(IllegalArgumentException.class, () -> cert.setNotBefore(text));
        assertThrows(IllegalArgumentException.class, () -> cert.setNotAfter(text));
        assertThrows(IllegalArgumentException.class, () -> cert.setNotAfter(null));
    }

    @Test
    void oldRootTimesAreGeneralizedTime() {
        X509 cert = PyOpenSslCerts.oldRoot();
        assertEquals("20090325123658Z", cert.getNotBefore());
        assertEquals("20170611123658Z", cert.getNotAfter());
    }

    @Test
    void gmtimeAdjIsRelativeToNow() {
        X509 cert = new X509();
        cert.gmtimeAdjNotBefore(100);
        cert.gmtimeAdjNotAfter(100);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");
        Instant notBefore = LocalDateTime.parse(cert.getNotBefore(), format).toInstant(ZoneOffset.UTC);
        Instant notAfter = LocalDateTime.parse(cert.getNotAfter(), format).toInstant(ZoneOffset.UTC);
        Instant now = Instant.now();
        assertTrue(Math.abs(notBefore.getEpochSecond() - now.plusSeconds(100).getEpochSecond()) <= 2);
        assertTrue(Math.abs(notAfter.getEpochSecond() - now.plusSeconds(100).getEpochSecond()) <= 2);
    }

    @Test
    void gmtimeAdjBeyond2049UsesGeneralizedTime() {
        X509 cert = new X509();
        cert.gmtimeAdjNotAfter(100L * 365 * 86400);
        assertEquals(15, cert.getNotAfter().length());
        assertTrue(cert.getNotAfter().startsWith("21"));
    }

    @Test
    void gmtimeAdjOutOfRange() {
        X509 cert = new X509();
        assertThrows(IllegalArgumentException.class, () -> cert.gmtimeAdjNotAfter(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> cert.gmtimeAdjNotBefore(9000L * 365 * 86_400));
        assertNull(cert.getNotAfter());
    }

    @Test
    void hasExpired() {
        X509 cert = new X509();
        cert.gmtimeAdjNotAfter(-1);
        assertTrue(cert.hasExpired());
        cert.gmtimeAdjNotAfter(2);
        assertFalse(cert.hasExpired());
        assertFalse(PyOpenSslCerts.root().hasExpired());
        assertTrue(PyOpenSslCerts.oldRoot().hasExpired());
    }

    @Test
    void hasExpiredNeedsNotAfter() {
        assertEquals("Unable to determine notAfter",
                assertThrows(IllegalArgumentException.class, () -> new X509().hasExpired()).getMessage());
        X509 cert = new X509();
        cert.setNotAfter("20040203040506+0530");
        assertThrows(IllegalArgumentException.class, cert::hasExpired);
    }

    @Test
    void digests() {
        X509 cert = PyOpenSslCerts.oldRoot();
        assertEquals(OLD_ROOT_SHA256, cert.digest("SHA256"));
        assertEquals(OLD_ROOT_SHA256, cert.digest("sha256"));
        assertEquals("19:B3:05:26:2B:F8:F2:FF:0B:8F:21:07:A8:28:B8:75", cert.digest("md5"));
        assertEquals("08:88:2E:3F:0A:98:A4:23:45:60:5C:F0:92:D0:96:AC:1F:D3:FD:33:43:8F:D2:07:84:2B:85:A6:3E:6D:07:E4",
                PyOpenSslCerts.root().digest("sha256"));
        assertEquals("No such digest method",
                assertThrows(IllegalArgumentException.class, () -> cert.digest("monkeys")).getMessage());
    }

    @Test
    void extensionCounts() {
        assertEquals(0, new X509().getExtensionCount());
        assertEquals(3, PyOpenSslCerts.oldRoot().getExtensionCount());
        assertEquals(4, PyOpenSslCerts.nulSan().getExtensionCount());
    }

    @Test
    void getExtension() {
        X509 cert = PyOpenSslCerts.nulSan();
        X509Extension basic = cert.getExtension(0);
        assertEquals("basicConstraints", basic.getShortName());
        assertTrue(basic.getCritical());
        assertArrayEquals(new byte[] {0x30, 0}, basic.getData());
        assertEquals("CA:FALSE", basic.toString());
        assertEquals("subjectKeyIdentifier", cert.getExtension(1).getShortName());
        assertFalse(cert.getExtension(1).getCritical());
        assertEquals("keyUsage", cert.getExtension(2).getShortName());
        assertEquals("Digital Signature, Non Repudiation, Key Encipherment", cert.getExtension(2).toString());
        assertEquals("subjectAltName", cert.getExtension(3).getShortName());
        for (int bad : new int[] {-1, 4}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cert.getExtension(bad));
            assertTrue(e.getMessage().startsWith("extension index out of bounds"));
        }
    }

    @Test
    void nulByteSubjectAltName() {
        X509Extension san = PyOpenSslCerts.nulSan().getExtension(3);
        assertEquals("DNS:altnull.python.org\u0000example.com, email:null@python.org\u0000user@example.org, "
                + "URI:http://null.python.org\u0000http://example.org, IP Address:192.0.2.1, "
                + "IP Address:2001:DB8:0:0:0:0:0:1", san.toString());
    }

    @Test
    void subjectAndIssuerOfRoot() {
        X509 cert = PyOpenSslCerts.root();
        assertEquals(rootComponents(), cert.getSubject().getComponents());
        assertEquals(rootComponents(), cert.getIssuer().getComponents());
    }

    @Test
    void setSubjectAndIssuer() {
        X509 cert = new X509();
        X509Name name = cert.getSubject();
        name.set("C", "AU");
        name.set("OU", "Unit Tests");
        cert.setSubject(name);
        cert.setIssuer(cert.getSubject());
        List<X509Name.Component> expected = List.of(component("C", "AU"), component("OU", "Unit Tests"));
        assertEquals(expected, cert.getSubject().getComponents());
        assertEquals(expected, cert.getIssuer().getComponents());
        assertThrows(IllegalArgumentException.class, () -> cert.setSubject(null));
        assertThrows(IllegalArgumentException.class, () -> cert.setIssuer(null));
    }

    @Test
    void setPubkeyRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> new X509().setPubkey(null));
        assertThrows(CryptoException.class, () -> new X509().setPubkey(new PKey()));
    }

    @Test
    void pubkeyIsPublicOnly() {
        PKey pub = PyOpenSslCerts.root().getPubkey();
        assertEquals(Crypto.TYPE_RSA, pub.type());
        assertEquals(3072, pub.bits());
        assertFalse(pub.hasPrivateKey());
    }

    @Test
    void subjectNameHash() {
        assertEquals(3278919224L, PyOpenSslCerts.root().subjectNameHash());
    }

    @Test
    void signatureAlgorithms() {
        assertEquals("sha256WithRSAEncryption", PyOpenSslCerts.root().getSignatureAlgorithm());
        assertEquals("sha1WithRSAEncryption", PyOpenSslCerts.oldRoot().getSignatureAlgorithm());
    }

    @Test
    void undefinedSignatureAlgorithm() {
        byte[] der = Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, PyOpenSslCerts.root());
        // the first sha256WithRSAEncryption OID is the one inside the signed part: make it 1.2.840.113549.1.1.127
        String hex = HexFormat.of().formatHex(der);
        int at = hex.indexOf("06092a864886f70d01010b");
        String bogus = hex.substring(0, at) + "06092a864886f70d01017f" + hex.substring(at + 22);
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_ASN1, HexFormat.of().parseHex(bogus));
        assertEquals("Undefined signature algorithm",
                assertThrows(IllegalArgumentException.class, cert::getSignatureAlgorithm).getMessage());
    }

    @Test
    void javaCertificateConversions() throws Exception {
        X509 root = PyOpenSslCerts.root();
        X509Certificate jdk = root.toJavaCertificate();
        assertEquals(3, jdk.getVersion());
        assertArrayEquals(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, root), jdk.getEncoded());
        X509 back = X509.fromJavaCertificate(jdk);
        assertEquals(root.getVersion(), back.getVersion());
        assertEquals(root.digest("sha256"), back.digest("sha256"));
        assertThrows(IllegalArgumentException.class, () -> X509.fromJavaCertificate(null));
    }

    @Test
    void changesReencodeWithTheOldSignatureUntilSigned() throws Exception {
        X509 cert = PyOpenSslCerts.root();
        cert.setSerialNumber(5);
        X509Certificate jdk = cert.toJavaCertificate();
        assertEquals(BigInteger.valueOf(5), jdk.getSerialNumber());
        assertEquals(PyOpenSslCerts.root().toJavaCertificate().getSubjectX500Principal(), jdk.getSubjectX500Principal());
        assertThrows(java.security.SignatureException.class, () -> jdk.verify(jdk.getPublicKey()));
    }

    @Test
    void subjectViewChangesReachTheEncoding() {
        X509 cert = PyOpenSslCerts.root();
        cert.getSubject().set("CN", "renamed");
        assertEquals("CN=renamed,O=Testing,L=Chicago,ST=IL,C=US",
                cert.toJavaCertificate().getSubjectX500Principal().getName());
    }

    @Test
    void copyIsIndependent() {
        X509 original = PyOpenSslCerts.root();
        X509 copy = original.copy();
        copy.setSerialNumber(7);
        copy.getSubject().set("CN", "copy");
        assertNotEquals(BigInteger.valueOf(7), original.getSerialNumber());
        assertEquals("Testing Root CA", original.getSubject().get("CN"));
        X509 unsigned = new X509();
        unsigned.setSerialNumber(3);
        assertEquals(BigInteger.valueOf(3), unsigned.copy().getSerialNumber());
    }

    @Test
    void addExtensions() {
        X509 cert = PyOpenSslCerts.root().copy();
        X509Extension first = PyOpenSslCerts.nulSan().getExtension(2);
        cert.addExtensions(List.of(first));
        assertEquals(4, cert.getExtensionCount());
        assertEquals("keyUsage", cert.getExtension(3).getShortName());
        assertEquals("One of the elements is not an X509Extension", assertThrows(IllegalArgumentException.class,
                () -> cert.addExtensions(java.util.Arrays.asList(first, null))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> cert.addExtensions(null));
    }
}
