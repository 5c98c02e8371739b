package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

/** Channel bindings (RFC 5929, RFC 9266) on both ends of a connection. */
class ChannelBindingTest {
    @Test
    void tlsExporterIsTheRfc9266Export() throws Exception {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        pair.handshake();
        byte[] client = pair.client().getChannelBinding("tls-exporter");
        assertArrayEquals(client, pair.server().getChannelBinding("tls-exporter"));
        assertArrayEquals(pair.client().exportKeyingMaterial(
                "EXPORTER-Channel-Binding".getBytes(StandardCharsets.US_ASCII), 32, new byte[0]), client);
        assertThrows(SslException.class, () -> pair.client().getChannelBinding("tls-unique"));
    }

    @Test
    void tlsUniqueIsTheClientFinishedInAFullHandshakeAndTheServersInAResumedOne() throws Exception {
        Context server = TestPki.server();
        server.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        Context clientContext = TestPki.client();
        MemoryPair full = MemoryPair.of(clientContext, server);
        full.handshake();
        assertArrayEquals(full.client().getFinished(), full.client().getChannelBinding("tls-unique"));
        assertArrayEquals(full.client().getFinished(), full.server().getChannelBinding("tls-unique"));
        Connection client = new Connection(clientContext);
        client.setConnectState();
        client.setSession(full.client().getSession());
        Connection serverConnection = new Connection(server);
        serverConnection.setAcceptState();
        MemoryPair resumed = MemoryPair.of(client, serverConnection);
        resumed.handshake();
        assertEquals(true, client.sessionReused());
        assertArrayEquals(serverConnection.getFinished(), client.getChannelBinding("tls-unique"));
        assertArrayEquals(serverConnection.getFinished(), serverConnection.getChannelBinding("tls-unique"));
    }

    @Test
    void tlsServerEndPointHashesTheServerCertificate() throws Exception {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server("rsa"));
        pair.handshake();
        byte[] der = TestPki.cert("server-rsa").getEncoded();
        String hash = ChannelBindings.endPointDigest(TestPki.cert("server-rsa").getSigAlgName());
        byte[] expected = MessageDigest.getInstance(hash).digest(der);
        assertArrayEquals(expected, pair.client().getChannelBinding("tls-server-end-point"));
        assertArrayEquals(expected, pair.server().getChannelBinding("tls-server-end-point"));
        assertEquals("SHA-256", ChannelBindings.endPointDigest("SHA1withRSA"));
        assertEquals("SHA-384", ChannelBindings.endPointDigest("SHA384withECDSA"));
        assertThrows(SslException.class, () -> ChannelBindings.endPointDigest("Ed25519"));
    }

    @Test
    void badRequestsAreRefused() throws Exception {
        Connection fresh = new Connection(TestPki.client());
        assertThrows(SslException.class, () -> fresh.getChannelBinding("tls-exporter"));
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        pair.handshake();
        assertThrows(IllegalArgumentException.class, () -> pair.client().getChannelBinding("tls-foo"));
        assertThrows(IllegalArgumentException.class, () -> pair.client().getChannelBinding(null));
    }
}
