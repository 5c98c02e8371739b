package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * Key logging: pyOpenSSL's {@code TestContext.test_set_keylog_callback} shapes. That the secrets are right is checked
 * against OpenSSL's own {@code -keylogfile} output in {@code interop.KeyLogInteropTest}; here, the TLS 1.2 line must
 * carry exactly the master key and client random the connection reports.
 */
class KeyLogTest {
    private static List<String> log(Context context) {
        List<String> lines = new ArrayList<>();
        context.setKeylogCallback((conn, line) -> lines.add(new String(line, StandardCharsets.US_ASCII)));
        return lines;
    }

    @Test
    void tls12LogsTheClientRandomAndMasterSecret() throws Exception {
        Context server = TestPki.server();
        server.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        Context client = TestPki.client();
        List<String> serverLines = log(server);
        List<String> clientLines = log(client);
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        String expected = "CLIENT_RANDOM " + Hex.toHexString(pair.client().clientRandom()) + " "
                + Hex.toHexString(pair.client().masterKey());
        assertEquals(List.of(expected), clientLines);
        assertEquals(List.of(expected), serverLines);
    }

    @Test
    void tls13LogsTheFiveSecretsWithTheClientRandom() throws Exception {
        Context server = TestPki.server();
        Context client = TestPki.client();
        List<String> serverLines = log(server);
        List<String> clientLines = log(client);
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        String random = Hex.toHexString(pair.client().clientRandom());
        List<String> labels = clientLines.stream().map(l -> l.split(" ")[0]).sorted().toList();
        assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"), labels);
        for (String line : clientLines) {
            String[] parts = line.split(" ");
            assertEquals(random, parts[1]);
            int hashBytes = pair.client().getCipherName().endsWith("SHA384") ? 48 : 32;
            assertEquals(2 * hashBytes, parts[2].length(), "secrets are as long as the suite's hash: " + line);
        }
        assertEquals(clientLines.stream().sorted().toList(), serverLines.stream().sorted().toList());
    }

    @Test
    void exceptionsInTheCallbackAreIgnored() throws Exception {
        Context client = TestPki.client();
        int[] calls = {0};
        client.setKeylogCallback((conn, line) -> {
            calls[0]++;
            throw new IllegalStateException("ignored");
        });
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertEquals(5, calls[0]);
        assertTrue(pair.client().getCipherName().startsWith("TLS_"));
    }
}
