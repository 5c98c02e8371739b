package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NssDb against databases certutil and pk12util make during the test (random keys), with certutil -L/-K and
 * python-nss (real NSS) as oracles; the files must be byte-identical afterwards.
 */
@Tag("interop")
class NssDbInteropTest {
    static final String PASSWORD = "Passw0rd! ünï";

    @TempDir
    static Path work;
    static NssTools tools;
    static Path noPw;
    static Path withPw;
    static Map<Path, Map<String, String>> hashesBefore = new LinkedHashMap<>();

    @BeforeAll
    static void makeDatabases() {
        tools = new NssTools(work);
        noPw = populate("nopw", "");
        withPw = populate("pw", PASSWORD);
        for (Path d : List.of(noPw, withPw)) {
            hashesBefore.put(d, NssTools.hashes(d));
        }
    }

    static Path populate(String name, String pw) {
        Path d = tools.newDb(name, "sql:", pw);
        tools.makeCa(d, pw, "Test CA", "CN=Test CA,O=Portcullis", "CT,C,C", "-k rsa -g 2048");
        tools.makeLeaf(d, pw, "server-rsa", "CN=server rsa", "Test CA", "u,u,u", "-k rsa -g 2048");
        tools.makeLeaf(d, pw, "server-ec", "CN=server ec", "Test CA", ",,", "-k ec -q nistp256");
        tools.makeLeaf(d, pw, "client ec384", "CN=client,O=Portcullis", "Test CA", "P,,", "-k ec -q nistp384",
                "--extKeyUsage", "clientAuth");
        tools.makeOrphanKey(d, pw, "-k ec -q nistp256");
        tools.makeOrphanKey(d, pw, "-k rsa -g 1024");
        tools.importExternal(d, pw, "External Root (no key)", "/CN=External Root", "C,,");
        tools.importExternal(d, pw, "Zoë Ünïcode CA – Ω #1", "/CN=Unicode", ",,");
        tools.importExternal(d, pw, "distrusted", "/CN=Distrusted", "p,p,p");
        tools.importP12(d, pw, "p12 user (imported)", "/CN=P12 Issuing CA/O=NSSDB Research", "/CN=p12 user",
                "rsa:2048");
        tools.importP12(d, pw, "p12 ec user", "/CN=P12 EC CA/O=NSSDB Research", "/CN=p12 ec user", "ec");
        return d;
    }

    @AfterAll
    static void filesAreUnchanged() {
        for (Map.Entry<Path, Map<String, String>> e : hashesBefore.entrySet()) {
            assertEquals(e.getValue(), NssTools.hashes(e.getKey()), "files changed in " + e.getKey());
        }
    }

    static Map<String, String> ourListing(NssDb db) {
        Map<String, String> m = new LinkedHashMap<>();
        for (NssCertificate c : db.certificates()) {
            String nick = c.nickname() == null ? "(NULL)" : c.nickname(); // what certutil -L prints
            String key = nick;
            for (int i = 2; m.containsKey(key); i++) {
                key = nick + "#" + i;
            }
            m.put(key, c.trust().toString());
        }
        return m;
    }

