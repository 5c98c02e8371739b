package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import dev.portcullis.crypto.pki.CertificateRole;
import dev.portcullis.crypto.pki.HeldCertificate;
import dev.portcullis.crypto.pki.TrustBundle;

/**
 * Test PKI → TLS in a few lines. The JSSE cases use the JDK's own TLS stack (SunJSSE) as the independent peer.
 */
class TestPeersTest {
    @Test
    void gettingStartedMutualTlsInTenLines() throws Exception {
        HeldCertificate root = HeldCertificate.builder().commonName("root").ca().build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost").signedBy(root).build();
        HeldCertificate client = HeldCertificate.builder().commonName("alice").role(CertificateRole.TLS_CLIENT)
                .signedBy(root).build();
        Context serverContext = TestPeers.serverContext(server, TrustBundle.of(root));
        Context clientContext = TestPeers.clientContext(TrustBundle.of(root), client);
        MemoryPair pair = MemoryPair.of(TlsClients.connection(clientContext, "localhost"), TestPeers.accepting(serverContext));
        pair.handshake();
        assertEquals("alice", pair.server().getPeerCertificate().getSubject().getCommonName());
        assertArrayEquals("hi".getBytes(), pair.transfer(pair.client(), "hi".getBytes()));
    }

    @Test
    void oneCallPairsAreReadyToPump() throws Exception {
        TestPeers.Pair plain = TestPeers.tls();
        plain.memory().handshake();
        assertEquals(2, plain.memory().client().getVerifiedChain().size());
        TestPeers.Pair mutual = TestPeers.mutualTls();
        mutual.memory().handshake();
        assertEquals("Portcullis Test Client", mutual.memory().server().getPeerCertificate().getSubject()
                .getCommonName());
        mutual.memory().shutdown();
    }

    @Test
    void aServerWithoutTheRequiredClientCertificateIsRefused() {
        HeldCertificate root = HeldCertificate.builder().ca().build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost").signedBy(root).build();
        MemoryPair pair = MemoryPair.of(
                TlsClients.connection(TestPeers.clientContext(TrustBundle.of(root), null), "localhost"),
                TestPeers.accepting(TestPeers.serverContext(server, TrustBundle.of(root))));
        assertThrows(SslException.class, pair::handshake);
    }

    @Test
    void theClientChecksTheServerName() {
        HeldCertificate root = HeldCertificate.builder().ca().build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("other.example").signedBy(root)
                .build();
        MemoryPair pair = MemoryPair.of(
                TlsClients.connection(TestPeers.clientContext(TrustBundle.of(root), null), "localhost"),
                TestPeers.accepting(TestPeers.serverContext(server, null)));
        assertThrows(SslException.class, pair::handshake);
    }

    @Test
    void sunJsseClientTalksToAPortcullisServer() throws Exception {
        HeldCertificate root = HeldCertificate.builder().ca(1).build();
        HeldCertificate intermediate = HeldCertificate.builder().ca(0).signedBy(root).build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost", "127.0.0.1")
                .signedBy(intermediate).build();
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SocketChannel channel = listener.accept()) {
                    Connection connection = new Connection(TestPeers.serverContext(server, null), channel);
                    connection.setAcceptState();
                    connection.doHandshake();
                    String got = new String(connection.recv(5), StandardCharsets.US_ASCII);
                    connection.sendall("pong!".getBytes(StandardCharsets.US_ASCII));
                    connection.shutdown();
                    return got;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) TrustBundle.of(root).sslContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.socket().getLocalPort())) {
                socket.setSoTimeout(10_000);
                javax.net.ssl.SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName("localhost")));
                socket.setSSLParameters(params);
                socket.getOutputStream().write("ping!".getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                assertEquals("pong!", new String(in.readNBytes(5), StandardCharsets.US_ASCII));
                assertEquals(2, socket.getSession().getPeerCertificates().length);
            }
            assertEquals("ping!", served.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void aPortcullisClientTalksToASunJsseServerWithMutualTls() throws Exception {
        HeldCertificate root = HeldCertificate.builder().ca().build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost").signedBy(root).build();
        HeldCertificate client = HeldCertificate.builder().commonName("bob").role(CertificateRole.TLS_CLIENT)
                .keyType(dev.portcullis.crypto.pki.KeyType.RSA_2048).signedBy(root).build();
        try (SSLServerSocket listener = (SSLServerSocket) server.sslContext(TrustBundle.of(root))
                .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    byte[] got = s.getInputStream().readNBytes(4);
                    String peer = ((X509Certificate) s.getSession().getPeerCertificates()[0])
                            .getSubjectX500Principal().getName();
                    s.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
                    return new String(got, StandardCharsets.US_ASCII) + " " + peer;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()))) {
                Connection connection = TlsClients.connection(TestPeers.clientContext(TrustBundle.of(root), client),
                        "localhost", channel);
                connection.doHandshake();
                connection.sendall("ping".getBytes(StandardCharsets.US_ASCII));
                assertEquals("ok", new String(connection.recv(2), StandardCharsets.US_ASCII));
                assertTrue(connection.getProtocolVersionName().startsWith("TLSv1."));
            }
            assertEquals("ping CN=bob", served.get(20, TimeUnit.SECONDS));
        }
    }
}
