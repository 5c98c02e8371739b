package dev.portcullis.crypto.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Example;
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

    /**
     * Scenarios that once disagreed, replayed by seed (the structure is fixed by the seed; keys and times are fresh):
     * 69764 — a leaf with duplicate policy OIDs under a certificate without policies, with -policy_check: OpenSSL
     * still reads (and rejects, 42) the leaf's policies after the tree became empty; the engine used to stop reading.
     * 2952 — CRL_CHECK_ALL with PARTIAL_CHAIN and an intermediate as anchor: OpenSSL 3.0.22 checks CRLs only below the
     * first trusted certificate (no CRL is needed for the anchor); the engine used to ask for one (3).
     */
    @Example
    void formerDisagreementsAgree() throws Exception {
        for (long seed : new long[] {69764, 2952}) {
            agreesWithOpensslVerify(seed);
            callbackSequenceAgreesWithOpensslVerify(seed);
        }
    }

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

    /**
     * The same random chains with a callback that, like the {@code openssl verify} application's, prints every
     * error and continues after the ones it tolerates: the whole sequence of (code, depth) notifications must equal
     * the "error N at D depth lookup" lines OpenSSL printed. This exercises the callback hook's continuation rules.
     */
    @Property(tries = 200)
    void callbackSequenceAgreesWithOpensslVerify(@ForAll long seed) throws Exception {
        ChainScenario s = new ChainScenario(seed);
        Path dir = Files.createTempDirectory("verify-seq");
        try {
            OpensslVerify.Result oracle = OpensslVerify.run(dir, s.storePem(), s.untrustedPem(), s.leafPem(), s.time,
                    s.opensslFlags);
            java.util.List<String> seen = new java.util.ArrayList<>();
            VerifyOutcome ours = s.verifyWithEngine((ok, ctx) -> {
                if (ok) {
                    return true;
                }
                seen.add(ctx.error() + "@" + ctx.errorDepth());
                return OPENSSL_VERIFY_TOLERATES.contains(ctx.error());
            });
            java.util.List<String> expected = oracle.findings().stream().map(f -> f.code() + "@" + f.depth()).toList();
            assertEquals(expected, seen, s + "\n" + oracle.output());
            assertEquals(oracle.ok(), ours.ok(), s + "\n" + oracle.output());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The errors apps/verify.c's callback lets verification continue after. */
    private static final java.util.Set<Integer> OPENSSL_VERIFY_TOLERATES = java.util.Set.of(43, 10, 18, 79, 37, 25, 26, 12, 11, 34,
            80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94);

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
