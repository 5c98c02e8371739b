package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testdata.Tools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampered databases (edited with the sqlite3 tool): NSS ignores a trust object whose MAC fails and refuses a key
 * whose MAC fails; we must do the same, never believe the tampered value.
 */
@Tag("interop")
class NssDbTamperInteropTest {
    @TempDir
    Path work;

    private Path database(NssTools tools, String pw) {
        Path d = tools.newDb("db", "sql:", pw);
        tools.makeCa(d, pw, "Test CA", "CN=Test CA", "CT,C,C", "-k rsa -g 2048");
        tools.makeLeaf(d, pw, "leaf ec", "CN=leaf ec", "Test CA", "u,u,u", "-k ec -q nistp256");
        tools.makeLeaf(d, pw, "leaf rsa", "CN=leaf rsa", "Test CA", "c,,", "-k rsa -g 1024");
        return d;
    }

    private void sql(Path db, String statement) {
        Tools.Result r = Tools.run(NssTools.TIMEOUT, null, Tools.require("sqlite3").toString(), db.toString(),
                statement);
        assertEquals(0, r.exitCode(), r.toString());
    }

    @Test
    void tamperedTrustIsIgnoredAsNssIgnoresIt() {
        NssTools tools = new NssTools(work);
        Path d = database(tools, "");
        // Test CA's server-auth trust: TRUSTED_DELEGATOR -> TRUSTED, without a valid MAC
        sql(d.resolve("cert9.db"), "UPDATE nssPublic SET ace536358 = X'CE534351' WHERE a0 = X'CE534353' AND "
                + "ace536358 = X'CE534352' AND a81 = (SELECT a101 FROM nssPublic WHERE a3 = CAST('Test CA' AS BLOB))"
                + " AND a82 = (SELECT a82 FROM nssPublic WHERE a3 = CAST('Test CA' AS BLOB))");
        // leaf rsa's trust: copy Test CA's trusted values over it (a MAC bound to another object id)
        sql(d.resolve("cert9.db"), "UPDATE nssPublic SET ace536359 = X'CE534352' WHERE a0 = X'CE534353' AND "
                + "a82 = (SELECT a82 FROM nssPublic WHERE a3 = CAST('leaf rsa' AS BLOB))");
        var expected = tools.listCerts(d);
        assertEquals("u,u,u", expected.get("Test CA"), "NSS ignores the tampered trust object");
        var before = NssTools.hashes(d);
        try (NssDb db = NssDb.open(d)) {
            assertEquals(expected, NssDbInteropTest.ourListing(db));
            NssCertificate ca = db.findByNickname("Test CA").get(0);
            assertEquals(NssTrust.Status.IGNORED_TAMPERED, ca.trust().status());
            assertEquals(2, db.problems().size(), db.problems().toString());
        }
        assertEquals(before, NssTools.hashes(d));
    }

    @Test
    void tamperedKeyIsUnusableAsNssRefusesIt() throws Exception {
        NssTools tools = new NssTools(work);
        String pw = "secret";
        Path d = database(tools, pw);
        // remove the MAC row of the EC private value
        sql(d.resolve("key4.db"), "DELETE FROM metaData WHERE id = (SELECT 'sig_key_' || printf('%08x', id) || "
                + "'_00000011' FROM nssPrivate WHERE a100 = X'00000003')");
        // flip a bit in an RSA prime's ciphertext (last block: the padding check or the MAC must catch it)
        sql(d.resolve("key4.db"), "UPDATE nssPrivate SET a124 = substr(a124, 1, length(a124) - 1) || "
                + "CAST(X'00' AS BLOB) WHERE a100 = X'00000000' AND id = (SELECT max(id) FROM nssPrivate WHERE "
                + "a100 = X'00000000')");
        String exportEc = exportAttempt(tools, d, pw, "leaf ec");
        assertNotEquals("ok", exportEc, "pk12util cannot export the key whose MAC row is gone");
        String exportRsa = exportAttempt(tools, d, pw, "leaf rsa");
        assertNotEquals("ok", exportRsa, "pk12util cannot export the key whose ciphertext changed");
        assertEquals("ok", exportAttempt(tools, d, pw, "Test CA"));
        var before = NssTools.hashes(d);
        try (NssDb db = NssDb.open(d)) {
            db.login(pw.toCharArray());
            for (String nick : List.of("leaf ec", "leaf rsa")) {
                NssPrivateKey k = db.findByNickname(nick).get(0).privateKey();
                NssDbException e = assertThrows(NssDbException.class, k::toJavaPrivateKey);
                assertTrue(e.getMessage().contains("integrity") || e.getMessage().contains("does not decrypt"),
                        e.getMessage());
            }
            NssDbInteropTest.assertSigns(db.findByNickname("Test CA").get(0).privateKey().toJavaKeyPair());
        }
        assertEquals(before, NssTools.hashes(d));
    }

    private String exportAttempt(NssTools tools, Path d, String pw, String nick) {
        Path out = work.resolve(nick.replace(' ', '_') + ".p12");
        Tools.Result r = Tools.runIn(work, NssTools.TIMEOUT, null, Tools.require("pk12util").toString(), "-o",
                out.toString(), "-n", nick, "-d", "sql:" + d, "-k", tools.passwordFile(pw).toString(), "-W", "x");
        return r.exitCode() == 0 ? "ok" : r.stderr() + r.stdoutText();
    }
}
