package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SslException;
import dev.portcullis.ssl.WantReadException;
import dev.portcullis.ssl.ZeroReturnException;
import dev.portcullis.testdata.Json;
import dev.portcullis.testdata.Tools;

/**
 * Our memory-BIO {@link Connection}, pumped by hand over a loopback TCP socket, against a socket-mode pyOpenSSL 23
 * {@code Connection} run by {@code /usr/bin/python3}; both sides must agree on every negotiated value. Also checks
 * every {@code SSL} constant against pyOpenSSL's.
 */
@Tag("interop")
@Timeout(120)
class PyOpenSslInteropTest {
    @TempDir
    static Path dir;
    static FreshPki pki;
    static Path script;

    @BeforeAll
    static void setUp() throws Exception {
        pki = new FreshPki(dir);
        script = dir.resolve("pyopenssl_peer.py");
        try (InputStream in = PyOpenSslInteropTest.class.getResourceAsStream("pyopenssl_peer.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    private static Process python(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = Tools.require(Tools.PYTHON).toString();
        command[1] = script.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Runs one operation of a memory-BIO connection to completion over {@code socket}. */
    interface Step {
        void run() throws SslException;
    }

    static void over(Socket socket, Connection connection, Step step) throws Exception {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[17 * 1024];
        for (int i = 0; i < 10_000; i++) {
            try {
                step.run();
                flush(connection, out);
                return;
            } catch (WantReadException e) {
                flush(connection, out);
                int n = in.read(buffer);
                if (n < 0) {
                    connection.bioShutdown();
                } else {
                    connection.bioWrite(buffer, 0, n);
                }
            }
        }
        throw new AssertionError("no progress");
    }

    private static void flush(Connection connection, OutputStream out) throws Exception {
        while (connection.bioPending() > 0) {
            out.write(connection.bioRead(65536));
        }
        out.flush();
    }

    /** Handshake, send "ping", expect "echo:ping", close both ways; returns our connection. */
    static Connection converse(Socket socket, Connection ours) throws Exception {
        socket.setSoTimeout(30_000);
        over(socket, ours, ours::doHandshake);
        over(socket, ours, () -> ours.sendall("ping".getBytes(StandardCharsets.US_ASCII)));
        byte[][] got = new byte[1][];
        over(socket, ours, () -> got[0] = ours.recv(1024));
        assertArrayEquals("echo:ping".getBytes(StandardCharsets.US_ASCII), got[0]);
        over(socket, ours, ours::shutdown);
        try {
            over(socket, ours, () -> ours.recv(1024));
        } catch (ZeroReturnException e) {
            // their close_notify
        }
        return ours;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = reader.readLine();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        return (Map<String, Object>) Json.parse(line);
    }

    private static void assertAgree(Map<String, Object> theirs, Connection ours, boolean weAreClient)
            throws SslException {
        HexFormat hex = HexFormat.of();
        byte[] label = "EXPERIMENTAL-portcullis".getBytes(StandardCharsets.US_ASCII);
        assertEquals(theirs.get("ekm"), hex.formatHex(ours.exportKeyingMaterial(label, 32, null)));
        assertEquals(theirs.get("ekm_context"), hex.formatHex(ours.exportKeyingMaterial(label, 32,
                "ctx".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(theirs.get("version"), ours.getProtocolVersionName());
        assertEquals(theirs.get("cipher"), ours.getCipherName());
        assertEquals(((Number) theirs.get("bits")).intValue(), ours.getCipherBits());
        assertEquals(theirs.get("client_random"), hex.formatHex(ours.clientRandom()));
        assertEquals(theirs.get("server_random"), hex.formatHex(ours.serverRandom()));
        assertEquals(theirs.get("finished"), hex.formatHex(ours.getPeerFinished()));
        assertEquals(theirs.get("peer_finished"), hex.formatHex(ours.getFinished()));
        if (theirs.containsKey("master_key")) {
            assertEquals(theirs.get("master_key"), hex.formatHex(ours.masterKey()));
        }
        assertEquals(weAreClient ? "ping" : "echo:ping", theirs.get("received"));
        assertEquals(3L, ((Number) theirs.get("shutdown")).longValue(), "pyOpenSSL saw our close_notify");
        assertEquals(SSL.SENT_SHUTDOWN | SSL.RECEIVED_SHUTDOWN, ours.getShutdown());
        if (weAreClient) {
            assertEquals(null, theirs.get("peer_cn"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "303"})
    void ourMemoryClientAgainstPyOpenSslServer(String maxVersion) throws Exception {
        Process process = python("server", pki.path("server-ec.pem"), pki.path("server-ec.key"), maxVersion);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            int port = Integer.parseInt(reader.readLine().trim());
            Context context = new Context(SSL.TLS_METHOD);
            context.loadVerifyLocations(pki.path("root.pem"));
            context.setVerify(SSL.VERIFY_PEER);
            Connection ours = new Connection(context);
            ours.setConnectState();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                converse(socket, ours);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> theirs = (Map<String, Object>) Json.parse(reader.readLine());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertAgree(theirs, ours, true);
            assertEquals(maxVersion.equals("303") ? "TLSv1.2" : "TLSv1.3", ours.getProtocolVersionName());
        } finally {
            process.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "303"})
    void pyOpenSslClientAgainstOurMemoryServer(String maxVersion) throws Exception {
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificateFile(pki.path("server-rsa.pem"));
        context.usePrivateKeyFile(pki.path("server-rsa.key"));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(30_000);
            Process process = python("client", String.valueOf(listener.getLocalPort()), pki.path("root.pem"),
                    maxVersion);
            try {
                Connection ours = new Connection(context);
                ours.setAcceptState();
                try (Socket socket = listener.accept()) {
                    converseAsServer(socket, ours);
                }
                Map<String, Object> theirs = report(process);
                assertAgree(theirs, ours, false);
                assertEquals("localhost", theirs.get("peer_cn"));
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** Server side: handshake, receive "ping", answer "echo:ping", close. */
    static void converseAsServer(Socket socket, Connection ours) throws Exception {
        socket.setSoTimeout(30_000);
        over(socket, ours, ours::doHandshake);
        byte[][] got = new byte[1][];
        over(socket, ours, () -> got[0] = ours.recv(1024));
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), got[0]);
        over(socket, ours, () -> ours.sendall("echo:ping".getBytes(StandardCharsets.US_ASCII)));
        over(socket, ours, ours::shutdown);
        try {
            over(socket, ours, () -> ours.recv(1024));
        } catch (ZeroReturnException e) {
            // their close_notify
        }
    }

    @Test
    void everyConstantHasPyOpenSslsValue() throws Exception {
        Tools.Result result = Tools.run(Duration.ofSeconds(30), null, Tools.require(Tools.PYTHON).toString(),
                script.toString(), "constants");
        @SuppressWarnings("unchecked")
        Map<String, Object> theirs = (Map<String, Object>) Json.parse(result.stdoutText());
        int compared = 0;
        for (Field field : SSL.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getName().equals("OPENSSL_VERSION_NUMBER")) {
                continue;
            }
            Object value = theirs.get(field.getName());
            if (value != null) {
                assertEquals(((Number) value).longValue(), ((Number) field.get(null)).longValue(), field.getName());
                compared++;
            }
        }
        assertTrue(compared > 70, "compared " + compared + " constants");
        for (String name : List.of("VERIFY_PEER", "OP_NO_TLSv1_2", "SSL_CB_HANDSHAKE_DONE", "TLS1_3_VERSION")) {
            assertTrue(theirs.containsKey(name), name);
        }
    }
}
