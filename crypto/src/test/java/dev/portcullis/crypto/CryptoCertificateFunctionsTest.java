package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The certificate functions of {@link Crypto}: {@code loadCertificate}, {@code dumpCertificate} and {@code verify},
 * with pyOpenSSL's TestFunction/TestLoadCertificate expectations and the error lists pyOpenSSL 23 printed.
 */
class CryptoCertificateFunctionsTest {
    private static final byte[] ROOT_PEM = PyOpenSslCerts.bytes("root.pem");

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The DER inside a PEM file, decoded by the JDK's own base64 decoder. */
    private static byte[] jdkDer(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        String body = text.substring(text.indexOf("-----\n") + 6, text.indexOf("-----END"));
        return Base64.getMimeDecoder().decode(body);
    }

    private static List<CryptoException.Entry> entries(String... libraryReason) {
        java.util.ArrayList<CryptoException.Entry> list = new java.util.ArrayList<>();
        for (int i = 0; i < libraryReason.length; i += 2) {
            list.add(new CryptoException.Entry(libraryReason[i], "", libraryReason[i + 1]));
        }
        return list;
    }

    @Test
    void pemDumpEqualsInput() {
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, ROOT_PEM);
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert));
    }

    @Test
    void derDumpIsTheEncodedCertificateAndRoundTrips() {
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, ROOT_PEM);
        byte[] der = Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert);
        assertArrayEquals(jdkDer(ROOT_PEM), der);
        X509 again = Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der);
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM, again));
    }

    @Test
    void textDumps() {
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, ROOT_PEM);
        String text = new String(Crypto.dumpCertificate(Crypto.FILETYPE_TEXT, cert), StandardCharsets.UTF_8);
        assertEquals(true, text.length() > 500);
        assertEquals(true, text.startsWith("Certificate:\n    Data:\n        Version: 3 (0x2)\n"));
        assertEquals(true, text.contains("        Issuer: C=US, ST=IL, L=Chicago, O=Testing, CN=Testing Root CA\n"));
        assertEquals(true, cert.toText().contains(
                "        Issuer: C = US, ST = IL, L = Chicago, O = Testing, CN = Testing Root CA\n"));
    }

    @Test
    void trailingKeyDataIsIgnored() {
        byte[] input = concat(ROOT_PEM, ascii("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"));
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM,
                Crypto.loadCertificate(Crypto.FILETYPE_PEM, input)));
    }

    @Test
    void leadingJunkAndOtherBlocksAreSkipped() {
        byte[] input = concat(ascii("subject=whatever\nissuer=x\n"),
                ascii("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), ROOT_PEM,
                PyOpenSslCerts.bytes("old_root.pem"));
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, input);
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert), "the first certificate");
    }

    @Test
    void oldX509CertificateLabelIsAccepted() {
        String pem = new String(ROOT_PEM, StandardCharsets.US_ASCII).replace("CERTIFICATE", "X509 CERTIFICATE");
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, pem);
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert));
    }

    @Test
    void trustedCertificateLabelIsNotACertificate() {
        String pem = new String(ROOT_PEM, StandardCharsets.US_ASCII).replace("CERTIFICATE", "TRUSTED CERTIFICATE");
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM, pem));
        assertEquals(entries("PEM routines", "no start line"), e.errors());
    }

    @Test
    void derTrailingBytesAreIgnored() {
        byte[] der = concat(jdkDer(ROOT_PEM), new byte[] {1, 2, 3});
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM,
                Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der)));
    }

    @Test
    void crLfPemLoads() {
        String pem = new String(ROOT_PEM, StandardCharsets.US_ASCII).replace("\n", "\r\n");
        assertArrayEquals(ROOT_PEM, Crypto.dumpCertificate(Crypto.FILETYPE_PEM,
                Crypto.loadCertificate(Crypto.FILETYPE_PEM, pem)));
    }

    @Test
    void badFileTypes() {
        for (int type : new int[] {Crypto.FILETYPE_TEXT, 100, 0}) {
            assertEquals("type argument must be FILETYPE_PEM or FILETYPE_ASN1", assertThrows(
                    IllegalArgumentException.class, () -> Crypto.loadCertificate(type, ROOT_PEM)).getMessage());
            assertEquals("type argument must be FILETYPE_PEM or FILETYPE_ASN1", assertThrows(
                    IllegalArgumentException.class, () -> Crypto.loadCertificateRequest(type, ROOT_PEM)).getMessage());
        }
        X509 cert = PyOpenSslCerts.root();
        assertEquals("type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT", assertThrows(
                IllegalArgumentException.class, () -> Crypto.dumpCertificate(100, cert)).getMessage());
    }

    @Test
    void badData() {
        assertEquals(entries("asn1 encoding routines", "not enough data"), assertThrows(CryptoException.class,
                () -> Crypto.loadCertificate(Crypto.FILETYPE_ASN1, ascii("lol"))).errors());
        assertEquals(entries("asn1 encoding routines", "not enough data"), assertThrows(CryptoException.class,
                () -> Crypto.loadCertificate(Crypto.FILETYPE_ASN1, new byte[] {0x30, (byte) 0x82, 1})).errors());
        assertEquals(entries("asn1 encoding routines", "wrong tag", "asn1 encoding routines", "nested asn1 error"),
                assertThrows(CryptoException.class, () -> Crypto.loadCertificate(Crypto.FILETYPE_ASN1,
                        new byte[] {0x30, 3, 2, 1, 0})).errors().subList(0, 2));
        assertEquals(entries("PEM routines", "no start line"), assertThrows(CryptoException.class,
                () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM, new byte[0])).errors());
        assertEquals(entries("PEM routines", "bad base64 decode"), assertThrows(CryptoException.class,
                () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM,
                        "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n")).errors());
        assertEquals(entries("PEM routines", "bad end line"), assertThrows(CryptoException.class,
                () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM, "-----BEGIN CERTIFICATE-----\nAAAA\n")).errors());
        assertEquals(entries("asn1 encoding routines", "wrong tag", "asn1 encoding routines", "nested asn1 error",
                "PEM routines", "ASN1 lib"), assertThrows(CryptoException.class,
                () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM,
                        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")).errors());
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM, (byte[]) null));
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadCertificate(Crypto.FILETYPE_PEM, "caf\u00e9"));
    }

    /** The testdata area {@code errors}: what pyOpenSSL 23 raised for each bad input to the certificate loaders. */
    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> errorsPyOpenSslRecorded() {
        List<java.util.Map<String, Object>> cases = (List<java.util.Map<String, Object>>)
                dev.portcullis.testdata.Fixtures.expected("errors").get("cases");
        return cases.stream()
                .filter(c -> c.get("call").equals("load_certificate") || c.get("call").equals("load_certificate_request"))
                .map(c -> org.junit.jupiter.api.DynamicTest.dynamicTest(c.get("call") + " " + c.get("filetype") + " "
                        + c.get("input"), () -> {
                    String fileType = (String) c.get("filetype");
                    int type = fileType.equals("PEM") ? Crypto.FILETYPE_PEM
                            : fileType.equals("ASN1") ? Crypto.FILETYPE_ASN1 : Crypto.FILETYPE_TEXT;
                    byte[] input = dev.portcullis.testdata.Fixtures.bytes((String) c.get("input"));
                    Runnable load = c.get("call").equals("load_certificate")
                            ? () -> Crypto.loadCertificate(type, input) : () -> Crypto.loadCertificateRequest(type, input);
                    java.util.Map<String, Object> result = (java.util.Map<String, Object>) c.get("result");
                    if (Boolean.TRUE.equals(result.get("ok"))) {
                        load.run();
                    } else if (result.get("exception").equals("ValueError")) {
                        assertEquals(result.get("message"),
                                assertThrows(IllegalArgumentException.class, load::run).getMessage());
                    } else {
                        List<CryptoException.Entry> expected = new java.util.ArrayList<>();
                        for (List<String> e : (List<List<String>>) result.get("entries")) {
                            expected.add(new CryptoException.Entry(e.get(0), e.get(1), e.get(2)));
                        }
                        assertEquals(expected, assertThrows(CryptoException.class, load::run).errors());
                    }
                }));
    }

    @Test
    void dumpingAnUnsignedCertificateFails() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> Crypto.dumpCertificate(Crypto.FILETYPE_PEM, new X509()));
        assertEquals("illegal zero content", e.errors().get(0).reason());
        assertThrows(IllegalArgumentException.class, () -> Crypto.dumpCertificate(Crypto.FILETYPE_PEM, null));
    }

    @Test
    void verifyAcceptsSignaturesMadeByTheJdk() throws Exception {
        PKey key = TestKeys.rsa();
        X509 cert = TestKeys.selfSigned(key, "verify", "sha256");
        byte[] data = "It was a bright cold day in April\u0000, and the clocks were striking thirteen."
                .getBytes(StandardCharsets.UTF_8);
        for (String[] pair : new String[][] {{"SHA256withRSA", "sha256"}, {"SHA1withRSA", "sha1"},
            {"MD5withRSA", "md5"}}) {
            Signature jdk = Signature.getInstance(pair[0]);
            jdk.initSign(key.toJavaPrivateKey());
            jdk.update(data);
            byte[] signature = jdk.sign();
            Crypto.verify(cert, signature, data, pair[1]);
            byte[] tampered = data.clone();
            tampered[0] ^= 1;
            assertThrows(CryptoException.class, () -> Crypto.verify(cert, signature, tampered, pair[1]));
            X509 other = TestKeys.selfSigned(TestKeys.otherRsa(), "other", "sha256");
            assertThrows(CryptoException.class, () -> Crypto.verify(other, signature, data, pair[1]));
        }
        assertEquals("No such digest method", assertThrows(IllegalArgumentException.class,
                () -> Crypto.verify(cert, new byte[1], data, "monkeys")).getMessage());
    }

    @Test
    void verifyEcdsa() throws Exception {
        PKey key = TestKeys.ec();
        X509 cert = TestKeys.selfSigned(key, "ec", "sha256");
        Signature jdk = Signature.getInstance("SHA384withECDSA");
        jdk.initSign(key.toJavaPrivateKey());
        byte[] data = {1, 2, 3};
        jdk.update(data);
        Crypto.verify(cert, jdk.sign(), data, "sha384");
    }
}
