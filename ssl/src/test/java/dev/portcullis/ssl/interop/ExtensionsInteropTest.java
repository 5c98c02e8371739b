package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.Session;
import dev.portcullis.ssl.SysCallException;
import dev.portcullis.ssl.ZeroReturnException;
import dev.portcullis.testdata.Tools;

/** Live interop for the TLS extensions: SNI selection, ALPN and session resumption, against the OpenSSL 3 CLI. */
@Tag("interop")
@Timeout(120)
class ExtensionsInteropTest extends LiveInterop {
    private Tools.Result sClientAgainst(Context context, Connection[] served, String... args) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Connection> server = serveOnce(listener, context);
            Tools.Result result = sClient(listener.getLocalPort(), args);
            served[0] = server.get(60, TimeUnit.SECONDS);
            assertTrue(result.stdoutText().contains("echo:hello"), result.toString());
            return result;
        }
    }

    @Test
    void sniSelectsTheCertificateOpenSslClientSees() throws Exception {
        Context rsa = ourServer("rsa");
        Context ec = ourServer("ec");
        ec.setTlsextServernameCallback(conn -> {
            byte[] name = conn.getServername();
            if (name != null && new String(name, StandardCharsets.US_ASCII).equals("rsa.localhost")) {
                conn.setContext(rsa);
            }
        });
        Connection[] served = new Connection[1];
        String withRsa = sClientAgainst(ec, served, "-servername", "rsa.localhost").stdoutText();
        assertTrue(withRsa.contains("Server public key is 2048 bit"), withRsa);
        assertEquals("rsa.localhost", new String(served[0].getServername(), StandardCharsets.US_ASCII));
        String withEc = sClientAgainst(ec, served, "-servername", "localhost").stdoutText();
        assertTrue(withEc.contains("Server public key is 256 bit"), withEc);
    }

    @Test
    void alpnChoiceReachesOpenSslClient() throws Exception {
        Context context = ourServer("ec");
        context.setAlpnSelectCallback((conn, offered) -> offered.get(offered.size() - 1));
        Connection[] served = new Connection[1];
        String out = sClientAgainst(context, served, "-alpn", "h2,http/1.1").stdoutText();
        assertTrue(out.contains("ALPN protocol: http/1.1"), out);
        assertArrayEquals("http/1.1".getBytes(StandardCharsets.US_ASCII), served[0].getAlpnProtoNegotiated());
    }

    @Test
    void openSslClientResumesWithOurServer() throws Exception {
        Context context = ourServer("ec");
        context.setSessionId("interop".getBytes(StandardCharsets.US_ASCII));
        Connection[] served = new Connection[1];
        String first = sClientAgainst(context, served, "-tls1_2", "-sess_out", "sess.pem").stdoutText();
        assertTrue(first.contains("New, TLSv1.2"), first);
        assertTrue(first.contains("TLS session ticket lifetime hint: 7200"), "our server issued an RFC 5077 ticket");
        assertFalse(served[0].sessionReused());
        String second = sClientAgainst(context, served, "-tls1_2", "-sess_in", "sess.pem").stdoutText();
        assertTrue(second.contains("Reused, TLSv1.2"), second);
        assertTrue(served[0].sessionReused());
    }

    /** Fetches s_server's -www page over a new connection (resuming {@code session} when given). */
    private static Connection fetch(Context context, int port, Session session, StringBuilder page) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            Connection connection = new Connection(context, socket);
            connection.setConnectState();
            if (session != null) {
                connection.setSession(session);
            }
            connection.doHandshake();
            connection.sendall("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                while (true) {
                    bytes.writeBytes(connection.recv(16384));
                }
            } catch (ZeroReturnException | SysCallException end) {
                // the page is complete
            }
            page.append(bytes.toString(StandardCharsets.ISO_8859_1));
            return connection;
        }
    }

    @Test
    void ourClientResumesByIdWithOpenSslServerWithoutTickets() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "2", "-tls1_2", "-no_ticket")) {
            Context client = new Context(SSL.TLS_METHOD);
            Connection one = fetch(client, server.port, null, new StringBuilder());
            assertEquals(null, one.getSession().getTicket());
            StringBuilder second = new StringBuilder();
            Connection two = fetch(client, server.port, one.getSession(), second);
            assertTrue(second.toString().contains("Reused, TLSv1.2"), second.toString());
            assertTrue(two.sessionReused());
        }
    }

    @Test
    void ourClientResumesWithOpenSslServer() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "2", "-tls1_2")) {
            Context client = new Context(SSL.TLS_METHOD);
            StringBuilder first = new StringBuilder();
            Connection one = fetch(client, server.port, null, first);
            assertTrue(first.toString().contains("New, TLSv1.2"), first.toString());
            StringBuilder second = new StringBuilder();
            assertTrue(one.getSession().getTicket() != null, "s_server issued a ticket");
            Connection two = fetch(client, server.port, one.getSession(), second);
            assertTrue(second.toString().contains("Reused, TLSv1.2"), second.toString());
            assertTrue(two.sessionReused());
            assertArrayEquals(one.masterKey(), two.masterKey());
        }
    }

    @Test
    void ourAlpnOfferAgainstOpenSslServer() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "1", "-alpn", "h2")) {
            Context client = new Context(SSL.TLS_METHOD);
            client.setAlpnProtos(List.of("http/1.1".getBytes(StandardCharsets.US_ASCII),
                    "h2".getBytes(StandardCharsets.US_ASCII)));
            Connection connection = fetch(client, server.port, null, new StringBuilder());
            assertArrayEquals("h2".getBytes(StandardCharsets.US_ASCII), connection.getAlpnProtoNegotiated());
        }
    }

    @Test
    void theClientCertCallbackAnswersOpenSslServersRequest() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "1", "-Verify", "1", "-CAfile", "root.pem")) {
            Context client = new Context(SSL.TLS_METHOD);
            List<String> issuerNames = new java.util.ArrayList<>();
            client.setClientCertCallback((conn, issuers, schemes) -> {
                issuers.forEach(n -> issuerNames.add(n.get("CN")));
                return new dev.portcullis.ssl.ClientCertificate(
                        List.of(dev.portcullis.crypto.Crypto.loadCertificate(dev.portcullis.crypto.Crypto.FILETYPE_PEM,
                                read("client.pem"))),
                        dev.portcullis.crypto.Crypto.loadPrivateKey(dev.portcullis.crypto.Crypto.FILETYPE_PEM,
                                read("client.key")));
            });
            StringBuilder page = new StringBuilder();
            fetch(client, server.port, null, page);
            assertEquals(List.of("Interop Root"), issuerNames, "s_server names its -CAfile as acceptable issuer");
            assertTrue(page.toString().contains("Subject: O=Interop, CN=Interop Client"), page.toString());
            assertTrue(page.toString().contains("Verify return code: 0 (ok)"), page.toString());
        }
    }

    @Test
    void groupsAsOpenSslClientSeesThem() throws Exception {
        Connection[] served = new Connection[1];
        String x25519 = sClientAgainst(ourServer("ec"), served, "-tls1_3").stdoutText();
        assertTrue(x25519.contains("Server Temp Key: X25519"), x25519);
        assertEquals("X25519", served[0].getGroupName());
        Context p384 = ourServer("ec");
        p384.setTmpEcdh(dev.portcullis.crypto.Crypto.getEllipticCurve("secp384r1"));
        String ec = sClientAgainst(p384, served, "-tls1_2").stdoutText();
        assertTrue(ec.contains("Server Temp Key: ECDH, secp384r1, 384 bits"), ec);
        assertEquals("secp384r1", served[0].getGroupName());
        Tools.Result params = Tools.runIn(dir, Duration.ofSeconds(60), null, Tools.require("openssl").toString(),
                "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", "dh.pem");
        assertEquals(0, params.exitCode(), params.toString());
        Context dhe = ourServer("rsa");
        dhe.loadTmpDh(dir.resolve("dh.pem").toString());
        String dh = sClientAgainst(dhe, served, "-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256").stdoutText();
        assertTrue(dh.contains("Server Temp Key: DH, 2048 bits"), dh);
        assertEquals("ffdhe2048", served[0].getGroupName());
    }

    private static byte[] read(String name) {
        try {
            return java.nio.file.Files.readAllBytes(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
