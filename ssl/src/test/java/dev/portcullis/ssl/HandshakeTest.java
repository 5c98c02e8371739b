package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full handshakes in memory with each key type, version and some cipher strings. */
class HandshakeTest {
    @ParameterizedTest
    @CsvSource({"rsa,TLSv1.3", "ec,TLSv1.3", "ed25519,TLSv1.3", "rsa,TLSv1.2", "ec,TLSv1.2", "ed25519,TLSv1.2"})
    void everyKeyTypeOnEveryVersion(String kind, String version) throws Exception {
        Context server = TestPki.server(kind);
        Context client = new Context(SSL.TLS_METHOD);
        if (version.equals("TLSv1.2")) {
            client.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        }
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals(version, pair.client().getProtocolVersionName());
        assertEquals(version, pair.server().getProtocolVersionName());
        byte[] data = "ping".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(data, pair.transfer(pair.client(), data));
        assertEquals(2, pair.client().peerChainDer().size(), "the server sent leaf and intermediate");
    }

    @ParameterizedTest
    @CsvSource({"ECDHE-RSA-AES128-GCM-SHA256,rsa", "ECDHE-RSA-CHACHA20-POLY1305,rsa", "AES128-SHA,rsa",
        "DHE-RSA-AES256-GCM-SHA384,rsa", "ECDHE-ECDSA-AES256-SHA384,ec", "ECDHE-ECDSA-CHACHA20-POLY1305,ec"})
    void namedTls12CiphersNegotiate(String cipher, String kind) throws Exception {
        Context server = TestPki.server(kind);
        server.setCipherList(cipher);
        Context client = new Context(SSL.TLSv1_2_METHOD);
        client.setCipherList("ALL");
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals(cipher, pair.client().getCipherName());
        assertEquals(cipher, pair.server().getCipherName());
    }

