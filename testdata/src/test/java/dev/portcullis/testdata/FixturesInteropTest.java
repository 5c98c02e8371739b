package dev.portcullis.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored expected values still match what the live tools print for the stored files (catches a
 * fixture edited or regenerated without its expected.json, and tool drift). Needs the tools the generator
 * uses; runs in the interop profile, where a missing tool is a failure.
 */
@Tag("interop")
class FixturesInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VERIFY_ERROR = Pattern.compile("error (\\d+) at (\\d+) depth lookup: ?(.*)");

    @Test
    void generatorToolsArePresent() {
        for (String tool : List.of("openssl", "certutil", "pk12util", "keytool", Tools.PYTHON)) {
            Tools.require(tool);
        }
        Tools.Result r = Tools.run(TIMEOUT, null, Tools.PYTHON, "-c",
                "import OpenSSL, nss.nss; print(OpenSSL.__version__)");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdoutText().startsWith("23."), "pyOpenSSL 23 expected, got " + r.stdoutText());
    }

    @Test
    void certificateTextMatchesLiveOpenssl() {
        Map<String, Object> certs = Json.asMap(Fixtures.expected("x509", "certs"));
        for (Map.Entry<String, Object> e : certs.entrySet()) {
            String pem = Json.asString(Json.at(e.getValue(), "pem"));
            Tools.Result r = Tools.run(TIMEOUT, Fixtures.bytes(pem), "openssl", "x509", "-noout", "-text");
            assertEquals(0, r.exitCode(), pem + ": " + r.stderr());
            assertEquals(Json.at(e.getValue(), "openssl", "text"), r.stdoutText(), pem);
        }
    }

    @Test
    void keyTextMatchesLiveOpenssl() {
        Map<String, Object> keys = Json.asMap(Fixtures.expected("keys", "keys"));
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            String name = "keys/" + e.getKey() + ".pkcs8.pem";
            Tools.Result r = Tools.run(TIMEOUT, Fixtures.bytes(name), "openssl", "pkey", "-text", "-noout");
            assertEquals(0, r.exitCode(), name + ": " + r.stderr());
            assertEquals(Json.at(e.getValue(), "openssl_pkey_text"), r.stdoutText(), name);
        }
    }

    @Test
    void pyOpenSslDigestsMatch() {
        Map<String, Object> certs = Json.asMap(Fixtures.expected("x509", "certs"));
        StringBuilder stdin = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (Object cert : certs.values()) {
            stdin.append(Fixtures.text(Json.asString(Json.at(cert, "pem"))));
            expected.add(Json.asString(Json.at(cert, "pyopenssl", "digest_sha256")));
        }
        String script = "import sys, re\n"
                + "from OpenSSL import crypto\n"
                + "for pem in re.findall(r'-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----\\n', "
                + "sys.stdin.read(), re.S):\n"
                + "    print(crypto.load_certificate(crypto.FILETYPE_PEM, pem.encode()).digest('sha256').decode())\n";
        Tools.Result r = Tools.run(TIMEOUT, stdin.toString().getBytes(StandardCharsets.UTF_8), Tools.PYTHON, "-c",
                script);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(expected, List.of(r.stdoutText().split("\n")));
    }

    @Test
    void verifyVerdictsMatchLiveOpenssl(@TempDir Path dir) {
        Fixtures.copyTo("verify/", dir);
        Map<String, Object> cases = new java.util.LinkedHashMap<>(Json.asMap(Fixtures.expected("verify", "cases")));
        cases.putAll(Json.asMap(Fixtures.expected("verify", "option_cases")));
        assertTrue(cases.size() > 60, "cases found: " + cases.size());
        for (Map.Entry<String, Object> e : cases.entrySet()) {
            Object recorded = Json.at(e.getValue(), "openssl");
            String command = Json.asString(Json.at(recorded, "command"));
            Tools.Result r = Tools.runIn(dir, TIMEOUT, null, command.split(" "));
            assertEquals(Json.at(recorded, "exit"), (long) r.exitCode(), e.getKey());
            assertEquals(Json.at(recorded, "stdout"), r.stdoutText(), e.getKey());
            assertEquals(errorLines(Json.asString(Json.at(recorded, "stderr"))), errorLines(r.stderr()), e.getKey());
        }
    }

    private static List<String> errorLines(String stderr) {
        List<String> out = new ArrayList<>();
        Matcher m = VERIFY_ERROR.matcher(stderr);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
