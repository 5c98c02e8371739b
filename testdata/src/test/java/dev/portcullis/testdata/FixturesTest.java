package dev.portcullis.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixturesTest {

    @Test
    void indexListsReadableFiles() {
        List<String> all = Fixtures.list("");
        assertTrue(all.contains("keys/expected.json"));
        assertTrue(all.contains("versions.json"));
        for (String name : all) {
            assertTrue(Fixtures.bytes(name).length >= 0);
        }
    }

    @Test
    void listFiltersByPrefix() {
        List<String> keys = Fixtures.list("keys/");
        assertFalse(keys.isEmpty());
        keys.forEach(n -> assertTrue(n.startsWith("keys/"), n));
        assertTrue(Fixtures.list("no-such-area/").isEmpty());
    }

    @Test
    void textIsUtf8() {
        assertTrue(Fixtures.text("keys/rsa2048.pkcs8.pem").startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void expectedParsesEveryArea() {
        for (String name : Fixtures.list("")) {
            if (name.endsWith("/expected.json")) {
                Map<String, Object> doc = Fixtures.expected(name.substring(0, name.indexOf('/')));
                assertFalse(doc.isEmpty(), name);
            }
        }
        assertEquals("portcullis-test-passphrase", Fixtures.expected("keys").get("passphrase"));
        assertTrue(String.valueOf(Fixtures.versions().get("openssl")).startsWith("OpenSSL 3"));
    }

    @Test
    void copyToWritesTheFilesUnderThePrefix(@TempDir Path dir) throws IOException {
        List<Path> written = Fixtures.copyTo("keys/multi/", dir);
        assertEquals(Fixtures.list("keys/multi/").size(), written.size());
        for (Path p : written) {
            assertTrue(p.startsWith(dir));
            assertArrayEquals(Fixtures.bytes("keys/multi/" + dir.relativize(p)), Files.readAllBytes(p));
        }
    }

    @Test
    void copyToMakesAnNssDatabaseDirectory(@TempDir Path dir) {
        List<Path> written = Fixtures.copyTo("nss/pw/", dir);
        assertEquals(List.of(dir.resolve("cert9.db"), dir.resolve("key4.db"), dir.resolve("pkcs11.txt")), written);
        assertTrue(Files.isRegularFile(dir.resolve("key4.db")));
    }

    @Test
    void badNamesAreRejected(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> Fixtures.bytes("no/such/fixture"));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.bytes("../pom.xml"));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.bytes("/keys/expected.json"));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.copyTo("nothing-here/", dir));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.list(null));
    }
}
