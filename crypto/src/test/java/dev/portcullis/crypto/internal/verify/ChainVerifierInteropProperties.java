package dev.portcullis.crypto.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Differential test against {@code openssl verify} (OpenSSL 3): random chains ({@link ChainScenario}) are verified
 * by the engine and by the OpenSSL command line with the same store, untrusted certificates, CRLs, time and flags;
 * the verdict, the first error code, its depth and its message must be equal. Prints the agreement table.
 */
@Tag("interop")
class ChainVerifierInteropProperties {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger AGREED = new AtomicInteger();
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    @Property(tries = 300)
    void agreesWithOpensslVerify(@ForAll long seed) throws Exception {
        ChainScenario s = new ChainScenario(seed);
        Path dir = Files.createTempDirectory("verify-diff");
        try {
            OpensslVerify.Result oracle = OpensslVerify.run(dir, s.storePem(), s.untrustedPem(), s.leafPem(), s.time,
                    s.opensslFlags);
            VerifyOutcome ours = s.verifyWithEngine(null);
            String expected = render(oracle.ok(), oracle.first());
            String actual = ours.ok() ? "OK" : ours.error() + "@" + ours.errorDepth() + " " + ours.errorMessage();
            RUNS.incrementAndGet();
            synchronized (OUTCOMES) {
                OUTCOMES.merge(expected, 1, Integer::sum);
            }
            assertEquals(expected, actual, s + "\n" + oracle.output());
            AGREED.incrementAndGet();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String render(boolean ok, OpensslVerify.Finding first) {
        if (first == null) {
            return ok ? "OK" : "failed without an error line";
        }
        return first.code() + "@" + first.depth() + " " + first.message();
    }

    @AfterContainer
    static void report() {
        System.out.printf("verify differential: %d/%d agreed%n", AGREED.get(), RUNS.get());
        OUTCOMES.forEach((k, v) -> System.out.printf("  %4d  %s%n", v, k));
    }
}
