package dev.portcullis.crypto.internal.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Tools;

/**
 * A root whose EC key carries explicit curve parameters, made by {@code openssl ecparam -param_enc explicit}: OpenSSL
 * 3.0 accepts it alone but rejects any longer chain through it with 94 at the root's depth; the engine must agree.
 */
@Tag("interop")
class ExplicitCurveInteropTest {
    @Test
    void explicitParametersInAChainAreRefusedAsOpensslDoes(@TempDir Path dir) throws Exception {
        run(dir, "openssl", "ecparam", "-name", "prime256v1", "-param_enc", "explicit", "-genkey", "-noout", "-out", "rootkey.pem");
        run(dir, "openssl", "req", "-x509", "-new", "-key", "rootkey.pem", "-subj", "/CN=Explicit Root", "-days", "30",
                "-addext", "basicConstraints=critical,CA:true", "-out", "root.pem");
        run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "leafkey.pem");
        run(dir, "openssl", "req", "-new", "-key", "leafkey.pem", "-subj", "/CN=leaf", "-out", "leaf.csr");
        run(dir, "openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "root.pem", "-CAkey", "rootkey.pem",
                "-CAcreateserial", "-days", "10", "-out", "leaf.pem");
        String root = Files.readString(dir.resolve("root.pem"));
        String leaf = Files.readString(dir.resolve("leaf.pem"));
        long now = Instant.now().getEpochSecond();
        for (String target : List.of(leaf, root)) {
            Path work = Files.createTempDirectory(dir, "v");
            OpensslVerify.Result oracle = OpensslVerify.run(work, root, "", target, now, List.of());
            TrustStore ts = new TrustStore();
            PemBundle.parse(root.getBytes()).certificates().forEach(ts::addCert);
            VerifyOutcome out = ChainVerifier.verify(ts, PemBundle.parse(target.getBytes()).certificates().get(0), null,
                    new VerifyParams().setTime(Instant.ofEpochSecond(now)), null);
            String expected = oracle.ok() ? "OK" : oracle.first().code() + "@" + oracle.first().depth();
            assertEquals(expected, out.ok() ? "OK" : out.error() + "@" + out.errorDepth(), oracle.output());
        }
    }

    private static void run(Path dir, String... cmd) throws Exception {
        Tools.require(cmd[0]);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
