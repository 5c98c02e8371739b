package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NssDb on bad input: missing, legacy, damaged and hostile databases give a clear NssDbException, fast. */
class NssDbTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path work;

    private NssDbException fails(String spec) {
        return assertTimeoutPreemptively(BOUND, () -> assertThrows(NssDbException.class, () -> NssDb.open(spec)));
    }

    private NssDbException loginFails(String password) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try (NssDb db = NssDb.open(work)) {
                assertFalse(db.isLoggedIn());
                return assertThrows(NssDbException.class, () -> db.login(password.toCharArray()));
            }
        });
    }

    @Test
    void missingAndEmptyDirectories() {
        assertTrue(fails(work.resolve("absent").toString()).getMessage().contains("does not exist"));
        assertTrue(fails("sql:" + work).getMessage().contains("no NSS database"));
        assertThrows(IllegalArgumentException.class, () -> NssDb.open(""));
        assertThrows(NullPointerException.class, () -> NssDb.open((Path) null));
    }

    @Test
    void legacyDbmIsRefusedWithTheConversionToRun() throws IOException {
        Files.write(work.resolve("cert8.db"), new byte[16]);
        Files.write(work.resolve("key3.db"), new byte[16]);
        String m = fails(work.toString()).getMessage();
        assertTrue(m.contains("legacy dbm") && m.contains("certutil --upgrade-merge"), m);
        assertTrue(fails("dbm:" + work).getMessage().contains("legacy dbm"));
        assertTrue(fails("extern:" + work).getMessage().contains("unsupported"));
    }

    @Test
    void incompleteDatabase() throws IOException {
        new SyntheticDb(work).withTables(true);
        Files.delete(work.resolve("key4.db"));
        assertTrue(fails(work.toString()).getMessage().contains("key4.db is missing"));
    }

    @Test
    void filesThatAreNotSqlite() throws IOException {
        Files.write(work.resolve("cert9.db"), "not a database at all, just some text".repeat(200).getBytes());
        Files.write(work.resolve("key4.db"), new byte[4096]);
        assertTrue(fails(work.toString()).getMessage().contains("cannot read"));
    }

    @Test
    void missingTables() {
        SyntheticDb db = new SyntheticDb(work);
        db.exec("cert9.db", "CREATE TABLE other (x)");
        db.exec("key4.db", "CREATE TABLE other (x)");
        assertTrue(fails(work.toString()).getMessage().contains("has no table nssPrivate"));
        db.exec("key4.db", "CREATE TABLE nssPrivate (id PRIMARY KEY, a0)");
        assertTrue(fails(work.toString()).getMessage().contains("has no table nssPublic"));
    }

    @Test
    void truncatedFile() throws IOException {
        SyntheticDb db = new SyntheticDb(work).withTables(true);
        for (int i = 1; i <= 200; i++) {
            db.insert("cert9.db", "nssPublic", i, new String[] {"a0", "a11"}, SyntheticDb.ulong(1), new byte[3000]);
        }
        Path cert9 = work.resolve("cert9.db");
        try (FileChannel ch = FileChannel.open(cert9, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(cert9) / 3);
        }
        assertTrue(fails(work.toString()).getMessage().contains("cannot read"));
    }

    @Test
    void uninitialisedTokenHasNoKeysAndNoLogin() {
        new SyntheticDb(work).withTables(false);
        try (NssDb db = NssDb.open(work)) {
            assertFalse(db.isLoggedIn());
            assertEquals(List.of(), db.certificates());
            NssDbException e = assertThrows(NssDbException.class, () -> db.login("x".toCharArray()));
            assertTrue(e.getMessage().contains("never initialised"), e.getMessage());
        }
    }

    @Test
    void unreadableCertificatesAreSkippedAndReported() {
        SyntheticDb db = new SyntheticDb(work).withTables(true);
        db.insert("cert9.db", "nssPublic", 7, new String[] {"a0", "a3", "a11"}, SyntheticDb.ulong(1),
                "broken".getBytes(), new byte[] {0x30, 0x03, 1, 2, 3});
        db.insert("cert9.db", "nssPublic", 8, new String[] {"a0"}, new byte[] {1, 2});
        try (NssDb nss = NssDb.open(work)) {
            assertEquals(List.of(), nss.certificates());
            assertEquals(1, nss.problems().size(), nss.problems().toString());
        }
    }

    @Test
    void garbagePasswordRecord() {
        SyntheticDb db = new SyntheticDb(work).withTables(true);
        db.passwordRow(new byte[20], new byte[] {0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04});
        NssDbException e = loginFails("");
        assertTrue(e.getMessage().contains("encrypted value"), e.getMessage());
    }

    @Test
    void absurdIterationCountsAreRefusedQuickly() {
        SyntheticDb db = new SyntheticDb(work).withTables(true);
        db.passwordRow(new byte[20], pbes2(BigInteger.valueOf(Integer.MAX_VALUE), 32, 16));
        NssDbException e = loginFails("pw");
        assertTrue(e.getMessage().contains("iteration count") && e.getMessage().contains("out of range"),
                e.getMessage());
    }

    @Test
    void wrongIvLengthAndKeyLengthAreRefused() {
        SyntheticDb db = new SyntheticDb(work).withTables(true);
        db.passwordRow(new byte[20], pbes2(BigInteger.ONE, 32, 14));
        assertTrue(loginFails("").getMessage().contains("IV"));
        SyntheticDb db2 = new SyntheticDb(work.resolve("b")).withTables(true);
        db2.passwordRow(new byte[20], pbes2(BigInteger.ONE, 1 << 20, 16));
        try (NssDb nss = NssDb.open(work.resolve("b"))) {
            assertTrue(assertThrows(NssDbException.class, () -> nss.login(new char[0])).getMessage()
                    .contains("key length"));
        }
    }

    @Test
    void closedDatabaseRefusesUse() {
        new SyntheticDb(work).withTables(false);
        NssDb db = NssDb.open(work);
        db.close();
        db.close();
        assertFalse(db.isLoggedIn());
        assertThrows(NssDbException.class, db::certificates);
    }

    /** A PBES2 blob shaped like NSS's, with chosen iteration count, key length and IV-parameter length. */
    static byte[] pbes2(BigInteger iterations, int keyLength, int ivParamLength) {
        ASN1Encodable kdf = new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("1.2.840.113549.1.5.12"),
            new DERSequence(new ASN1Encodable[] {new DEROctetString(new byte[32]), new ASN1Integer(iterations),
                new ASN1Integer(keyLength),
                new DERSequence(new ASN1ObjectIdentifier("1.2.840.113549.2.9"))})});
        ASN1Encodable enc = new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("2.16.840.1.101.3.4.1.42"),
            new DEROctetString(new byte[ivParamLength - 2])});
        ASN1Encodable alg = new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("1.2.840.113549.1.5.13"),
            new DERSequence(new ASN1Encodable[] {kdf, enc})});
        try {
            return new DERSequence(new ASN1Encodable[] {alg, new DEROctetString(new byte[32])}).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
