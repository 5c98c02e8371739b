package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.portcullis.testdata.Fixtures;

/**
 * Every certificate and request of the testdata area {@code x509} (made by openssl and pyOpenSSL) loads, and
 * every value we report equals what pyOpenSSL 23 printed for it: names, serial, version, dates, fingerprints,
 * name hashes, signature algorithm, public key, extensions (short name, criticality, data, text) and the
 * {@code FILETYPE_TEXT} dump. Dumping gives back the fixture's exact DER and PEM.
 */
class X509FixturesTest {
    private static final HexFormat HEX = HexFormat.of();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> section(String name) {
        return (Map<String, Map<String, Object>>) Fixtures.expected("x509").get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @TestFactory
    Stream<DynamicTest> certificates() {
        return section("certs").entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkCertificate(e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> requests() {
        return section("csrs").entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkRequest(e.getValue())));
    }

    /**
     * Every certificate PEM anywhere in the corpus (all areas but the deliberately broken {@code errors/}): the first
     * certificate loads, dumps unchanged, and Bouncy Castle reads the same serial, names and extension count.
     */
    @TestFactory
    Stream<DynamicTest> everyCertificateInTheCorpus() {
        return Fixtures.list("").stream()
                .filter(name -> (name.endsWith(".pem") || name.endsWith(".crt")) && !name.startsWith("errors/"))
                .filter(name -> new String(Fixtures.bytes(name), StandardCharsets.ISO_8859_1)
                        .contains("-----BEGIN CERTIFICATE-----"))
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    String text = new String(Fixtures.bytes(name), StandardCharsets.ISO_8859_1);
                    int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
                    String body = text.substring(text.indexOf('\n', begin) + 1,
                            text.indexOf("-----END CERTIFICATE-----", begin));
                    byte[] der = java.util.Base64.getMimeDecoder().decode(body);
                    X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes(name));
                    assertArrayEquals(der, Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert));
                    org.bouncycastle.cert.X509CertificateHolder bc = new org.bouncycastle.cert.X509CertificateHolder(der);
                    assertEquals(bc.getSerialNumber(), cert.getSerialNumber());
                    assertArrayEquals(bc.getSubject().getEncoded("DER"), cert.getSubject().der());
                    assertArrayEquals(bc.getIssuer().getEncoded("DER"), cert.getIssuer().der());
                    assertEquals(bc.getExtensions() == null ? 0 : bc.getExtensions().getExtensionOIDs().length,
                            cert.getExtensionCount());
                }));
    }

    private static void checkCertificate(Map<String, Object> fixture) {
        byte[] pem = Fixtures.bytes((String) fixture.get("pem"));
        byte[] der = Fixtures.bytes((String) fixture.get("der"));
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, pem);
        assertArrayEquals(der, Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert), "DER dump");
        assertArrayEquals(pem, Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert), "PEM dump");
        assertArrayEquals(der, Crypto.dumpCertificate(Crypto.FILETYPE_ASN1,
                Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der)), "DER load");
        Map<String, Object> py = map(fixture.get("pyopenssl"));
        assertEquals(py.get("subject_str"), cert.getSubject().toString());
        assertEquals(py.get("issuer_str"), cert.getIssuer().toString());
        assertEquals(components(py.get("subject_components")), cert.getSubject().getComponents());
        assertEquals(components(py.get("issuer_components")), cert.getIssuer().getComponents());
        assertEquals(toBig(py.get("serial")), cert.getSerialNumber());
        assertEquals(((Number) py.get("version")).intValue(), cert.getVersion());
        assertEquals(py.get("notBefore"), cert.getNotBefore());
        assertEquals(py.get("notAfter"), cert.getNotAfter());
        assertEquals(py.get("digest_sha1"), cert.digest("sha1"));
        assertEquals(py.get("digest_sha256"), cert.digest("sha256"));
        assertEquals(py.get("digest_md5"), cert.digest("md5"));
        assertEquals(((Number) py.get("subject_name_hash")).longValue(), cert.subjectNameHash());
        assertEquals(((Number) py.get("subject_hash")).longValue(), cert.getSubject().hash());
        assertEquals(((Number) py.get("issuer_hash")).longValue(), cert.getIssuer().hash());
        assertEquals(py.get("signature_algorithm"), cert.getSignatureAlgorithm());
        checkKey(py, cert.getPubkey());
        assertEquals(((Number) py.get("extension_count")).intValue(), cert.getExtensionCount());
        List<X509Extension> extensions = new ArrayList<>();
        for (int i = 0; i < cert.getExtensionCount(); i++) {
            extensions.add(cert.getExtension(i));
        }
        checkExtensions(py.get("extensions"), extensions);
        assertEquals(py.get("has_expired"), cert.hasExpired());
        assertEquals(py.get("dump_text"),
                new String(Crypto.dumpCertificate(Crypto.FILETYPE_TEXT, cert), StandardCharsets.UTF_8));
        assertEquals(map(fixture.get("openssl")).get("text"), cert.toText(), "openssl x509 -text -noout");
    }

    private static void checkRequest(Map<String, Object> fixture) {
        byte[] pem = Fixtures.bytes((String) fixture.get("pem"));
        byte[] der = Fixtures.bytes((String) fixture.get("der"));
        X509Req request = Crypto.loadCertificateRequest(Crypto.FILETYPE_PEM, pem);
        assertArrayEquals(der, Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1, request), "DER dump");
        assertArrayEquals(pem, Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM, request), "PEM dump");
        assertArrayEquals(der, Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1,
                Crypto.loadCertificateRequest(Crypto.FILETYPE_ASN1, der)), "DER load");
        Map<String, Object> py = map(fixture.get("pyopenssl"));
        assertEquals(py.get("subject_str"), request.getSubject().toString());
        assertEquals(components(py.get("subject_components")), request.getSubject().getComponents());
        assertEquals(((Number) py.get("version")).intValue(), request.getVersion());
        checkKey(py, request.getPubkey());
        checkExtensions(py.get("extensions"), request.getExtensions());
        assertEquals(1L, ((Number) py.get("verify")).longValue());
        assertTrue(request.verify(request.getPubkey()));
        assertEquals(py.get("dump_text"),
                new String(Crypto.dumpCertificateRequest(Crypto.FILETYPE_TEXT, request), StandardCharsets.UTF_8));
        assertEquals(map(fixture.get("openssl")).get("text"), request.toText(), "openssl req -text -noout");
    }

    private static void checkKey(Map<String, Object> py, PKey key) {
        assertEquals(((Number) py.get("pubkey_type")).intValue(), key.type());
        assertEquals(((Number) py.get("pubkey_bits")).intValue(), key.bits());
    }

    private static void checkExtensions(Object expected, List<X509Extension> actual) {
        List<Object> extensions = list(expected);
        assertEquals(extensions.size(), actual.size());
        for (int i = 0; i < extensions.size(); i++) {
            Map<String, Object> e = map(extensions.get(i));
            X509Extension extension = actual.get(i);
            assertEquals(e.get("short_name"), extension.getShortName());
            assertEquals(e.get("critical"), extension.getCritical());
            assertEquals(e.get("data_hex"), HEX.formatHex(extension.getData()));
            if (e.get("str") instanceof Map<?, ?> error) {
                // pyOpenSSL raised crypto.Error; the fixture records its text, e.g. "Error: []"
                CryptoException thrown = assertThrows(CryptoException.class, extension::toString);
                assertEquals(error.get("error"), "Error: " + thrown.errors());
            } else {
                assertEquals(e.get("str"), assertDoesNotThrow(extension::toString, "str of " + e.get("short_name")),
                        "str of " + e.get("short_name"));
            }
        }
    }

    private static List<X509Name.Component> components(Object expected) {
        List<X509Name.Component> components = new ArrayList<>();
        for (Object o : list(expected)) {
            List<Object> triple = list(o);
            components.add(new X509Name.Component(((String) triple.get(0)).getBytes(StandardCharsets.US_ASCII),
                    HEX.parseHex((String) triple.get(1))));
        }
        return components;
    }

    private static BigInteger toBig(Object number) {
        return number instanceof BigInteger b ? b : BigInteger.valueOf(((Number) number).longValue());
    }
}
