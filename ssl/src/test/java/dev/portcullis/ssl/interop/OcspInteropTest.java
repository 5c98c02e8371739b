package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.OcspStaple;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SslException;
import dev.portcullis.ssl.SysCallException;
import dev.portcullis.ssl.ZeroReturnException;
import dev.portcullis.testdata.Tools;

/**
 * OCSP stapling against OpenSSL: responses made by {@code openssl ocsp} (good and revoked), stapled by
 * {@code openssl s_server -status_file} to our client (TLS 1.2 CertificateStatus and TLS 1.3 CertificateEntry), and by
 * our server to {@code openssl s_client -status} (both versions);
 * {@link OcspStaple} agrees with {@code openssl ocsp -respin}'s verdicts.
 */
@Tag("interop")
@Timeout(120)
class OcspInteropTest extends LiveInterop {
    @BeforeAll
    static void makeResponses() throws Exception {
        response("good.der", "V\t301231000000Z\t\t07\tunknown\t/CN=localhost\n");
        response("revoked.der", "R\t301231000000Z\t240101000000Z\t07\tunknown\t/CN=localhost\n");
    }

    private static void response(String out, String index) throws Exception {
        Files.writeString(dir.resolve(out + ".index"), index);
        Tools.Result r = Tools.runIn(dir, Duration.ofSeconds(60), null, Tools.require("openssl").toString(), "ocsp",
                "-index", out + ".index", "-CA", "root.pem", "-rsigner", "root.pem", "-rkey", "root.key",
                "-issuer", "root.pem", "-cert", "server-ec.pem", "-respout", out, "-ndays", "1", "-no_nonce");
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static byte[] read(String name) throws Exception {
        return Files.readAllBytes(dir.resolve(name));
    }

    private static List<X509> chain() throws Exception {
        return List.of(Crypto.loadCertificate(Crypto.FILETYPE_PEM, read("server-ec.pem")),
                Crypto.loadCertificate(Crypto.FILETYPE_PEM, read("root.pem")));
    }

    @Test
    void theHelperAgreesWithOpenSslOcsp() throws Exception {
        assertEquals(OcspStaple.Status.GOOD, OcspStaple.check(read("good.der"), chain(), Instant.now()));
        assertEquals(OcspStaple.Status.REVOKED, OcspStaple.check(read("revoked.der"), chain(), Instant.now()));
        assertThrows(SslException.class, () -> OcspStaple.check(read("good.der"), chain(),
                Instant.now().plus(Duration.ofDays(3))), "stale after nextUpdate");
        List<X509> wrongIssuer = List.of(chain().get(0), chain().get(0));
        assertThrows(SslException.class, () -> OcspStaple.check(read("good.der"), wrongIssuer, Instant.now()));
        byte[] tampered = read("good.der");
        int time = 0;
        while (!(tampered[time] == 0x18 && tampered[time + 1] == 0x0f)) {
            time++; // the first GeneralizedTime: producedAt, inside the signed data
        }
        tampered[time + 2 + 13] ^= 1; // a seconds digit
        assertThrows(SslException.class, () -> OcspStaple.check(tampered, chain(), Instant.now()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void ourClientChecksWhatOpenSslServerStaples(String version) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "1", version, "-status_file", "good.der")) {
            Context context = new Context(SSL.TLS_METHOD);
            OcspStaple.Status[] verdict = new OcspStaple.Status[1];
            byte[][] seen = new byte[1][];
            context.setOcspClientCallback((conn, ocsp, data) -> {
                seen[0] = ocsp;
                try {
                    List<X509> peer = List.of(conn.getPeerCertificate(),
                            Crypto.loadCertificate(Crypto.FILETYPE_PEM, read("root.pem")));
                    verdict[0] = OcspStaple.check(ocsp, peer, Instant.now());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return verdict[0] == OcspStaple.Status.GOOD;
            });
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
                Connection connection = new Connection(context, socket);
                connection.setConnectState();
                connection.requestOcsp();
                connection.doHandshake();
                connection.sendall("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream page = new ByteArrayOutputStream();
                try {
                    while (true) {
                        page.writeBytes(connection.recv(16384));
                    }
                } catch (ZeroReturnException | SysCallException end) {
                    // done
                }
            }
            assertArrayEquals(read("good.der"), seen[0]);
            assertEquals(OcspStaple.Status.GOOD, verdict[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_2", "-tls1_3"})
    void openSslClientReceivesWhatOurServerStaples(String version) throws Exception {
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificateFile(pki.path("server-ec.pem"));
        context.usePrivateKeyFile(pki.path("server-ec.key"));
        byte[] revoked = read("revoked.der");
        context.setOcspServerCallback((conn, data) -> revoked);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Connection> served = executor.submit(() -> {
                try (Socket accepted = listener.accept()) {
                    accepted.setSoTimeout(60_000);
                    Connection server = new Connection(context, accepted);
                    server.setAcceptState();
                    server.doHandshake();
                    server.recv(1024);
                    server.sendall("bye\n".getBytes(StandardCharsets.US_ASCII));
                    server.shutdown();
                    return server;
                }
            });
            Tools.Result result = Tools.runIn(dir, Duration.ofSeconds(60), "hello\n".getBytes(StandardCharsets.US_ASCII),
                    Tools.require("openssl").toString(), "s_client", "-connect",
                    "127.0.0.1:" + listener.getLocalPort(), "-ign_eof", version, "-status");
            served.get(60, TimeUnit.SECONDS);
            String out = result.stdoutText();
            assertTrue(out.contains("OCSP Response Status: successful (0x0)"), out);
            assertTrue(out.contains("Cert Status: revoked"), out);
        }
    }
}
