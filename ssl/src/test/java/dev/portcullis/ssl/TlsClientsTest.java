package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Fixtures;

/**
 * The safe-by-default client helper: chain and host/IP verified against the fixture server certificate, whose
 * subjectAltName (printed by openssl when the fixture was made) is {@code DNS:localhost, IP:127.0.0.1}.
 */
class TlsClientsTest {
    @TempDir
    static Path dir;
    static Path root;

    @BeforeAll
    static void writeRoot() throws Exception {
        root = dir.resolve("root.pem");
        Files.write(root, Fixtures.bytes("ssl/root.cert.pem"));
    }

    private static Connection server() throws SslException {
        Connection server = new Connection(TestPki.server());
        server.setAcceptState();
        return server;
    }

    @Test
    void matchingHostNameVerifiesAndSendsSni() throws Exception {
        Connection client = TlsClients.connection(TlsClients.context(root), "localhost");
        Connection server = server();
        MemoryPair.of(client, server).handshake();
        assertArrayEquals("localhost".getBytes(StandardCharsets.US_ASCII), server.getServername());
        assertEquals(3, client.getVerifiedChain().size());
        assertEquals("TLSv1.3", client.getProtocolVersionName());
    }

    @Test
    void matchingIpAddressVerifies() throws Exception {
        Connection client = TlsClients.connection(TlsClients.context(root), "127.0.0.1");
        Connection server = server();
        MemoryPair.of(client, server).handshake();
        assertNull(server.getServername(), "no SNI for an IP address (RFC 6066 §3)");
    }

    @Test
    void wrongHostNameFailsWithHostnameMismatch() throws Exception {
        Context context = TlsClients.context(root);
        List<Integer> errors = new ArrayList<>();
        context.setVerify(SSL.VERIFY_PEER, (conn, cert, errnum, depth, ok) -> {
            errors.add(errnum);
            return ok == 1;
        });
        Connection client = TlsClients.connection(context, "example.com");
        SslException e = assertThrows(SslException.class, () -> MemoryPair.of(client, server()).handshake());
        assertTrue(e.hasReason("certificate verify failed"), e.getMessage());
        assertTrue(errors.contains(62), "X509_V_ERR_HOSTNAME_MISMATCH: " + errors);
    }

    @Test
    void wrongIpAddressFailsWithIpMismatch() throws Exception {
        Context context = TlsClients.context(root);
        List<Integer> errors = new ArrayList<>();
        context.setVerify(SSL.VERIFY_PEER, (conn, cert, errnum, depth, ok) -> {
            errors.add(errnum);
            return ok == 1;
        });
        Connection client = TlsClients.connection(context, "10.0.0.1");
        assertThrows(SslException.class, () -> MemoryPair.of(client, server()).handshake());
        assertTrue(errors.contains(64), "X509_V_ERR_IP_ADDRESS_MISMATCH: " + errors);
    }

    @Test
    void untrustedServerFailsEvenWithTheRightName() throws Exception {
        Context context = TlsClients.context(writeOther());
        Connection client = TlsClients.connection(context, "localhost");
        SslException e = assertThrows(SslException.class, () -> MemoryPair.of(client, server()).handshake());
        assertTrue(e.hasReason("certificate verify failed"));
    }

    private static Path writeOther() throws Exception {
        Path other = dir.resolve("other.pem");
        Files.write(other, Fixtures.bytes("ssl/untrusted.cert.pem"));
        return other;
    }

    @Test
    void helperTurnsVerificationOnForANonVerifyingContext() throws Exception {
        Context lax = new Context(SSL.TLS_METHOD);
        lax.loadVerifyLocations(root.toString());
        Connection client = TlsClients.connection(lax, "example.com");
        assertEquals(SSL.VERIFY_PEER, client.getVerifyMode());
        assertThrows(SslException.class, () -> MemoryPair.of(client, server()).handshake());
    }

    @Test
    void tls11IsRefusedByTheHelpersContext() throws Exception {
        Context context = TlsClients.context(root);
        Context old = TestPki.server();
        old.setMaxProtoVersion(SSL.TLS1_1_VERSION);
        old.setMinProtoVersion(SSL.TLS1_VERSION);
        old.setCipherList("ALL");
        Connection server = new Connection(old);
        server.setAcceptState();
        assertThrows(SslException.class,
                () -> MemoryPair.of(TlsClients.connection(context, "localhost"), server).handshake());
    }

    @Test
    void sniArgumentsAreChecked() {
        Connection c = new Connection(TestPki.client());
        assertThrows(IllegalArgumentException.class, () -> c.setTlsextHostName(null));
        assertThrows(IllegalArgumentException.class, () -> c.setTlsextHostName(new byte[] {'a', 0, 'b'}));
        c.setTlsextHostName("example.org".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("example.org".getBytes(StandardCharsets.US_ASCII), c.getServername());
        assertThrows(IllegalArgumentException.class, () -> TlsClients.connection(TestPki.client(), ""));
        assertThrows(IllegalArgumentException.class, () -> TlsClients.connection(TestPki.client(), "1.2.3.999"));
    }
}
