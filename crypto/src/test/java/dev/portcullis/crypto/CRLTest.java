package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.testdata.Fixtures;

/**
 * {@link CRL} and {@link Crypto#loadCrl}/{@link Crypto#dumpCrl}: pyOpenSSL 24.2's TestCRL with the same
 * expectations; every CRL fixture against what pyOpenSSL 23 and {@code openssl crl} printed; the pyOpenSSL-made CRL
 * rebuilt byte for byte; the JDK's CRL parser as an independent reader of what we write.
 */
class CRLTest {
    private static final String ROOT_ISSUER = "<X509Name object '/C=US/O=Portcullis Test/CN=Portcullis Test Root CA'>";

    private static CRL twoRevoked() {
        CRL crl = new CRL();
        Revoked first = new Revoked();
        first.setSerial("3ab");
        first.setRevDate(now());
        Revoked second = new Revoked();
        second.setSerial("100");
        second.setRevDate(now());
        second.setReason("superseded");
        crl.addRevoked(first);
        crl.addRevoked(second);
        return crl;
    }

    private static String now() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now());
    }

    private static X509CRL jdkCrl(byte[] encoded) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(encoded));
    }

    @Test
    void construction() {
        assertNull(new CRL().getRevoked());
    }

    @Test
    void exportPemAndDerAreReadByTheJdk() throws Exception {
        for (int type : new int[] {Crypto.FILETYPE_PEM, Crypto.FILETYPE_ASN1}) {
            byte[] dumped = twoRevoked().export(ContainerFixtures.root(), ContainerFixtures.rootKey(), type, 100,
                    "sha256");
            X509CRL crl = jdkCrl(dumped);
            assertEquals("CN=Portcullis Test Root CA,O=Portcullis Test,C=US", crl.getIssuerX500Principal().getName());
            X509CRLEntry entry = crl.getRevokedCertificate(BigInteger.valueOf(0x3ab));
            assertNotNull(entry);
            assertNull(entry.getRevocationReason());
            assertEquals(java.security.cert.CRLReason.SUPERSEDED,
                    crl.getRevokedCertificate(BigInteger.valueOf(0x100)).getRevocationReason());
            crl.verify(ContainerFixtures.root().toJavaCertificate().getPublicKey());
            long days = ChronoUnit.DAYS.between(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant());
            assertEquals(100, days);
            assertTrue(Math.abs(crl.getThisUpdate().toInstant().getEpochSecond() - Instant.now().getEpochSecond()) < 60);
        }
    }

    @Test
    void exportText() {
        String text = new String(twoRevoked().export(ContainerFixtures.root(), ContainerFixtures.rootKey(),
                Crypto.FILETYPE_TEXT, 100, "sha256"), StandardCharsets.UTF_8);
        assertTrue(text.length() > 500, text);
        assertTrue(text.startsWith("Certificate Revocation List (CRL):\n        Version 1 (0x0)\n"
                + "        Signature Algorithm: sha256WithRSAEncryption\n"), text);
    }

    @Test
    void exportCustomAndMd5Digests() throws Exception {
        String text = new String(twoRevoked().export(ContainerFixtures.root(), ContainerFixtures.rootKey(),
                Crypto.FILETYPE_TEXT, 100, "sha384"), StandardCharsets.UTF_8);
        assertTrue(text.contains("Signature Algorithm: sha384"), text);
        X509CRL md5 = jdkCrl(twoRevoked().export(ContainerFixtures.root(), ContainerFixtures.rootKey(),
                Crypto.FILETYPE_ASN1, 100, "md5"));
        assertEquals("1.2.840.113549.1.1.4", md5.getSigAlgOID());
    }

    @Test
    void exportArgumentErrors() {
        CRL crl = twoRevoked();
        X509 root = ContainerFixtures.root();
        PKey key = ContainerFixtures.rootKey();
        assertEquals("digest must be provided", assertThrows(IllegalArgumentException.class,
                () -> crl.export(root, key, Crypto.FILETYPE_PEM, 100, null)).getMessage());
        assertEquals("cert must be an X509 instance", assertThrows(IllegalArgumentException.class,
                () -> crl.export(null, key, "sha256")).getMessage());
        assertEquals("key must be a PKey instance", assertThrows(IllegalArgumentException.class,
                () -> crl.export(root, null, "sha256")).getMessage());
        assertEquals("No such digest method", assertThrows(IllegalArgumentException.class,
                () -> crl.export(root, key, Crypto.FILETYPE_PEM, 100, "strange-digest")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> crl.export(root, key, 100, 10, "sha256"));
        assertThrows(CryptoException.class, () -> crl.export(new X509(), new PKey(), "sha256"));
    }

    @Test
    void getRevokedGivesCopies() {
        CRL crl = twoRevoked();
        List<Revoked> revoked = crl.getRevoked();
        assertEquals(2, revoked.size());
        assertEquals("03AB", revoked.get(0).getSerial());
        assertEquals("0100", revoked.get(1).getSerial());
        assertEquals(now().substring(0, 10), revoked.get(0).getRevDate().substring(0, 10));
        revoked.get(0).setSerial("ff");
        assertEquals("03AB", crl.getRevoked().get(0).getSerial());
    }

    @Test
    void signSetsIssuerSortsAndIsVerifiedByTheJdk() throws Exception {
        CRL crl = twoRevoked();
        crl.setLastUpdate("20250101000000Z");
        crl.setNextUpdate("20450101000000Z");
        crl.sign(ContainerFixtures.root(), ContainerFixtures.rootKey(), "sha256");
        assertEquals(ROOT_ISSUER, crl.getIssuer().toString());
        assertEquals(List.of("0100", "03AB"), crl.getRevoked().stream().map(Revoked::getSerial).toList());
        jdkCrl(Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl)).verify(ContainerFixtures.root().toJavaCertificate()
                .getPublicKey());
        assertEquals("20250101000000Z", crl.getLastUpdate());
    }

    /** The CRL pyOpenSSL built in testdata/gen/area_containers.py, rebuilt with the same calls: same bytes. */
    @Test
    void pyOpenSslBuiltCrlIsReproducedByteForByte() {
        CRL crl = new CRL();
        String[][] entries = {{"0a0b", "keyCompromise", "20230301000000Z"}, {"03e8", null, "20230302000000Z"},
                {"abcdef0123", "superseded", "20230303000000Z"}};
        for (String[] entry : entries) {
            Revoked revoked = new Revoked();
            revoked.setSerial(entry[0]);
            revoked.setRevDate(entry[2]);
            if (entry[1] != null) {
                revoked.setReason(entry[1]);
            }
            crl.addRevoked(revoked);
        }
        crl.setLastUpdate("20250101000000Z");
        crl.setNextUpdate("20450101000000Z");
        crl.setVersion(1);
        crl.sign(ContainerFixtures.root(), ContainerFixtures.rootKey(), "sha256");
        assertArrayEquals(Fixtures.bytes("containers/crl/pyopenssl.der"), Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl));
        assertArrayEquals(Fixtures.bytes("containers/crl/pyopenssl.pem"), Crypto.dumpCrl(Crypto.FILETYPE_PEM, crl));
    }

    static List<String> crlFixtures() {
        return ContainerFixtures.names("crl");
    }

    @ParameterizedTest
    @MethodSource("crlFixtures")
    @SuppressWarnings("unchecked")
    void fixtureReadsAsPyOpenSslAndOpensslPrintedIt(String name) {
        Map<String, Object> expected = ContainerFixtures.expected("crl", name);
        Map<String, Object> py = (Map<String, Object>) expected.get("pyopenssl");
        byte[] der = Fixtures.bytes((String) expected.get("der"));
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, der);
        assertArrayEquals(der, Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl));
        if (expected.get("pem") != null) {
            byte[] pem = Fixtures.bytes((String) expected.get("pem"));
            CRL fromPem = Crypto.loadCrl(Crypto.FILETYPE_PEM, pem);
            assertArrayEquals(pem, Crypto.dumpCrl(Crypto.FILETYPE_PEM, fromPem));
        }
        assertEquals(py.get("issuer_str"), crl.getIssuer().toString());
        List<Revoked> revoked = crl.getRevoked();
        int count = ContainerFixtures.number(py.get("revoked_count")).intValue();
        assertEquals(count, revoked == null ? 0 : revoked.size());
        List<Map<String, Object>> entries = (List<Map<String, Object>>) py.get("revoked");
        List<Revoked> compared = py.containsKey("revoked_note")
                ? List.of(revoked.get(0), revoked.get(1), revoked.get(2), revoked.get(count - 3),
                        revoked.get(count - 2), revoked.get(count - 1))
                : (revoked == null ? List.of() : revoked);
        assertEquals(entries.size(), compared.size());
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).get("serial"), compared.get(i).getSerial());
            assertEquals(entries.get(i).get("reason"), compared.get(i).getReason());
            assertEquals(entries.get(i).get("rev_date"), compared.get(i).getRevDate());
        }
        if (py.containsKey("dump_text")) {
            assertEquals(py.get("dump_text"), new String(Crypto.dumpCrl(Crypto.FILETYPE_TEXT, crl),
                    StandardCharsets.UTF_8));
            assertEquals(expected.get("openssl_text"), crl.toText());
        } else {
            String text = crl.toText();
            assertTrue(text.startsWith((String) expected.get("openssl_text_head")));
            assertTrue(text.endsWith((String) expected.get("openssl_text_tail")));
        }
    }

    @Test
    void findRevokedAgreesWithTheJdkOnTheBigList() throws Exception {
        byte[] der = Fixtures.bytes("containers/crl/big-10000.der");
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, der);
        X509CRL jdk = jdkCrl(der);
        for (long serial : new long[] {0x100000, 0x101234, 0x10270F, 0x0FFFFF, 0x102710, 0, -1}) {
            X509CRLEntry expected = jdk.getRevokedCertificate(BigInteger.valueOf(serial));
            Revoked actual = crl.findRevoked(BigInteger.valueOf(serial));
            if (expected == null) {
                assertNull(actual, Long.toHexString(serial));
            } else {
                assertEquals(expected.getSerialNumber(), actual.getSerialNumber());
                assertEquals(expected.getRevocationDate().toInstant().getEpochSecond(),
                        jdk.getRevokedCertificate(actual.getSerialNumber()).getRevocationDate().toInstant()
                                .getEpochSecond());
            }
        }
    }

    @Test
    void findRevokedSeesAddedEntries() {
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, Fixtures.bytes("containers/crl/v1.der"));
        assertNotNull(crl.findRevoked(BigInteger.valueOf(0x2001)));
        Revoked added = new Revoked();
        added.setSerial("abc");
        added.setRevDate("20240101000000Z");
        crl.addRevoked(added);
        assertEquals("0ABC", crl.findRevoked(BigInteger.valueOf(0xabc)).getSerial());
        assertNull(crl.findRevoked(BigInteger.valueOf(0xabd)));
    }

    @Test
    void loadErrors() {
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadCrl(100, new byte[0]));
        assertThrows(CryptoException.class, () -> Crypto.loadCrl(Crypto.FILETYPE_PEM, "hello, world"));
        assertThrows(CryptoException.class, () -> Crypto.loadCrl(Crypto.FILETYPE_ASN1, "hello, world"));
        byte[] der = Fixtures.bytes("containers/crl/v2-reasons.der");
        for (int cut : new int[] {1, 10, der.length / 2, der.length - 1}) {
            byte[] truncated = java.util.Arrays.copyOf(der, cut);
            assertThrows(CryptoException.class, () -> Crypto.loadCrl(Crypto.FILETYPE_ASN1, truncated));
        }
    }

    @Test
    void javaConversions() throws Exception {
        byte[] der = Fixtures.bytes("containers/crl/v2-reasons.der");
        X509CRL java = Crypto.loadCrl(Crypto.FILETYPE_ASN1, der).toJavaCrl();
        assertArrayEquals(der, java.getEncoded());
        assertArrayEquals(der, Crypto.dumpCrl(Crypto.FILETYPE_ASN1, CRL.fromJavaCrl(jdkCrl(der))));
        assertThrows(IllegalArgumentException.class, () -> CRL.fromJavaCrl(null));
    }

    @Test
    void extensionsCanBeAddedAndAreReadByTheJdk() throws Exception {
        CRL crl = twoRevoked();
        crl.setVersion(1);
        crl.addExtensions(List.of(
                new X509Extension("authorityKeyIdentifier", false, "keyid:always", null, ContainerFixtures.root()),
                new X509Extension("crlNumber", false, "DER:02:01:2A")));
        X509CRL jdk = jdkCrl(crl.export(ContainerFixtures.root(), ContainerFixtures.rootKey(), Crypto.FILETYPE_ASN1, 7,
                "sha256"));
        assertArrayEquals(new byte[] {4, 3, 2, 1, 42}, jdk.getExtensionValue("2.5.29.20"));
        assertNotNull(jdk.getExtensionValue("2.5.29.35"));
        assertEquals(2, crl.getExtensionCount());
        assertEquals("crlNumber", crl.getExtension(1).getShortName());
        assertThrows(IllegalArgumentException.class, () -> crl.getExtension(2));
    }

    /** The fixture's extensions (openssl ca -gencrl: AKI and CRL number 42) as pyOpenSSL-style extensions. */
    @Test
    void loadedExtensions() {
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, Fixtures.bytes("containers/crl/v2-reasons.der"));
        assertEquals(2, crl.getExtensionCount());
        assertEquals("authorityKeyIdentifier", crl.getExtension(0).getShortName());
        assertEquals("42", crl.getExtension(1).toString());
    }

    /** Re-signing a loaded list keeps its entries and extensions byte for byte (copied without decoding). */
    @Test
    void resigningALoadedListKeepsItsEntries() throws Exception {
        byte[] der = Fixtures.bytes("containers/crl/v2-reasons.der");
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, der);
        crl.setNextUpdate("20300101000000Z");
        crl.sign(ContainerFixtures.root(), ContainerFixtures.rootKey(), "sha512");
        X509CRL before = jdkCrl(der);
        X509CRL after = jdkCrl(Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl));
        after.verify(ContainerFixtures.root().toJavaCertificate().getPublicKey());
        assertEquals(before.getRevokedCertificates(), after.getRevokedCertificates());
        assertArrayEquals(before.getExtensionValue("2.5.29.20"), after.getExtensionValue("2.5.29.20"));
        assertEquals("SHA512withRSA", after.getSigAlgName());
        assertEquals("20300101000000Z", crl.getNextUpdate());
    }

    /** A change that restores the same values re-encodes to the same bytes (entries copied, not decoded). */
    @Test
    void reencodingWithoutDecodingEntriesIsExact() {
        byte[] der = Fixtures.bytes("containers/crl/v2-reasons.der");
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, der);
        crl.setLastUpdate("250101000000Z");
        crl.setVersion(1);
        assertArrayEquals(der, Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl));
    }
}
