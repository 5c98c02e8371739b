package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Tools;

/** Live checks both ways with {@code openssl spkac}: it verifies what we sign, and we verify what it signs. */
@Tag("interop")
class NetscapeSPKIInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String[] KEYS = {"keys/rsa2048.pkcs8.pem", "keys/ec-p384.pkcs8.pem", "keys/dsa2048.pkcs8.pem",
        "keys/ed25519.pkcs8.pem", "keys/ed448.pkcs8.pem"};

    private static Tools.Result openssl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Tools.require("openssl").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Tools.run(TIMEOUT, null, command);
    }

    @Test
    void opensslVerifiesOurSpkacs(@TempDir Path dir) throws Exception {
        for (String name : KEYS) {
            PKey key = ContainerFixtures.key(name);
            NetscapeSPKI spki = new NetscapeSPKI();
            spki.setPubkey(key);
            spki.setChallenge("challenge-" + name.length());
            spki.sign(key, "sha256");
            Path file = dir.resolve("out.spkac");
            Files.writeString(file, "SPKAC=" + spki.b64Encode() + "\n", StandardCharsets.US_ASCII);
            Tools.Result result = openssl("spkac", "-in", file.toString(), "-verify");
            assertEquals(0, result.exitCode(), name + ": " + result);
            assertTrue(result.stderr().contains("Signature OK"), name + ": " + result.stderr());
            assertTrue(result.stdoutText().contains("Challenge String: challenge-" + name.length()), name);
        }
    }

    /** OpenSSL 3.0's {@code spkac} cannot sign with EdDSA keys ("Error signing SPKAC"), so those are left out here. */
    @Test
    void weVerifyOpensslSpkacs(@TempDir Path dir) throws Exception {
        for (String name : java.util.List.of(KEYS).subList(0, 3)) {
            Path keyFile = dir.resolve("key.pem");
            Files.write(keyFile, dev.portcullis.testdata.Fixtures.bytes(name));
            Tools.Result made = openssl("spkac", "-key", keyFile.toString(), "-challenge", "from openssl",
                    "-digest", "sha512");
            assertEquals(0, made.exitCode(), name + ": " + made);
            String line = made.stdoutText().trim();
            NetscapeSPKI spki = NetscapeSPKI.fromBase64(line.substring("SPKAC=".length()));
            assertEquals("from openssl", spki.getChallenge());
            assertTrue(spki.verify(ContainerFixtures.key(name)), name);
        }
    }
}
