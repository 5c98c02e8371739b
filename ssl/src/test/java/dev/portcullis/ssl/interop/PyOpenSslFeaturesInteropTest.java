package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.Session;
import dev.portcullis.testdata.Json;
import dev.portcullis.testdata.Tools;

/**
 * SNI, ALPN, OCSP stapling and TLS 1.2 session resumption between our memory-BIO client and a pyOpenSSL 23 server
 * ({@code pyopenssl_features.py}), and SNI, ALPN and resumption between a pyOpenSSL 23 client
 * ({@code pyopenssl_features_client.py}) and our server; both run by {@code /usr/bin/python3}, and both sides must
 * report the same values.
 */
@Tag("interop")
@Timeout(120)
class PyOpenSslFeaturesInteropTest {
    private static final byte[] OCSP = {0x30, 0x03, 0x0a, 0x01, 0x06};

    @TempDir
    Path dir;

    @Test
    void featuresAgreeWithPyOpenSsl() throws Exception {
        FreshPki pki = new FreshPki(dir);
        Path script = dir.resolve("pyopenssl_features.py");
        try (InputStream in = getClass().getResourceAsStream("pyopenssl_features.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path ocsp = dir.resolve("ocsp.der");
        Files.write(ocsp, OCSP);
        Process process = new ProcessBuilder(Tools.require(Tools.PYTHON).toString(), script.toString(),
                pki.path("server-ec.pem"), pki.path("server-ec.key"), ocsp.toString(), "2")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            int port = Integer.parseInt(reader.readLine().trim());
            Context context = new Context(SSL.TLS_METHOD);
            context.setAlpnProtos(List.of("http/1.1".getBytes(StandardCharsets.US_ASCII),
                    "h2".getBytes(StandardCharsets.US_ASCII)));
            byte[][] stapled = new byte[1][];
            context.setOcspClientCallback((conn, bytes, data) -> {
                stapled[0] = bytes;
                return true;
            });

            Connection first = connect(context, port, null);
            Map<String, Object> theirs = parse(reader.readLine());
            assertEquals("features.example", theirs.get("servername"));
            assertEquals(List.of("http/1.1", "h2"), theirs.get("offered"));
            assertEquals("h2", theirs.get("alpn"));
            assertArrayEquals("h2".getBytes(StandardCharsets.US_ASCII), first.getAlpnProtoNegotiated());
            assertEquals(Boolean.TRUE, theirs.get("ocsp_requested"));
            assertArrayEquals(OCSP, stapled[0]);
            assertEquals(Boolean.FALSE, theirs.get("reused"));
            assertFalse(first.sessionReused());
            Session session = first.getSession();

            Connection second = connect(context, port, session);
            Map<String, Object> again = parse(reader.readLine());
            assertEquals(Boolean.TRUE, again.get("reused"));
            assertTrue(second.sessionReused());
            assertEquals(theirs.get("master_key"), again.get("master_key"));
            assertEquals(again.get("master_key"), HexFormat.of().formatHex(second.masterKey()));
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Connection connect(Context context, int port, Session session) throws Exception {
        Connection ours = new Connection(context);
        ours.setConnectState();
        ours.setTlsextHostName("features.example".getBytes(StandardCharsets.US_ASCII));
        ours.requestOcsp();
        if (session != null) {
            ours.setSession(session);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            PyOpenSslInteropTest.converse(socket, ours);
        }
        return ours;
    }

    @Test
    void pyOpenSslClientGetsSniAlpnAndResumptionFromOurServer() throws Exception {
        FreshPki pki = new FreshPki(dir);
        Path script = dir.resolve("pyopenssl_features_client.py");
        try (InputStream in = getClass().getResourceAsStream("pyopenssl_features_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        Context rsa = new Context(SSL.TLS_METHOD);
        rsa.useCertificateFile(pki.path("server-rsa.pem"));
        rsa.usePrivateKeyFile(pki.path("server-rsa.key"));
        rsa.setSessionId("features".getBytes(StandardCharsets.US_ASCII));
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificateFile(pki.path("server-ec.pem"));
        context.usePrivateKeyFile(pki.path("server-ec.key"));
        context.setSessionId("features".getBytes(StandardCharsets.US_ASCII));
        java.util.List<String> names = new java.util.ArrayList<>();
        context.setTlsextServernameCallback(conn -> {
            names.add(new String(conn.getServername(), StandardCharsets.US_ASCII));
            conn.setContext(rsa);
        });
        // after the SNI switch the new Context's ALPN callback decides (OpenSSL's rule), so both have it
        dev.portcullis.ssl.AlpnSelectCallback pick = (conn, offered) -> offered.get(offered.size() - 1);
        context.setAlpnSelectCallback(pick);
        rsa.setAlpnSelectCallback(pick);
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(30_000);
            Process process = new ProcessBuilder(Tools.require(Tools.PYTHON).toString(), script.toString(),
                    String.valueOf(listener.getLocalPort()), pki.path("root.pem"))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                Connection[] served = new Connection[2];
                for (int i = 0; i < 2; i++) {
                    try (Socket socket = listener.accept()) {
                        Connection ours = new Connection(context);
                        ours.setAcceptState();
                        PyOpenSslInteropTest.converseAsServer(socket, ours);
                        served[i] = ours;
                    }
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.US_ASCII));
                Map<String, Object> first = parse(reader.readLine());
                Map<String, Object> second = parse(reader.readLine());
                assertEquals(List.of("features.example", "features.example"), names);
                assertEquals("h2", first.get("alpn"));
                assertArrayEquals("h2".getBytes(StandardCharsets.US_ASCII), served[0].getAlpnProtoNegotiated());
                assertEquals(Boolean.FALSE, first.get("reused"));
                assertEquals(Boolean.TRUE, second.get("reused"));
                assertTrue(served[1].sessionReused());
                assertEquals(first.get("master_key"), second.get("master_key"));
                assertEquals(second.get("master_key"), HexFormat.of().formatHex(served[1].masterKey()));
                assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            } finally {
                process.destroyForcibly();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        return (Map<String, Object>) Json.parse(line);
    }
}
