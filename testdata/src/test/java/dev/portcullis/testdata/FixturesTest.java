package dev.portcullis.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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

    /** index.txt must list exactly the files present (after a merge, run testdata/generate or rebuild the index). */
    @Test
    void indexMatchesTheFilesOnDisk() throws Exception {
        Path root = Path.of(Fixtures.class.getResource("/fixtures/index.txt").toURI()).getParent();
        Set<String> onDisk = new HashSet<>();
        try (var files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("index.txt"))
                    .forEach(onDisk::add);
        }
        Set<String> indexed = new HashSet<>(Fixtures.list(""));
        Set<String> notIndexed = new HashSet<>(onDisk);
        notIndexed.removeAll(indexed);
        Set<String> absent = new HashSet<>(indexed);
        absent.removeAll(onDisk);
        assertEquals(Set.of(), notIndexed, "files missing from index.txt");
        assertEquals(Set.of(), absent, "index.txt names files that do not exist");
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
        assertEquals(2L, Fixtures.expected("x509", "certs", "chain/root", "pyopenssl", "version"));
        assertEquals(new java.math.BigInteger("730750818665451459101842416358141509827966271487"),
                Json.asBigInteger(Fixtures.expected("x509", "certs", "serial/2pow159minus1", "pyopenssl", "serial")));
        assertEquals(-5L, Fixtures.expected("x509", "certs", "serial/negative", "pyopenssl", "serial"));
        assertTrue(String.valueOf(Fixtures.versions().get("openssl")).startsWith("OpenSSL 3"));
    }

    /** Every fixture name mentioned in an expected.json (a string such as "keys/rsa2048.pkcs8.pem") exists. */
    @Test
    void expectedValuesReferOnlyToExistingFixtures() {
        Set<String> index = new HashSet<>(Fixtures.list(""));
        Set<String> areas = new HashSet<>();
        index.stream().filter(n -> n.contains("/")).forEach(n -> areas.add(n.substring(0, n.indexOf('/'))));
        Pattern fixtureName = Pattern.compile("(" + String.join("|", areas) + ")/[^\\s]*(\\.[A-Za-z0-9]+|/)");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String name : index) {
            if (name.endsWith("/expected.json")) {
                List<String> refs = new ArrayList<>();
                collectFixtureNames(Fixtures.expected(name.substring(0, name.indexOf('/'))), fixtureName, refs);
                for (String ref : refs) {
                    checked++;
                    boolean ok = ref.endsWith("/") ? !Fixtures.list(ref).isEmpty() : index.contains(ref);
                    if (!ok) {
                        missing.add(name + " -> " + ref);
                    }
                }
            }
        }
        assertTrue(checked > 500, "too few references found: " + checked);
        assertEquals(List.of(), missing);
    }

    private static void collectFixtureNames(Object node, Pattern fixtureName, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                collectFixtureNames(e.getKey(), fixtureName, out);
                collectFixtureNames(e.getValue(), fixtureName, out);
            }
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectFixtureNames(v, fixtureName, out));
        } else if (node instanceof String s && fixtureName.matcher(s).matches()) {
            out.add(s);
        }
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