    @Test
    void noTls13OptionFallsBackToTls12() throws Exception {
        Context client = new Context(SSL.TLS_METHOD);
        client.setOptions(SSL.OP_NO_TLSv1_3);
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertEquals("TLSv1.2", pair.server().getProtocolVersionName());
        Context both = new Context(SSL.TLS_METHOD);
        both.setOptions(SSL.OP_NO_TLSv1_3 | SSL.OP_NO_TLSv1_2);
        SslException e = assertThrows(SslException.class, () -> MemoryPair.of(both, TestPki.server()).handshake());
        assertTrue(e.hasReason("no protocols available"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"4,TLSv1", "5,TLSv1.1", "6,TLSv1.2"})
    void versionPinnedMethodsNegotiateExactlyThatVersion(int method, String version) throws Exception {
        Context server = TestPki.server("rsa");
        server.setMinProtoVersion(SSL.TLS1_VERSION);
        Context client = new Context(method);
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals(version, pair.client().getProtocolVersionName());
        assertEquals(version, pair.server().getProtocolVersionName());
    }

    @Test
    void serverPreferenceDecidesWithTheOption() throws Exception {
        Context server = TestPki.server("rsa");
        server.setCipherList("ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384");
        server.setOptions(SSL.OP_CIPHER_SERVER_PREFERENCE);
        Context client = new Context(SSL.TLSv1_2_METHOD);
        client.setCipherList("ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals("ECDHE-RSA-AES128-GCM-SHA256", pair.client().getCipherName());
    }

    @Test
    void tls13SuiteChoice() throws Exception {
        Context server = TestPki.server();
        server.setTls13Ciphersuites("TLS_CHACHA20_POLY1305_SHA256");
        MemoryPair pair = MemoryPair.of(TestPki.client(), server);
        pair.handshake();
        assertEquals("TLS_CHACHA20_POLY1305_SHA256", pair.client().getCipherName());
        assertEquals(256, pair.client().getCipherBits());
    }

    @Test
    void noCommonCipherFails() throws Exception {
        Context server = TestPki.server("rsa");
        server.setCipherList("ECDHE-RSA-AES128-GCM-SHA256");
        Context client = new Context(SSL.TLSv1_2_METHOD);
        client.setCipherList("ECDHE-RSA-AES256-GCM-SHA384");
        assertThrows(SslException.class, () -> MemoryPair.of(client, server).handshake());
    }

    @Test
    void serverWithoutCertificateFails() {
        SslException e = assertThrows(SslException.class,
                () -> MemoryPair.of(TestPki.client(), new Context(SSL.TLS_METHOD)).handshake());
        assertTrue(e.getMessage().contains("no shared cipher") || e.getMessage().contains("alert"), e.getMessage());
    }

    @Test
    void serverDemandingAClientCertificateFailsWithoutOne() throws Exception {
        for (int max : new int[] {SSL.TLS1_2_VERSION, SSL.TLS1_3_VERSION}) {
            Context server = TestPki.server();
            server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
            Context client = new Context(SSL.TLS_METHOD);
            client.setMaxProtoVersion(max);
            MemoryPair pair = MemoryPair.of(client, server);
            SslException e = assertThrows(SslException.class, pair::handshake);
            SslException serverSide = e;
            if (!e.hasReason("peer did not return a certificate")) {
                serverSide = assertThrows(SslException.class, () -> pair.server().doHandshake());
            }
            assertTrue(serverSide.hasReason("peer did not return a certificate"), serverSide.getMessage());
        }
    }

    @Test
    void infoCallbackSeesTheConnectionAndHandshakeEvents() throws Exception {
        List<int[]> events = new ArrayList<>();
        List<Connection> seen = new ArrayList<>();
        Context client = new Context(SSL.TLS_METHOD);
        client.setInfoCallback((conn, where, ret) -> {
            seen.add(conn);
            events.add(new int[] {where, ret});
        });
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertTrue(seen.stream().allMatch(c -> c == pair.client()));
        assertTrue(events.stream().anyMatch(e -> e[0] == SSL.SSL_CB_HANDSHAKE_START));
        assertTrue(events.stream().anyMatch(e -> e[0] == SSL.SSL_CB_HANDSHAKE_DONE));
        assertTrue(events.stream().anyMatch(e -> e[0] == SSL.SSL_CB_CONNECT_LOOP));
    }

    @Test
    void infoCallbackReportsAlertsWithLevelAndDescription() throws Exception {
        List<int[]> clientEvents = new ArrayList<>();
        List<int[]> serverEvents = new ArrayList<>();
        Context client = new Context(SSL.TLS_METHOD);
        client.setVerify(SSL.VERIFY_PEER);
        client.setInfoCallback((conn, where, ret) -> clientEvents.add(new int[] {where, ret}));
        Context server = TestPki.server();
        server.setInfoCallback((conn, where, ret) -> serverEvents.add(new int[] {where, ret}));
        MemoryPair pair = MemoryPair.of(client, server);
        assertThrows(SslException.class, pair::handshake);
        pair.pump();
        assertThrows(SslException.class, () -> pair.server().doHandshake());
        int fatalUnknownCa = (2 << 8) | 48;
        assertTrue(clientEvents.stream().anyMatch(e -> e[0] == SSL.SSL_CB_WRITE_ALERT && e[1] == fatalUnknownCa));
        assertTrue(serverEvents.stream().anyMatch(e -> e[0] == SSL.SSL_CB_READ_ALERT && e[1] == fatalUnknownCa));
    }

    @Test
    void connectionInfoCallbackAndThrowingCallbackIsIgnored() throws Exception {
        List<Integer> wheres = new ArrayList<>();
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        pair.server().setInfoCallback((conn, where, ret) -> {
            assertSame(pair.server(), conn);
            wheres.add(where);
            throw new IllegalStateException("ignored, as in pyOpenSSL");
        });
        pair.handshake();
        assertTrue(wheres.contains(SSL.SSL_CB_HANDSHAKE_START));
        assertTrue(wheres.contains(SSL.SSL_CB_HANDSHAKE_DONE));
        assertTrue(wheres.contains(SSL.SSL_CB_ACCEPT_LOOP));
    }

    @Test
    void perConnectionCertificateOverridesTheContext() throws Exception {
        Context serverContext = TestPki.server("ec");
        MemoryPair pair = MemoryPair.of(TestPki.client(), serverContext);
        pair.server().useCertificate(TestPki.cert("server-rsa"));
        pair.server().usePrivateKey(TestPki.key("server-rsa"));
        pair.handshake();
        assertEquals(TestPki.cert("server-rsa"), pair.server().getCertificate().toJavaCertificate());
        assertArrayEquals(TestPki.cert("server-rsa").getEncoded(), pair.client().peerChainDer().get(0));
        assertNull(new Connection(TestPki.client()).getCertificate());
    }

    @Test
    void verifySettingIsPerConnection() {
        Context context = new Context(SSL.TLS_METHOD);
        context.setVerify(SSL.VERIFY_PEER);
        Connection connection = new Connection(context);
        connection.setVerify(SSL.VERIFY_NONE);
        assertEquals(SSL.VERIFY_PEER, context.getVerifyMode());
        assertEquals(SSL.VERIFY_NONE, connection.getVerifyMode());
    }
}
