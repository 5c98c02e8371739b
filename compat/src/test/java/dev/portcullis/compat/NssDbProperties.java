package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Random password records and certificate values: only ever an NssDbException or a clean listing. */
class NssDbProperties {
    @Property(tries = 15)
    void randomPasswordRecordsFailCleanly(@ForAll @Size(max = 200) byte[] check, @ForAll @Size(max = 60) byte[] salt)
            throws Exception {
        Path dir = Files.createTempDirectory("nssprop");
        try {
            SyntheticDb db = new SyntheticDb(dir).withTables(true);
            db.passwordRow(salt, check);
            try (NssDb nss = NssDb.open(dir)) {
                assertThrows(NssDbException.class, () -> nss.login("pw".toCharArray()));
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 15)
    void randomCertificateValuesNeverEscapeAsOtherExceptions(@ForAll @Size(max = 300) byte[] value,
            @ForAll @Size(max = 8) byte[] objectClass) throws Exception {
        Path dir = Files.createTempDirectory("nssprop");
        try {
            SyntheticDb db = new SyntheticDb(dir).withTables(false);
            db.insert("cert9.db", "nssPublic", 1, new String[] {"a0", "a11", "a81", "a82", "ace536358", "ace5363b4"},
                    objectClass, value, value, value, value, value);
            db.insert("cert9.db", "nssPublic", 2, new String[] {"a0", "a11"}, SyntheticDb.ulong(1), value);
            try (NssDb nss = NssDb.open(dir)) {
                nss.certificates().forEach(c -> c.trust().toString());
                nss.privateKeys();
            }
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
