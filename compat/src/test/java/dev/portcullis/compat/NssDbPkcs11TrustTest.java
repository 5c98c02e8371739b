package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testdata.Fixtures;
import dev.portcullis.testdata.Json;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NSS 3.114+ databases: extra columns added by ALTER TABLE, and PKCS#11 3.2 CKO_TRUST objects (SHA-256 hash,
 * CKT_* values 0-4) instead of CKO_NSS_TRUST. Debian's NSS 3.87 cannot write them, so a certutil-made database
 * is rewritten here the way nssdb-format.md §6.4 says NSS 3.114 stores the same trust; certutil's listing of the
 * original stays the expected result.
 */
class NssDbPkcs11TrustTest {
    @TempDir
    Path work;

    @Test
    void pkcs11TrustObjectsAndNewColumnsReadLikeTheClassicOnes() throws Exception {
        Fixtures.copyTo("nss/pw/", work);
        Map<String, String> expected = CertutilOutput.certs(
                Json.asString(Fixtures.expected("nss", "databases", "pw", "certutil_L")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("cert9.db"));
             Statement s = c.createStatement()) {
            for (String col : new String[] {"a62c", "a62d", "a62e", "a62f", "a635", "a8c", "a637", "a4"}) {
                s.executeUpdate("ALTER TABLE nssPublic ADD COLUMN " + col);
            }
            // every classic trust object becomes a CKO_TRUST with the equivalent PKCS#11 3.2 values
            try (var rs = s.executeQuery("SELECT id, a81, a82, ace536358, ace536359, ace53635a, ace53635b "
                    + "FROM nssPublic WHERE a0 = X'CE534353'")) {
                java.util.List<Object[]> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getBytes(6), rs.getBytes(7)});
                }
                for (Object[] r : rows) {
                    byte[] der = certFor(c, (byte[]) r[1], (byte[]) r[2]);
                    try (PreparedStatement p = c.prepareStatement("UPDATE nssPublic SET a0 = X'0000000B', "
                            + "a62c = ?, a62d = ?, a62e = ?, a62f = ?, a635 = ?, a8c = X'00000250', "
                            + "ace536358 = NULL, ace536359 = NULL, ace53635a = NULL, ace53635b = NULL, "
                            + "ace536360 = NULL, ace5363b4 = NULL, ace5363b5 = NULL WHERE id = ?")) {
                        p.setBytes(1, pkcs((byte[]) r[3]));
                        p.setBytes(2, pkcs((byte[]) r[4]));
                        p.setBytes(3, pkcs((byte[]) r[5]));
                        p.setBytes(4, pkcs((byte[]) r[6]));
                        p.setBytes(5, MessageDigest.getInstance("SHA-256").digest(der));
                        p.setLong(6, (Long) r[0]);
                        p.executeUpdate();
                    }
                }
            }
        }
        try (NssDb db = NssDb.open(work)) {
            assertEquals(expected, NssDbInteropTest.ourListing(db), "not logged in: trust read unverified");
            assertEquals(NssTrust.Status.UNVERIFIED, db.findByNickname("External Root (no key)").get(0).trust()
                    .status());
            db.login("nss-password".toCharArray());
            // logged in, the rewritten objects have no MAC rows: NSS would ignore them, and so do we
            NssTrust t = db.findByNickname("External Root (no key)").get(0).trust();
            assertEquals(NssTrust.Status.IGNORED_TAMPERED, t.status());
            assertEquals(",,", t.toString());
        }
    }

    /** The PKCS#11 3.2 value NSS 3.114 writes for a classic CKT_NSS_* value (§4.3, §6.4). */
    private static byte[] pkcs(byte[] nss) {
        long v = ((nss[0] & 0xFFL) << 24) | ((nss[1] & 0xFFL) << 16) | ((nss[2] & 0xFFL) << 8) | (nss[3] & 0xFFL);
        long p;
        if (v == 0xCE534351L) {
            p = 1; // TRUSTED
        } else if (v == 0xCE534352L) {
            p = 2; // TRUST_ANCHOR
        } else if (v == 0xCE53435AL) {
            p = 3; // NOT_TRUSTED
        } else if (v == 0xCE534353L || v == 0xCE53435BL) {
            p = 4; // MUST_VERIFY_TRUST (ValidDelegator is written as this, losing 'c')
        } else {
            p = 0;
        }
        return new byte[] {0, 0, 0, (byte) p};
    }

    private static byte[] certFor(Connection c, byte[] issuer, byte[] serial) throws Exception {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT a11 FROM nssPublic WHERE a0 = X'00000001' AND a81 = ? AND a82 = ?")) {
            p.setBytes(1, issuer);
            p.setBytes(2, serial);
            try (var rs = p.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }
}
