package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** OCSP stapling: pyOpenSSL's {@code TestOCSP}, on TLS 1.2 (and the staple's round trip on TLS 1.3). */
class OcspTest {
    /** pyOpenSSL's test response: an OCSPResponse with status 6 (unauthorized). */
    private static final byte[] RESPONSE = {0x30, 0x03, 0x0a, 0x01, 0x06};

    private static Context server() throws SslException {
        Context server = TestPki.server();
        server.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        return server;
    }

    private static MemoryPair pair(Context client, Context server, boolean request) {
        Connection c = new Connection(client);
        c.setConnectState();
        if (request) {
            c.requestOcsp();
        }
        Connection s = new Connection(server);
        s.setAcceptState();
        return MemoryPair.of(c, s);
    }

    @Test
    void callbacksAreNotCalledWithoutARequest() throws Exception {
        int[] calls = {0, 0};
        Context server = server();
        server.setOcspServerCallback((conn, data) -> {
            calls[0]++;
            return RESPONSE;
        });
        Context client = TestPki.client();
        client.setOcspClientCallback((conn, ocsp, data) -> {
            calls[1]++;
            return true;
        });
        pair(client, server, false).handshake();
        assertArrayEquals(new int[] {0, 0}, calls);
    }

    @Test
    void theClientSeesWhatTheServerStapledOnceWithItsData() throws Exception {
        Object serverData = new Object();
        Object clientData = new Object();
        List<Object> seen = new ArrayList<>();
        Context server = server();
        server.setOcspServerCallback((conn, data) -> {
            seen.add(data);
            return RESPONSE;
        }, serverData);
        Context client = TestPki.client();
        List<byte[]> stapled = new ArrayList<>();
        client.setOcspClientCallback((conn, ocsp, data) -> {
            stapled.add(ocsp);
            seen.add(data);
            return true;
        }, clientData);
        pair(client, server, true).handshake();
        assertEquals(1, stapled.size());
        assertArrayEquals(RESPONSE, stapled.get(0));
        assertSame(serverData, seen.get(0));
        assertSame(clientData, seen.get(1));
    }

    @Test
    void nothingStapledGivesEmptyBytes() throws Exception {
        for (boolean serverCallback : new boolean[] {true, false}) {
            Context server = server();
            if (serverCallback) {
                server.setOcspServerCallback((conn, data) -> new byte[0]);
            }
            Context client = TestPki.client();
            List<byte[]> stapled = new ArrayList<>();
            client.setOcspClientCallback((conn, ocsp, data) -> stapled.add(ocsp));
            pair(client, server, true).handshake();
            assertEquals(1, stapled.size());
            assertArrayEquals(new byte[0], stapled.get(0));
        }
    }

    @Test
    void aFalseVerdictFailsTheHandshake() throws Exception {
        Context server = server();
        server.setOcspServerCallback((conn, data) -> RESPONSE);
        Context client = TestPki.client();
        client.setOcspClientCallback((conn, ocsp, data) -> false);
        SslException e = assertThrows(SslException.class, () -> pair(client, server, true).handshake());
        assertTrue(e.hasReason("invalid status response"), e.getMessage());
    }

    @Test
    void exceptionsInEitherCallbackPropagate() throws Exception {
        IllegalStateException thrown = new IllegalStateException("from the callback");
        Context server = server();
        server.setOcspServerCallback((conn, data) -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(IllegalStateException.class,
                () -> pair(TestPki.client(), server, true).handshake()));
        Context client = TestPki.client();
        client.setOcspClientCallback((conn, ocsp, data) -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(IllegalStateException.class, () -> pair(client, server(), true).handshake()));
    }

    @Test
    void aNullOrUnparsableServerResultIsAnError() throws Exception {
        Context server = server();
        server.setOcspServerCallback((conn, data) -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pair(TestPki.client(), server, true).handshake());
        assertEquals("OCSP callback must return a bytestring.", e.getMessage());
        Context junk = server();
        junk.setOcspServerCallback((conn, data) -> new byte[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> pair(TestPki.client(), junk, true).handshake());
    }

    @Test
    void oneSlotPerContext() throws Exception {
        Context server = server();
        int[] calls = {0};
        server.setOcspServerCallback((conn, data) -> {
            calls[0]++;
            return RESPONSE;
        });
        server.setOcspClientCallback((conn, ocsp, data) -> true);
        pair(TestPki.client(), server, true).handshake();
        assertEquals(0, calls[0], "the client callback replaced the server callback");
        assertThrows(IllegalArgumentException.class, () -> TestPki.client().setOcspClientCallback(null));
    }

    @Test
    void tls13StaplesInTheCertificateEntry() throws Exception {
        Context server = TestPki.server();
        server.setOcspServerCallback((conn, data) -> RESPONSE);
        Context client = TestPki.client();
        List<byte[]> stapled = new ArrayList<>();
        client.setOcspClientCallback((conn, ocsp, data) -> stapled.add(ocsp));
        MemoryPair pair = pair(client, server, true);
        pair.handshake();
        assertEquals("TLSv1.3", pair.client().getProtocolVersionName());
        assertEquals(1, stapled.size());
        assertArrayEquals(RESPONSE, stapled.get(0));
    }
}
