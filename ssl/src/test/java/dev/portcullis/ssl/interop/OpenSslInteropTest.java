package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SslException;
import dev.portcullis.ssl.SysCallException;
import dev.portcullis.ssl.ZeroReturnException;
import dev.portcullis.testdata.Tools;

/**
 * Live interop with the OpenSSL 3 command line: our client against {@code openssl s_server} (whose {@code -www}
 * page reports what OpenSSL negotiated) and our server against {@code openssl s_client}; and our cipher-string
 * evaluation against {@code openssl ciphers}.
 */
@Tag("interop")
@Timeout(120)
class OpenSslInteropTest extends LiveInterop {
    private static Context verifyingClient() throws SslException {
        Context client = new Context(SSL.TLS_METHOD);
        client.loadVerifyLocations(pki.path("root.pem"));
        client.setVerify(SSL.VERIFY_PEER);
        return client;
    }

    /** Fetches s_server's -www status page; returns it with the connection that fetched it. */
    private static String fetch(Context context, int port, Connection[] used) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
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
                // s_server closed after the page
            }
            used[0] = connection;
            return page.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest
    @CsvSource({"rsa,-tls1_3,TLSv1.3", "ec,-tls1_3,TLSv1.3", "ed25519,-tls1_3,TLSv1.3", "rsa,-tls1_2,TLSv1.2",
        "ec,-tls1_2,TLSv1.2", "ed25519,-tls1_2,TLSv1.2"})
    void ourClientAgainstOpenSslServer(String kind, String versionFlag, String version) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-" + kind + ".pem", "-key",
                "server-" + kind + ".key", "-www", "-naccept", "1", versionFlag)) {
            Connection[] used = new Connection[1];
            String page = fetch(verifyingClient(), server.port, used);
            assertTrue(page.contains("Protocol  : " + version), page);
            assertEquals(version, used[0].getProtocolVersionName());
            assertTrue(page.contains("Cipher    : " + used[0].getCipherName()), page);
            assertEquals("localhost", used[0].getPeerCertificate().getSubject().get("CN"));
            assertEquals(2, used[0].getVerifiedChain().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void clientCertificateAcceptedByOpenSslServer(String versionFlag) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-ec.pem", "-key", "server-ec.key",
                "-www", "-naccept", "1", "-Verify", "1", "-CAfile", "root.pem", versionFlag)) {
            Context client = verifyingClient();
            client.useCertificateFile(pki.path("client.pem"));
            client.usePrivateKeyFile(pki.path("client.key"));
            String page = fetch(client, server.port, new Connection[1]);
            assertTrue(page.contains("Client certificate"), page);
            assertTrue(page.contains("Subject: O=Interop, CN=Interop Client"), page);
            assertTrue(page.contains("Verify return code: 0 (ok)"), page);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-CHACHA20-POLY1305",
        "DHE-RSA-AES128-GCM-SHA256", "AES256-SHA256", "AES128-SHA", "ECDHE-RSA-AES256-SHA384"})
    void namedCiphersAgreeWithOpenSslServer(String cipher) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-cert", "server-rsa.pem", "-key", "server-rsa.key",
                "-www", "-naccept", "1", "-tls1_2", "-cipher", "ALL:@SECLEVEL=0")) {
            Context client = verifyingClient();
            client.setCipherList(cipher);
            Connection[] used = new Connection[1];
            String page = fetch(client, server.port, used);
            assertEquals(cipher, used[0].getCipherName());
            assertTrue(page.contains("Cipher    : " + cipher), page);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEFAULT", "HIGH:!aNULL:!MD5", "ECDHE+AESGCM:!aNULL", "HIGH:!MD5:@STRENGTH",
        "kRSA:!eNULL", "ECDHE-RSA-CHACHA20-POLY1305:AES128-SHA", "ALL:-AES256:+SHA1", "AESGCM+ECDHE:AES128:!DHE",
        "hello world:AES128-SHA", "aECDSA+SHA384", "CHACHA20:!kECDHE", "TLSv1.2+AESGCM", "MEDIUM:HIGH"})
    void cipherStringsSelectWhatOpenSslSelects(String cipherString) throws Exception {
        Tools.Result result = Tools.run(Duration.ofSeconds(30), null, Tools.require("openssl").toString(),
                "ciphers", "-ciphersuites", "", cipherString + ":@SECLEVEL=0");
        List<String> openssl = result.exitCode() == 0
                ? Arrays.asList(result.stdoutText().trim().split(":")) : List.of();
        Context context = new Context(SSL.TLS_METHOD);
        context.setCipherList(cipherString);
        List<String> ours = new Connection(context).getCipherList().stream().filter(n -> !n.startsWith("TLS_"))
                .toList();
        List<String> expected = openssl.stream().filter(ours::contains).toList();
        assertEquals(expected, ours, "ours must be OpenSSL's list minus what bctls lacks, in OpenSSL's order");
        assertTrue(openssl.containsAll(ours));
    }

    /** {@code s_client} with SNI for localhost, as these tests' certificates name it. */
    private static Tools.Result sniClient(int port, String... extra) {
        String[] args = Arrays.copyOf(new String[] {"-servername", "localhost"}, 2 + extra.length);
        System.arraycopy(extra, 0, args, 2, extra.length);
        return sClient(port, args);
    }

    @ParameterizedTest
    @CsvSource({"rsa,-tls1_3,TLSv1.3", "ec,-tls1_3,TLSv1.3", "ed25519,-tls1_3,TLSv1.3", "rsa,-tls1_2,TLSv1.2",
        "ec,-tls1_2,TLSv1.2", "ed25519,-tls1_2,TLSv1.2"})
    void openSslClientAgainstOurServer(String kind, String versionFlag, String version) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Connection> served = serveOnce(listener, ourServer(kind));
            Tools.Result result = sniClient(listener.getLocalPort(), versionFlag);
            Connection server = served.get(60, TimeUnit.SECONDS);
            String out = result.stdoutText();
            assertTrue(out.contains("Verify return code: 0 (ok)"), out + result.stderr());
            assertTrue(out.contains("echo:hello"), out);
            assertTrue(out.contains("New, " + version + ", Cipher is " + server.getCipherName()), out);
            assertEquals(version, server.getProtocolVersionName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-tls1_3", "-tls1_2"})
    void openSslClientCertificateVerifiedByOurServer(String versionFlag) throws Exception {
        Context context = ourServer("ec");
        context.loadVerifyLocations(pki.path("root.pem"));
        context.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Connection> served = serveOnce(listener, context);
            Tools.Result result = sniClient(listener.getLocalPort(), versionFlag, "-cert", "client.pem", "-key",
                    "client.key");
            Connection server = served.get(60, TimeUnit.SECONDS);
            assertTrue(result.stdoutText().contains("echo:hello"), result.toString());
            assertEquals("Interop Client", server.getPeerCertificate().getSubject().get("CN"));
            assertEquals(List.of("Interop Client", "Interop Root"),
                    server.getVerifiedChain().stream().map(c -> c.getSubject().get("CN")).toList());
        }
    }

    @Test
    void openSslClientWithoutCertificateIsRefused() throws Exception {
        Context context = ourServer("ec");
        context.loadVerifyLocations(pki.path("root.pem"));
        context.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Connection> served = serveOnce(listener, context);
            Tools.Result result = sniClient(listener.getLocalPort(), "-tls1_2");
            Exception failure = null;
            try {
                served.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failure = (Exception) e.getCause();
            }
            assertTrue(failure instanceof SslException && ((SslException) failure).hasReason(
                    "peer did not return a certificate"), String.valueOf(failure));
            assertTrue(result.stderr().contains("alert handshake failure") || result.stdoutText().contains(
                    "alert handshake failure"), result.toString());
        }
    }
}
