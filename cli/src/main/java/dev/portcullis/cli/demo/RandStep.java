package dev.portcullis.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HexFormat;

import dev.portcullis.rand.Rand;

/** The randomness source: its status, some bytes, a seed file written and loaded back. */
final class RandStep implements DemoStep {
    @Override
    public String title() {
        return "Randomness source (dev.portcullis.rand.Rand)";
    }

    @Override
    public void run(DemoState state, PrintStream out) {
        out.println("status():             " + Rand.status() + "  (seeded from the operating system)");
        out.println("generator:            " + Rand.secureRandom());
        out.println("bytes(16):            " + HexFormat.of().formatHex(Rand.bytes(16)));
        Rand.add("demo entropy".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
        out.println("after add(...):       " + HexFormat.of().formatHex(Rand.bytes(16)));
        Path seed = state.workDir.resolve("demo.rnd");
        int written = Rand.writeFile(seed.toString());
        int read = Rand.loadFile(seed.toString());
        out.println("writeFile/loadFile:   wrote " + written + " bytes to " + seed.getFileName() + ", loaded " + read);
    }
}
