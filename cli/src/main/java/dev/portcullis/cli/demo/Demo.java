package dev.portcullis.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code portcullis demo}: the library doing real work end to end, step by step, printing what it did.
 */
public final class Demo {
    private final PrintStream out;
    private final List<DemoStep> steps = List.of(new RandStep(), new CertificatesStep(), new VerifyStep(), new Pkcs12Step(),
            new TlsStep(), new TlsFeaturesStep(), new NssStep());

    /** A demonstration printing to {@code out}. */
    public Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs every step; returns 0 when all succeeded. */
    public int run(String[] args) {
        Path work = createWorkDir();
        try {
            DemoState state = new DemoState(work);
            int number = 1;
            for (DemoStep step : steps) {
                out.println();
                out.println("== " + number++ + ". " + step.title());
                try {
                    step.run(state, out);
                } catch (Exception e) {
                    throw new IllegalStateException("demo step '" + step.title() + "' failed: " + e, e);
                }
            }
            out.println();
            out.println("demo finished: " + steps.size() + " steps");
            return 0;
        } finally {
            deleteRecursively(work);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("portcullis-demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory left behind is harmless
        }
    }
}
