package dev.portcullis.rand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandTest {
    @TempDir
    Path dir;

    @Test
    void bytesHasTheRequestedLengthAndDiffersBetweenCalls() {
        byte[] a = Rand.bytes(50);
        byte[] b = Rand.bytes(50);
        assertEquals(50, a.length);
        assertFalse(java.util.Arrays.equals(a, b));
        assertEquals(0, Rand.bytes(0).length);
        assertEquals(100_000, Rand.bytes(100_000).length);
    }

    @Test
    void negativeSizeIsRejectedWithPyOpenSslsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rand.bytes(-1));
        assertEquals("num_bytes must not be negative", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rand.bytes(Integer.MAX_VALUE));
    }

    @Test
    void outputsNeverRepeatAndBitsAreBalanced() {
        Set<String> seen = new HashSet<>();
        long ones = 0;
        int samples = 20_000;
        for (int i = 0; i < samples; i++) {
            byte[] b = Rand.bytes(16);
            assertTrue(seen.add(java.util.HexFormat.of().formatHex(b)), "repeated 16-byte output");
            for (byte x : b) {
                ones += Integer.bitCount(x & 0xff);
            }
        }
        double bits = samples * 128.0;
        // Monobit test: for a fair source the deviation is ~N(0, sqrt(bits)/2); 6 sigma never trips by chance.
        assertTrue(Math.abs(ones - bits / 2) < 6 * Math.sqrt(bits) / 2, "ones=" + ones + " of " + bits);
    }

    @Test
    void byteValuesAreUniformByChiSquare() {
        int[] counts = new int[256];
        byte[] data = Rand.bytes(256 * 4000);
        for (byte x : data) {
            counts[x & 0xff]++;
        }
        double expected = data.length / 256.0;
        double chi = 0;
        for (int c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        // 255 degrees of freedom: mean 255, sd ~22.6; 400 is beyond 6 sd.
        assertTrue(chi < 400, "chi-square " + chi);
    }

    @Test
    void statusIsOne() {
        assertEquals(1, Rand.status());
    }

    @Test
    void addAndSeedAcceptBytesAndRejectNull() {
        Rand.add("hamburger".getBytes(), 3);
        Rand.seed("potatoes".getBytes());
        assertEquals("buffer must be a byte string",
                assertThrows(IllegalArgumentException.class, () -> Rand.add(null, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rand.add(new byte[1], -1));
        assertThrows(IllegalArgumentException.class, () -> Rand.add(new byte[1], Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Rand.seed(null));
        assertEquals(32, Rand.bytes(32).length);
    }

    @Test
    void cleanupKeepsTheSourceWorking() {
        Rand.cleanup();
        assertEquals(1, Rand.status());
        assertNotEquals(java.util.HexFormat.of().formatHex(Rand.bytes(32)),
                java.util.HexFormat.of().formatHex(Rand.bytes(32)));
    }

    @Test
    void writeFileWrites1024OwnerOnlyBytesThatLoadFileReads() throws IOException {
        Path file = dir.resolve("seed-ünïcødé.rnd");
        assertEquals(1024, Rand.writeFile(file.toString()));
        assertEquals(1024, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1024, Rand.loadFile(file.toString()));
        assertEquals(4, Rand.loadFile(file.toString(), 4));
        assertEquals(0, Rand.loadFile(file.toString(), 0));
        assertEquals(1024, Rand.loadFile(file, 5000));
    }

    @Test
    void writeFileTightensPermissionsOfAnExistingFile() throws IOException {
        Path file = dir.resolve("open.rnd");
        Files.write(file, new byte[10]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        Rand.writeFile(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(1024, Files.size(file));
    }

    @Test
    void loadFileFromADeviceIsBounded() {
        assertEquals(256, Rand.loadFile("/dev/urandom"));
        assertEquals(10, Rand.loadFile("/dev/urandom", 10));
    }

    @Test
    void missingOrBadFilesGiveRandException() {
        RandException missing = assertThrows(RandException.class,
                () -> Rand.loadFile(dir.resolve("nope").toString()));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertThrows(RandException.class, () -> Rand.loadFile(dir.toString()));
        assertThrows(RandException.class, () -> Rand.writeFile(dir.resolve("no/such/dir/f").toString()));
        assertThrows(IllegalArgumentException.class, () -> Rand.loadFile((String) null, 1));
        assertThrows(IllegalArgumentException.class, () -> Rand.writeFile((String) null));
    }

    @Test
    void egdReadsFromADaemonSpeakingTheProtocol() throws Exception {
        try (EgdServer server = EgdServer.honest(dir.resolve("egd.sock"))) {
            assertEquals(255, Rand.egd(server.path().toString()));
            assertEquals(600, Rand.egd(server.path().toString(), 600));
        }
    }

    @Test
    void egdReportsWhatARunningDryDaemonGave() throws Exception {
        try (EgdServer server = EgdServer.stingy(dir.resolve("dry.sock"), 10)) {
            assertEquals(10, Rand.egd(server.path().toString(), 100));
        }
    }

    @Test
    void egdRejectsGarbageRefusalAndBadArguments() throws Exception {
        try (EgdServer server = EgdServer.liar(dir.resolve("liar.sock"))) {
            RandException e = assertThrows(RandException.class, () -> Rand.egd(server.path().toString(), 5));
            assertTrue(e.getMessage().contains("not the EGD protocol"), e.getMessage());
        }
        assertThrows(RandException.class, () -> Rand.egd(dir.resolve("absent.sock").toString(), 5));
        assertThrows(IllegalArgumentException.class, () -> Rand.egd("x", 0));
        assertThrows(IllegalArgumentException.class, () -> Rand.egd(null, 5));
    }

    @Test
    void screenIsAHarmlessNoOp() {
        Rand.screen();
        assertEquals(1, Rand.status());
    }

    @Test
    void secureRandomServesManyThreadsWithDistinctOutput() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            java.util.List<Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        byte[] b = new byte[16];
                        Rand.secureRandom().nextBytes(b);
                        assertTrue(seen.add(java.util.HexFormat.of().formatHex(b)));
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8000, seen.size());
    }

    @Test
    void secureRandomSetSeedMixesInAndGenerateSeedWorks() {
        Rand.secureRandom().setSeed(new byte[] {1, 2, 3});
        Rand.secureRandom().setSeed(42L);
        assertEquals(12, Rand.secureRandom().generateSeed(12).length);
        Rand.secureRandom().reseed();
        int x = Rand.secureRandom().nextInt(10);
        assertTrue(x >= 0 && x < 10);
        assertArrayEquals(new byte[0], Rand.secureRandom().generateSeed(0));
    }
}
