package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SysCallException;
import dev.portcullis.ssl.ZeroReturnException;
import dev.portcullis.testdata.Tools;

/**
 * Our SSLKEYLOGFILE lines equal the ones OpenSSL writes with {@code -keylogfile} for the same session (both ends
 * know every secret), in both directions, TLS 1.2 and 1.3; and exporter values equal {@code s_client -keymatexport}.
 */
@Tag("interop")
@Timeout(120)
class KeyLogInteropTest extends LiveInterop {
    private static List<String> openSslLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void ourClientLogsWhatOpenSslServerLogs(String version) throws Exception {
        Path keys = dir.resolve("server-keys" + version + ".txt");
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "1", version, "-keylogfile", keys.toString())) {
            Context context = new Context(SSL.TLS_METHOD);
            List<String> ours = new ArrayList<>();
            context.setKeylogCallback((conn, line) -> ours.add(new String(line, StandardCharsets.US_ASCII)));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
                Connection connection = new Connection(context, socket);
                connection.setConnectState();
                connection.doHandshake();
                connection.sendall("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream page = new ByteArrayOutputStream();
                try {
                    while (true) {
                        page.writeBytes(connection.recv(16384));
                    }
                } catch (ZeroReturnException | SysCallException end) {
                    // page complete
                }
            }
            server.close();
            List<String> theirs = openSslLines(keys);
            assertFalse(ours.isEmpty());
            assertEquals(theirs, ours.stream().sorted().toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void ourServerLogsWhatOpenSslClientLogsAndExportsTheSame(String version) throws Exception {
        Path keys = dir.resolve("client-keys" + version + ".txt");
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificateFile(pki.path("server-ec.pem"));
        context.usePrivateKeyFile(pki.path("server-ec.key"));
        List<String> ours = new ArrayList<>();
        context.setKeylogCallback((conn, line) -> ours.add(new String(line, StandardCharsets.US_ASCII)));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<byte[]> served = executor.submit(() -> {
                try (Socket accepted = listener.accept()) {
                    accepted.setSoTimeout(60_000);
                    Connection server = new Connection(context, accepted);
                    server.setAcceptState();
                    server.doHandshake();
                    byte[] exported = server.exportKeyingMaterial(
                            "EXPERIMENTAL-portcullis".getBytes(StandardCharsets.US_ASCII), 20, null);
                    server.recv(1024);
                    server.sendall("bye\n".getBytes(StandardCharsets.US_ASCII));
                    server.shutdown();
                    return exported;
                }
            });
            String[] command = {Tools.require("openssl").toString(), "s_client", "-connect",
                "127.0.0.1:" + listener.getLocalPort(), "-ign_eof", version, "-keylogfile", keys.toString(),
                "-keymatexport", "EXPERIMENTAL-portcullis", "-keymatexportlen", "20"};
            Tools.Result result = Tools.runIn(dir, Duration.ofSeconds(60),
                    "hello\n".getBytes(StandardCharsets.US_ASCII), command);
            byte[] exported = served.get(60, TimeUnit.SECONDS);
            assertEquals(openSslLines(keys), ours.stream().sorted().toList());
            String hex = org.bouncycastle.util.encoders.Hex.toHexString(exported).toUpperCase();
            assertTrue(result.stdoutText().contains("Keying material: " + hex), result.stdoutText());
        }
    }
}
