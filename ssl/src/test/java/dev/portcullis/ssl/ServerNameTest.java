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

/** Server-side SNI: pyOpenSSL's {@code TestServerNameCallback}, plus certificate selection by switching contexts. */
class ServerNameTest {
    private static final byte[] HOST = "foo1.example.com".getBytes(StandardCharsets.US_ASCII);

    @Test
    void callbackSeesNullWhenTheClientSentNoName() throws Exception {
        Context server = TestPki.server();
        List<Object[]> calls = new ArrayList<>();
        server.setTlsextServernameCallback(conn -> calls.add(new Object[] {conn, conn.getServername()}));
        MemoryPair pair = MemoryPair.of(TestPki.client(), server);
        pair.handshake();
        assertEquals(1, calls.size());
        assertSame(pair.server(), calls.get(0)[0]);
        assertNull(calls.get(0)[1]);
    }

    @Test
    void callbackSeesTheRequestedName() throws Exception {
        Context server = TestPki.server();
        List<byte[]> seen = new ArrayList<>();
        server.setTlsextServernameCallback(conn -> seen.add(conn.getServername()));
        Connection client = new Connection(TestPki.client());
        client.setTlsextHostName(HOST);
        Connection serverConnection = new Connection(server);
        MemoryPair pair = pair(client, serverConnection);
        pair.handshake();
        assertEquals(1, seen.size());
        assertArrayEquals(HOST, seen.get(0));
        assertArrayEquals(HOST, serverConnection.getServername());
    }

    @Test
    void switchingTheContextSwitchesTheCertificate() throws Exception {
        for (String version : new String[] {"TLSv1.3", "TLSv1.2"}) {
            Context ecServer = TestPki.server("ec");
            Context rsaServer = TestPki.server("rsa");
            ecServer.setTlsextServernameCallback(conn -> {
                if ("rsa.example".equals(new String(conn.getServername(), StandardCharsets.US_ASCII))) {
                    conn.setContext(rsaServer);
                }
            });
            Context clientContext = TestPki.client();
            if (version.equals("TLSv1.2")) {
                clientContext.setMaxProtoVersion(SSL.TLS1_2_VERSION);
                // an ECDSA-only suite list would fail with the RSA certificate: offer both kinds
                clientContext.setCipherList("ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256");
            }
            Connection client = new Connection(clientContext);
            client.setTlsextHostName("rsa.example".getBytes(StandardCharsets.US_ASCII));
            Connection server = new Connection(ecServer);
            pair(client, server).handshake();
            assertEquals(version, client.getProtocolVersionName());
            assertEquals(TestPki.cert("server-rsa"), client.getPeerCertificate().toJavaCertificate(), version);
            assertSame(rsaServer, server.getContext());
            if (version.equals("TLSv1.2")) {
                assertEquals("ECDHE-RSA-AES128-GCM-SHA256", client.getCipherName());
            }
        }
    }

    @Test
    void anotherNameKeepsTheDefaultCertificate() throws Exception {
        Context ecServer = TestPki.server("ec");
        ecServer.setTlsextServernameCallback(conn -> { });
        Connection client = new Connection(TestPki.client());
        client.setTlsextHostName(HOST);
        pair(client, new Connection(ecServer)).handshake();
        assertEquals(TestPki.cert("server-ec"), client.getPeerCertificate().toJavaCertificate());
    }

    @Test
    void anExceptionFailsTheHandshakeAndPropagates() throws Exception {
        Context server = TestPki.server();
        IllegalStateException thrown = new IllegalStateException("no such host");
        int[] calls = {0};
        server.setTlsextServernameCallback(conn -> {
            calls[0]++;
            throw thrown;
        });
        MemoryPair pair = MemoryPair.of(TestPki.client(), server);
        IllegalStateException e = assertThrows(IllegalStateException.class, pair::handshake);
        assertSame(thrown, e);
        assertEquals(1, calls[0]);
        // the server is failed for good, and the client got the alert
        SslException again = assertThrows(SslException.class, () -> pair.server().doHandshake());
        assertTrue(again.hasReason("callback failed"), again.getMessage());
        pair.pump();
        SslException client = assertThrows(SslException.class, () -> pair.client().doHandshake());
        assertTrue(client.getMessage().contains("unrecognized name"), client.getMessage());
    }

    @Test
    void aReplacedCallbackIsNotCalled() throws Exception {
        Context server = TestPki.server();
        int[] calls = {0, 0};
        server.setTlsextServernameCallback(conn -> calls[0]++);
        server.setTlsextServernameCallback(conn -> calls[1]++);
        MemoryPair.of(TestPki.client(), server).handshake();
        assertArrayEquals(new int[] {0, 1}, calls);
    }

    private static MemoryPair pair(Connection client, Connection server) {
        client.setConnectState();
        server.setAcceptState();
        return MemoryPair.of(client, server);
    }
}
