package dev.portcullis.ssl.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.crypto.pki.CertificateRole;
import dev.portcullis.crypto.pki.HeldCertificate;
import dev.portcullis.crypto.pki.TemporaryFiles;
import dev.portcullis.crypto.pki.TrustBundle;
import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.TestPeers;
import dev.portcullis.ssl.TlsClients;
import dev.portcullis.testdata.Tools;

/** Test-PKI contexts against OpenSSL's own s_server and s_client, with certificates the builder made. */
@Tag("interop")
class TestPeersInteropTest {
    private static final HeldCertificate ROOT = HeldCertificate.builder().commonName("Interop Root").ca(1).build();
    private static final HeldCertificate INTERMEDIATE = HeldCertificate.builder().commonName("Interop CA").ca(0)
            .signedBy(ROOT).build();

    @TempDir
    Path dir;

    @Test
    void ourClientWithACertificateAgainstOpensslServerDemandingOne() throws Exception {
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost")
                .signedBy(INTERMEDIATE).build();
        HeldCertificate client = HeldCertificate.builder().commonName("mtls-client").role(CertificateRole.TLS_CLIENT)
                .signedBy(INTERMEDIATE).build();
        try (TemporaryFiles files = server.writeTemporaryFiles();
             OpenSslServer openssl = new OpenSslServer(dir, "-cert", files.certificate().toString(),
                     "-cert_chain", files.chain().toString(), "-key", files.privateKey().toString(),
                     "-CAfile", files.root().toString(), "-Verify", "2", "-verify_return_error", "-www")) {
            try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    openssl.port))) {
                Connection connection = TlsClients.connection(TestPeers.clientContext(TrustBundle.of(ROOT), client),
                        "localhost", channel);
                connection.doHandshake();
                connection.sendall("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                StringBuilder page = new StringBuilder();
                try {
                    while (page.length() < 100_000) {
                        page.append(new String(connection.recv(16384), StandardCharsets.ISO_8859_1));
                    }
                } catch (dev.portcullis.ssl.ZeroReturnException | dev.portcullis.ssl.SysCallException end) {
                    // s_server -www closes after the page
                }
                assertTrue(page.toString().contains("mtls-client"), page.toString());
            }
        }
    }

    @Test
    void opensslClientVerifiesOurServerChainAndName() throws Exception {
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost", "127.0.0.1")
                .signedBy(INTERMEDIATE).build();
        Path root = dir.resolve("root.pem");
        Files.writeString(root, ROOT.certificatePem(), StandardCharsets.US_ASCII);
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel channel = listener.accept()) {
                    Connection connection = new Connection(TestPeers.serverContext(server, null), channel);
                    connection.setAcceptState();
                    connection.doHandshake();
                    connection.sendall("hello from portcullis\n".getBytes(StandardCharsets.US_ASCII));
                    connection.shutdown();
                    return connection.getProtocolVersionName();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Tools.Result result = Tools.run(Duration.ofSeconds(30), new byte[0], Tools.require("openssl").toString(),
                    "s_client", "-connect", "127.0.0.1:" + listener.socket().getLocalPort(), "-CAfile",
                    root.toString(), "-verify_return_error", "-verify_hostname", "localhost", "-servername",
                    "localhost", "-ign_eof");
            String out = result.stdoutText() + result.stderr();
            assertTrue(out.contains("Verify return code: 0 (ok)"), out);
            assertTrue(out.contains("hello from portcullis"), out);
            assertEquals("TLSv1.3", served.get(30, TimeUnit.SECONDS));
        }
    }
}
