package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testdata.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading while NSS writes: certutil -A and -M change the database in another process while we list it in a
 * loop. Every read must succeed and be a state certutil committed (no torn listing), and certutil must never
 * fail because of us (we never hold a read transaction while doing anything slow).
 */
@Tag("interop")
class NssDbConcurrencyInteropTest {
    private static final int CERTS = 12;
    private static final long MAX_MILLIS = 90_000;

    @TempDir
    Path work;

    @Test
    void readsWhileCertutilWrites() throws Exception {
        NssTools tools = new NssTools(work);
        Path d = tools.newDb("busy", "sql:", "");
        tools.makeCa(d, "", "Busy CA", "CN=Busy CA", "CT,C,C", "-k ec -q nistp256");
        StringBuilder script = new StringBuilder("set -u\nfail=0\n");
        for (int i = 0; i < CERTS; i++) {
            Path pem = work.resolve("c" + i + ".pem");
            tools.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-nodes", "-keyout", work.resolve("c" + i + ".key").toString(), "-out", pem.toString(), "-subj",
                    "/CN=concurrent " + i, "-days", "5"), null);
            script.append("certutil -A -d sql:").append(d).append(" -n 'concurrent ").append(i)
                    .append("' -t ',,' -a -i ").append(pem).append(" || fail=1\n");
            script.append("certutil -M -d sql:").append(d).append(" -n 'concurrent ").append(i)
                    .append("' -t 'C,,' || fail=1\n");
            script.append("certutil -M -d sql:").append(d).append(" -n 'Busy CA' -t '")
                    .append(i % 2 == 0 ? "c,c,c" : "CT,C,C").append("' || fail=1\n");
        }
        script.append("exit $fail\n");
        Path sh = work.resolve("writer.sh");
        Files.writeString(sh, script.toString());

        Process writer = new ProcessBuilder("bash", sh.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("writer.log").toFile()).start();
        long start = System.currentTimeMillis();
        int reads = 0;
        Set<String> caStates = Set.of("CTu,Cu,Cu", "cu,cu,cu");
        try {
            while (writer.isAlive() && System.currentTimeMillis() - start < MAX_MILLIS) {
                try (NssDb db = NssDb.open(d)) {
                    List<String> seen = new ArrayList<>();
                    for (NssCertificate c : db.certificates()) {
                        String t = c.trust().toString();
                        if (c.nickname().equals("Busy CA")) {
                            assertTrue(caStates.contains(t), "torn CA trust " + t);
                        } else {
                            assertTrue(t.equals(",,") || t.equals("C,,"), c.nickname() + " " + t);
                            seen.add(c.nickname());
                        }
                    }
                    assertEquals(List.of(), db.problems());
                    for (int i = 0; i < seen.size(); i++) { // certificates appear in the order certutil added them
                        assertTrue(seen.contains("concurrent " + i), "certificate " + i + " missing from " + seen);
                    }
                    reads++;
                }
            }
        } finally {
            if (!writer.waitFor(MAX_MILLIS, TimeUnit.MILLISECONDS)) {
                writer.destroyForcibly();
            }
        }
        String log = Files.readString(work.resolve("writer.log"), StandardCharsets.UTF_8);
        assertEquals(0, writer.exitValue(), "certutil failed while we read:\n" + log);
        assertTrue(reads > 5, "only " + reads + " reads");
        System.out.println("NssDbConcurrencyInteropTest: " + reads + " clean reads while certutil wrote");
        try (NssDb db = NssDb.open(d)) {
            Map<String, String> expected = tools.listCerts(d);
            assertEquals(expected, NssDbInteropTest.ourListing(db));
            assertEquals(CERTS + 1, db.certificates().size());
        }
        Tools.require("certutil");
    }
}
