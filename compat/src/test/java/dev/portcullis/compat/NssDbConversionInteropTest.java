package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trust strings of every kind, a database converted from the legacy dbm format (3DES values, no private MACs),
 * the same after certutil -W changed its password (AES + MACs), and the dbm directory itself (refused).
 */
@Tag("interop")
class NssDbConversionInteropTest {
    @TempDir
    Path work;

    @Test
    void everyTrustStringReadsAsCertutilPrintsIt() throws Exception {
        NssTools tools = new NssTools(work);
        Path d = tools.newDb("matrix", "sql:", "");
        for (String t : List.of("CT,C,C", "C,,", "c,c,c", "T,,", "P,P,P", "p,p,p", "CTg,,", "Cw,,", ",C,", ",,C",
                "CT,,", ",,", "u,u,u", "cP,,", "pT,p,c")) {
            tools.importExternal(d, "", "trust " + t, "/CN=trust " + t.replace(",", " "), t);
        }
        tools.importNamelessCertificates(d, 2);
        Map<String, String> before = NssTools.hashes(d);
        try (NssDb db = NssDb.open(d)) {
            assertEquals(tools.listCerts(d), NssDbInteropTest.ourListing(db));
            assertTrue(tools.listCerts(d).containsKey("(NULL)#2"), () -> "two certificates without a nickname: "
                    + tools.listCerts(d));
            assertEquals(tools.pythonNssFlags(d, null), NssDbInteropTest.ourFlags(db));
            assertTrue(db.findByNickname("trust CTg,,").get(0).trust().stepUpApproved());
        }
        assertEquals(before, NssTools.hashes(d));
    }

    @Test
    void databaseConvertedFromDbmThenRekeyed() throws Exception {
        NssTools tools = new NssTools(work);
        Path d = work.resolve("legacy");
        Files.createDirectories(d);
        String pw = "Passw0rd!";
        String pwFile = tools.passwordFile(pw).toString();
        tools.certutil(d, "dbm:", null, "-N", "-f", pwFile);
        Path noise = work.resolve("noise.bin");
        tools.certutil(d, "dbm:", pw, "-S", "-n", "Legacy CA", "-s", "CN=Legacy CA", "-x", "-t", "CT,C,C", "-k",
                "rsa", "-g", "2048", "-m", "1", "-z", noise.toString());
        tools.certutil(d, "dbm:", pw, "-S", "-n", "legacy ec", "-s", "CN=legacy ec", "-c", "Legacy CA", "-t",
                "u,u,u", "-k", "ec", "-q", "nistp256", "-m", "2", "-z", noise.toString());
        tools.certutil(d, "dbm:", pw, "-S", "-n", "legacy client", "-s", "CN=legacy client", "-c", "Legacy CA",
                "-t", "C,,", "-k", "rsa", "-g", "1024", "-m", "3", "-z", noise.toString());
        NssDbException dbm = assertThrows(NssDbException.class, () -> NssDb.open(d));
        assertTrue(dbm.getMessage().contains("legacy dbm") && dbm.getMessage().contains("upgrade-merge"),
                dbm.getMessage());
        assertThrows(NssDbException.class, () -> NssDb.open("dbm:" + d));

        tools.certutil(d, "sql:", pw, "-K", "-X"); // first read-write sql: login converts cert8/key3
        assertTrue(Files.exists(d.resolve("key4.db")));
        checkAgainstNss(tools, d, pw);

        Path newPw = tools.passwordFile("NewPassw0rd!");
        tools.certutil(d, "sql:", null, "-W", "-f", pwFile, "-@", newPw.toString());
        checkAgainstNss(tools, d, "NewPassw0rd!");
        try (NssDb db = NssDb.open(d)) {
            assertThrows(NssDbException.class, () -> db.login(pw.toCharArray()));
        }
    }

    private static void checkAgainstNss(NssTools tools, Path d, String pw) throws Exception {
        Map<String, String> before = NssTools.hashes(d);
        try (NssDb db = NssDb.open("sql:" + d)) {
            assertEquals(tools.listCerts(d), NssDbInteropTest.ourListing(db));
            assertEquals(tools.pythonNssFlags(d, null), NssDbInteropTest.ourFlags(db));
            db.login(pw.toCharArray());
            assertEquals(tools.pythonNssFlags(d, pw), NssDbInteropTest.ourFlags(db));
            List<String> keys = new ArrayList<>(tools.listKeys(d, pw));
            keys.sort(null);
            assertEquals(keys, NssDbInteropTest.ourKeys(db));
            assertEquals(3, db.privateKeys().size());
            for (NssPrivateKey k : db.privateKeys()) {
                NssDbInteropTest.assertSigns(k.toJavaKeyPair());
                assertEquals(k.certificate().toJavaCertificate().getPublicKey(), k.toJavaKeyPair().getPublic());
            }
            assertEquals(List.of(), db.problems());
        }
        assertEquals(before, NssTools.hashes(d));
    }

    @Test
    void dsaKeysDecryptAndSign() throws Exception {
        NssTools tools = new NssTools(work);
        Path d = tools.newDb("dsa", "sql:", "dsa pw");
        tools.makeCa(d, "dsa pw", "dsa self", "CN=dsa self", ",,", "-k dsa -g 2048");
        Map<String, String> before = NssTools.hashes(d);
        try (NssDb db = NssDb.open(d)) {
            db.login("dsa pw".toCharArray());
            assertEquals(tools.listKeys(d, "dsa pw"), NssDbInteropTest.ourKeys(db));
            NssPrivateKey k = db.privateKeys().get(0);
            assertEquals("dsa", k.keyType());
            assertEquals(k.certificate().toJavaCertificate().getPublicKey(), k.toJavaKeyPair().getPublic());
            java.security.Signature s = java.security.Signature.getInstance("SHA256withDSA");
            s.initSign(k.toJavaPrivateKey());
            s.update(new byte[] {1, 2, 3});
            byte[] sig = s.sign();
            s.initVerify(k.certificate().toJavaCertificate().getPublicKey());
            s.update(new byte[] {1, 2, 3});
            assertTrue(s.verify(sig));
        }
        assertEquals(before, NssTools.hashes(d));
    }
}