    static List<String> ourFlags(NssDb db) throws Exception {
        List<String> out = new ArrayList<>();
        for (NssCertificate c : db.certificates()) {
            NssTrust t = c.trust();
            out.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(c.der())) + " "
                    + t.sslFlags() + "," + t.emailFlags() + "," + t.objectSigningFlags());
        }
        out.sort(null);
        return out;
    }

    static List<String> ourKeys(NssDb db) {
        List<String> out = new ArrayList<>();
        for (NssPrivateKey k : db.privateKeys()) {
            out.add(k.keyType() + " " + k.idHex() + " " + k.listName());
        }
        out.sort(null);
        return out;
    }

    @Test
    void emptyPasswordDatabaseListsLikeCertutilAndPythonNss() throws Exception {
        try (NssDb db = NssDb.open("sql:" + noPw)) {
            assertTrue(db.isLoggedIn(), "an empty-password database is logged in at open, as NSS does");
            assertEquals(tools.listCerts(noPw), ourListing(db));
            assertEquals(tools.pythonNssFlags(noPw, null), ourFlags(db));
            List<String> expectedKeys = new ArrayList<>(tools.listKeys(noPw, ""));
            expectedKeys.sort(null);
            assertEquals(expectedKeys, ourKeys(db));
            assertEquals(List.of(), db.problems());
        }
    }

    @Test
    void passwordDatabaseBeforeAndAfterLogin() throws Exception {
        try (NssDb db = NssDb.open(withPw)) {
            assertFalse(db.isLoggedIn());
            assertEquals(tools.listCerts(withPw), ourListing(db), "certutil -L does not log in either");
            assertEquals(tools.pythonNssFlags(withPw, null), ourFlags(db));
            NssDbException e = assertThrows(NssDbException.class,
                    () -> db.privateKeys().get(0).toJavaPrivateKey());
            assertTrue(e.getMessage().contains("log in"), e.getMessage());
            db.login(PASSWORD.toCharArray());
            assertTrue(db.isLoggedIn());
            assertEquals(tools.pythonNssFlags(withPw, PASSWORD), ourFlags(db));
            List<String> expectedKeys = new ArrayList<>(tools.listKeys(withPw, PASSWORD));
            expectedKeys.sort(null);
            assertEquals(expectedKeys, ourKeys(db));
            for (NssCertificate c : db.certificates()) {
                assertEquals(NssTrust.Status.VERIFIED.equals(c.trust().status())
                        || NssTrust.Status.NONE.equals(c.trust().status()), true, c.toString());
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedAndKeysStayLocked() {
        try (NssDb db = NssDb.open(withPw)) {
            for (String wrong : List.of("", "passw0rd! ünï", "Passw0rd!", PASSWORD + " ")) {
                NssDbException e = assertThrows(NssDbException.class, () -> db.login(wrong.toCharArray()));
                assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
                assertFalse(db.isLoggedIn());
            }
        }
    }

    @Test
    void everyKeyDecryptsMatchesItsCertificateAndSigns() throws Exception {
        for (Path d : List.of(noPw, withPw)) {
            try (NssDb db = NssDb.open(d)) {
                if (!db.isLoggedIn()) {
                    db.login(PASSWORD.toCharArray());
                }
                int withCert = 0;
                for (NssPrivateKey k : db.privateKeys()) {
                    KeyPair pair = k.toJavaKeyPair();
                    assertSigns(pair);
                    assertEquals(k.keyType(), pair.getPrivate().getAlgorithm().equals("RSA") ? "rsa" : "ec");
                    if (k.certificate() != null) {
                        withCert++;
                        assertEquals(k.certificate().toJavaCertificate().getPublicKey(), pair.getPublic(),
                                k.toString());
                        assertArrayEquals(pair.getPublic().getEncoded(), k.toPKey().toJavaPublicKey().getEncoded());
                    }
                }
                assertEquals(6, withCert);
                assertEquals(8, db.privateKeys().size());
            }
        }
    }

    static void assertSigns(KeyPair pair) throws Exception {
        String alg = pair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] data = "signed by a key read from key4.db".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Signature s = Signature.getInstance(alg);
        s.initSign(pair.getPrivate());
        s.update(data);
        byte[] sig = s.sign();
        Signature v = Signature.getInstance(alg);
        v.initVerify(pair.getPublic());
        v.update(data);
        assertTrue(v.verify(sig), "signature verifies with the public key");
    }

    @Test
    void lookupsByNicknameIssuerSerialAndSubject() {
        try (NssDb db = NssDb.open(noPw)) {
            NssCertificate ca = db.findByNickname("Test CA").get(0);
            assertEquals("CTu,Cu,Cu", ca.trust().toString());
            NssCertificate rsa = db.findByNickname("server-rsa").get(0);
            assertEquals(rsa, db.findByIssuerAndSerial(ca.subject().getEncoded(), rsa.serialNumber()));
            assertEquals(List.of(ca), db.findBySubject(ca.subject().getEncoded()));
            assertEquals(1, db.findByNickname("Zoë Ünïcode CA – Ω #1").size());
            assertTrue(db.findByNickname("nope").isEmpty());
            assertEquals(null, db.findByIssuerAndSerial(ca.subject().getEncoded(), java.math.BigInteger.ONE));
        }
    }

    @Test
    void clientCertificateIsChosenByIssuer() {
        try (NssDb db = NssDb.open(noPw)) {
            byte[] testCa = db.findByNickname("Test CA").get(0).subject().getEncoded();
            byte[] p12Ca = db.findByNickname("P12 EC CA - NSSDB Research").get(0).subject().getEncoded();
            NssCertificate c = db.findClientCertificate(List.of(p12Ca));
            assertNotNull(c);
            assertEquals("p12 ec user", c.nickname());
            NssCertificate t = db.findClientCertificate(List.of(testCa));
            assertNotNull(t);
            assertEquals(testCa.length, t.issuer().getEncoded().length);
            assertEquals(null, db.findClientCertificate(List.of(new byte[] {0x30, 0})));
        }
    }

    @Test
    void validClientCertificateIsPreferredOverAnExpiredOne() {
        Path d = tools.newDb("expiry", "sql:", "");
        tools.makeCa(d, "", "Expiry CA", "CN=Expiry CA", "CT,C,C", "-k ec -q nistp256");
        tools.makeLeaf(d, "", "expired client", "CN=expired client", "Expiry CA", "u,u,u", "-k ec -q nistp256",
                "-w", "-13", "-v", "12", "--extKeyUsage", "clientAuth");
        byte[] ca;
        try (NssDb db = NssDb.open(d)) {
            ca = db.findByNickname("Expiry CA").get(0).subject().getEncoded();
            assertEquals("expired client", db.findClientCertificate(List.of(ca)).nickname(),
                    "only an expired one: still offered (NSS would offer none; documented)");
        }
        tools.makeLeaf(d, "", "valid client", "CN=valid client", "Expiry CA", "u,u,u", "-k ec -q nistp256",
                "--extKeyUsage", "clientAuth");
        tools.makeLeaf(d, "", "server only", "CN=server only", "Expiry CA", "u,u,u", "-k ec -q nistp256",
                "--extKeyUsage", "serverAuth");
        try (NssDb db = NssDb.open(d)) {
            assertTrue(db.findByNickname("expired client").get(0).toJavaCertificate().getNotAfter()
                    .before(new java.util.Date()), "certutil -w made an expired certificate");
            assertEquals("valid client", db.findClientCertificate(List.of(ca)).nickname());
            assertEquals("valid client", db.findClientCertificate(List.of()).nickname());
        }
    }
}
