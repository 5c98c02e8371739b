package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.crypto.pki.HeldCertificate;
import dev.portcullis.crypto.pki.TemporaryFiles;
import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SysCallException;
import dev.portcullis.ssl.TlsClients;
import dev.portcullis.ssl.ZeroReturnException;
import dev.portcullis.testdata.Fixtures;
import dev.portcullis.testdata.Json;
import dev.portcullis.testdata.Tools;

/** A Portcullis client whose certificate comes from the NSS database, against {@code openssl s_server -Verify}. */
@Tag("interop")
class NssDbTlsInteropTest {
    @TempDir
    Path dir;

    @Test
    void opensslServerAcceptsTheClientCertificateChosenFromTheDatabase() throws Exception {
        Path db = dir.resolve("db");
        Fixtures.copyTo(Json.asString(Fixtures.expected("nss", "databases", "pw", "dir")), db);
        Path caFile = dir.resolve("nss-ca.pem");
        Files.writeString(caFile, Json.asString(Fixtures.expected("nss", "databases", "pw", "certs",
                "Portcullis NSS CA", "pem")), StandardCharsets.US_ASCII);
        HeldCertificate root = HeldCertificate.builder().ca().build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost").signedBy(root).build();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (TemporaryFiles files = server.writeTemporaryFiles()) {
            Process openssl = new ProcessBuilder(Tools.require("openssl").toString(), "s_server", "-accept",
                    "127.0.0.1:" + port, "-cert", files.certificate().toString(), "-key",
                    files.privateKey().toString(), "-CAfile", caFile.toString(), "-Verify", "2",
                    "-verify_return_error", "-www").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s_server.log").toFile()).start();
            try {
                waitForPort(port);
                try (NssDb nss = NssDb.open("sql:" + db)) {
                    nss.login(Json.asString(Fixtures.expected("nss", "databases", "pw", "password")).toCharArray());
                    Context context = new Context(SSL.TLS_CLIENT_METHOD);
                    context.getCertStore().addCert(root.certificate());
                    context.setVerify(SSL.VERIFY_PEER);
                    NssDbTls.useClientCertificates(context, nss);
                    try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), port))) {
                        Connection connection = TlsClients.connection(context, "localhost", channel);
                        connection.doHandshake();
                        connection.sendall("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        StringBuilder page = new StringBuilder();
                        try {
                            while (page.length() < 200_000) {
                                page.append(new String(connection.recv(16384), StandardCharsets.ISO_8859_1));
                            }
                        } catch (ZeroReturnException | SysCallException end) {
                            // s_server -www closes after the page
                        }
                        assertTrue(page.toString().contains("Client User"), page.toString());
                    }
                }
            } finally {
                openssl.destroy();
                if (!openssl.waitFor(5, TimeUnit.SECONDS)) {
                    openssl.destroyForcibly();
                }
            }
        }
    }

    private static void waitForPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (SocketChannel probe = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("openssl s_server did not start listening on " + port);
    }

}
