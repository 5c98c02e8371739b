package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code openssl verify} (the oracle) and parses its verdict and the error lines its callback printed. */
final class OpensslVerify {
    private static final Pattern ERROR = Pattern.compile("^error (\\d+) at (\\d+) depth lookup: ?(.*)$", Pattern.MULTILINE);

    /** One {@code error N at D depth lookup: message} line. */
    record Finding(int code, int depth, String message) {
    }

    /** The verdict ("OK" printed) and the error lines, in order. */
    record Result(boolean ok, List<Finding> findings, String output) {
        Finding first() {
            return findings.isEmpty() ? null : findings.get(0);
        }
    }

    private OpensslVerify() {
    }

    /**
     * {@code openssl verify -no-CApath -no-CAstore [-CAfile store] [-untrusted chain] -attime t [extra] leaf}, with
     * no default trust locations so only the given files count.
     */
    static Result run(Path dir, String storePem, String untrustedPem, String leafPem, long time, List<String> extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "verify", "-no-CApath", "-no-CAstore"));
        if (storePem.isBlank()) {
            cmd.add("-no-CAfile");
        } else {
            Files.writeString(dir.resolve("store.pem"), storePem);
            cmd.addAll(List.of("-CAfile", dir.resolve("store.pem").toString()));
        }
        if (!untrustedPem.isBlank()) {
            Files.writeString(dir.resolve("untrusted.pem"), untrustedPem);
            cmd.addAll(List.of("-untrusted", dir.resolve("untrusted.pem").toString()));
        }
        cmd.addAll(List.of("-attime", Long.toString(time)));
        cmd.addAll(extra);
        Files.writeString(dir.resolve("leaf.pem"), leafPem);
        cmd.add(dir.resolve("leaf.pem").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("openssl verify did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        List<Finding> findings = new ArrayList<>();
        Matcher m = ERROR.matcher(text);
        while (m.find()) {
            findings.add(new Finding(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3).trim()));
        }
        boolean ok = text.contains(dir.resolve("leaf.pem") + ": OK");
        return new Result(ok, findings, String.join(" ", cmd) + "\n" + text);
    }
}
