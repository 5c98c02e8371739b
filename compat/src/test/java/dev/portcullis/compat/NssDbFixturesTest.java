package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testdata.Fixtures;
import dev.portcullis.testdata.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testdata area {@code nss}: databases certutil/pk12util made, with what certutil -L/-K and python-nss printed
 * about them. We must report the same nicknames, trust strings, flag words and keys, decrypt every key, and leave
 * the files byte-identical.
 */
class NssDbFixturesTest {
    @TempDir
    Path work;

    static Stream<String> databases() {
        return Json.asMap(Fixtures.expected("nss", "databases")).keySet().stream();
    }

    private Path copy(String name) {
        Path dir = work.resolve(name);
        Fixtures.copyTo(Json.asString(Fixtures.expected("nss", "databases", name, "dir")), dir);
        return dir;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listingMatchesCertutilAndPythonNss(String name) throws Exception {
        Path dir = copy(name);
        Map<String, String> before = NssTools.hashes(dir);
        String prefix = Json.asString(Fixtures.expected("nss", "databases", name, "spec_prefix"));
        if (prefix.equals("dbm:")) {
            NssDbException e = assertThrows(NssDbException.class, () -> NssDb.open(prefix + dir));
            assertTrue(e.getMessage().contains("legacy dbm"), e.getMessage());
            return;
        }
        String password = Json.asString(Fixtures.expected("nss", "databases", name, "password"));
        try (NssDb db = NssDb.open(prefix + dir)) {
            String certutilL = Json.asString(Fixtures.expected("nss", "databases", name, "certutil_L"));
            assertEquals(CertutilOutput.certs(certutilL), NssDbInteropTest.ourListing(db));
            assertEquals(pythonNssFlags(name), ourFlags(db), "python-nss flags (not logged in unless no password)");
            Map<String, Object> certs = Json.asMap(Fixtures.expected("nss", "databases", name, "certs"));
            for (Map.Entry<String, Object> e : certs.entrySet()) {
                List<NssCertificate> found = db.findByNickname(e.getKey());
                assertEquals(1, found.size(), e.getKey());
                assertArrayEquals(pemToDer(Json.asString(Json.at(e.getValue(), "pem"))), found.get(0).der());
                assertEquals(Json.asString(Json.at(e.getValue(), "trust")), found.get(0).trust().toString());
            }
            if (!password.isEmpty()) {
                db.login(password.toCharArray());
            }
            String certutilK = Json.asString(Fixtures.expected("nss", "databases", name, "certutil_K", "stdout"));
            assertEquals(CertutilOutput.keys(certutilK), NssDbInteropTest.ourKeys(db));
            for (NssPrivateKey k : db.privateKeys()) {
                NssDbInteropTest.assertSigns(k.toJavaKeyPair());
                if (k.certificate() != null) {
                    assertEquals(k.certificate().toJavaCertificate().getPublicKey(), k.toJavaKeyPair().getPublic());
                }
            }
            assertEquals(List.of(), db.problems());
        }
        assertEquals(before, NssTools.hashes(dir));
    }

    private static List<String> pythonNssFlags(String name) {
        List<String> out = new ArrayList<>();
        for (Object c : Json.asList(Fixtures.expected("nss", "databases", name, "python_nss", "certs"))) {
            out.add(Json.asBigInteger(Json.at(c, "serial")) + " " + Json.at(c, "ssl_trust_flags") + ","
                    + Json.at(c, "email_trust_flags") + "," + Json.at(c, "signing_trust_flags"));
        }
        out.sort(null);
        return out;
    }

    private static List<String> ourFlags(NssDb db) {
        List<String> out = new ArrayList<>();
        for (NssCertificate c : db.certificates()) {
            NssTrust t = c.trust();
            out.add(c.serialNumber() + " " + t.sslFlags() + "," + t.emailFlags() + "," + t.objectSigningFlags());
        }
        out.sort(null);
        return out;
    }

    static byte[] pemToDer(String pem) {
        String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    @org.junit.jupiter.api.Test
    void portcullisBridgesX509StoreAndX509() throws Exception {
        Path dir = copy("pw");
        try (NssDb db = NssDb.open(dir)) {
            NssCertificate leaf = db.findByNickname("server rsa").get(0);
            dev.portcullis.crypto.X509 x = leaf.toX509();
            assertArrayEquals(leaf.subject().getEncoded(), x.getSubject().der());
            dev.portcullis.crypto.X509Store servers = db.toX509Store(NssTrust.Purpose.SERVER_AUTH);
            new dev.portcullis.crypto.X509StoreContext(servers, x).verifyCertificate();
            Map<String, String> listed = CertutilOutput.certs(
                    Json.asString(Fixtures.expected("nss", "databases", "pw", "certutil_L")));
            List<String> serverCas = new ArrayList<>();
            List<String> clientCas = new ArrayList<>();
            listed.forEach((nick, trust) -> {
                String ssl = trust.split(",", -1)[0];
                if (ssl.contains("C")) {
                    serverCas.add(nick);
                }
                if (ssl.contains("T")) {
                    clientCas.add(nick);
                }
            });
            assertEquals(serverCas,
                    db.trustedCas(NssTrust.Purpose.SERVER_AUTH).stream().map(NssCertificate::nickname).toList());
            assertEquals(clientCas,
                    db.trustedCas(NssTrust.Purpose.CLIENT_AUTH).stream().map(NssCertificate::nickname).toList());
            dev.portcullis.crypto.X509Store email = db.toX509Store(NssTrust.Purpose.EMAIL_PROTECTION);
            assertThrows(dev.portcullis.crypto.X509StoreContextException.class,
                    () -> new dev.portcullis.crypto.X509StoreContext(new dev.portcullis.crypto.X509Store(), x)
                            .verifyCertificate());
            assertTrue(email != null);
            db.login("nss-password".toCharArray());
            NssCertificate client = db.findClientCertificateForNames(List.of(x.getIssuer()));
            assertEquals("client cert", client.nickname(), "the only certificate with clientAuth usage and a key");
            List<dev.portcullis.crypto.X509> chain = db.chainOf(client);
            assertEquals(2, chain.size());
            assertArrayEquals(x.getIssuer().der(), chain.get(1).getSubject().der());
            assertTrue(client.privateKey().toPKey().check());
        }
    }
}
