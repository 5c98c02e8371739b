package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Sessions: pyOpenSSL's {@code TestSession}, {@code test_client_set_session} and friends, and resumption rules. */
class SessionTest {
    private static Context tls12Server() throws SslException {
        Context server = TestPki.server();
        server.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        server.setSessionId("unity-test".getBytes(StandardCharsets.US_ASCII));
        return server;
    }

    /** A TLS 1.2 server that resumes by session ID only (no tickets), to test its cache. */
    private static Context idOnlyServer() throws SslException {
        Context server = tls12Server();
        server.setOptions(SSL.OP_NO_TICKET);
        return server;
    }

    @Test
    void aSessionIdResumptionEchoesTheId() throws Exception {
        Context server = idOnlyServer();
        Context client = TestPki.client();
        Session session = connect(client, server, null).client().getSession();
        MemoryPair second = connect(client, server, session);
        assertTrue(second.server().sessionReused());
        assertArrayEquals(session.getId(), second.client().getSession().getId());
    }

    private static MemoryPair connect(Context client, Context server, Session session) throws SslException {
        Connection c = new Connection(client);
        c.setConnectState();
        if (session != null) {
            c.setSession(session);
        }
        Connection s = new Connection(server);
        s.setAcceptState();
        MemoryPair pair = MemoryPair.of(c, s);
        pair.handshake();
        return pair;
    }

    @Test
    void aSessionIsNullBeforeTheHandshakeAndPresentAfterOnBothSides() throws Exception {
        Context server = tls12Server();
        Connection fresh = new Connection(server);
        assertNull(fresh.getSession());
        MemoryPair pair = connect(TestPki.client(), server, null);
        assertNotNull(pair.client().getSession());
        assertNotNull(pair.server().getSession());
        assertTrue(pair.client().getSession().isResumable());
        assertEquals(32, pair.client().getSession().getId().length);
        assertFalse(pair.client().sessionReused());
    }

    @Test
    void aTls12SessionResumesWithTheSameMasterKey() throws Exception {
        Context server = tls12Server();
        Context client = TestPki.client();
        MemoryPair first = connect(client, server, null);
        first.shutdown();
        Session session = first.client().getSession();
        MemoryPair second = connect(client, server, session);
        assertTrue(second.client().sessionReused());
        assertTrue(second.server().sessionReused());
        assertArrayEquals(first.server().masterKey(), second.server().masterKey());
        byte[] data = "resumed".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(data, second.transfer(second.client(), data));
    }

    @Test
    void aFullHandshakeHasDifferentKeysAndIsNotReused() throws Exception {
        Context server = tls12Server();
        Context client = TestPki.client();
        MemoryPair first = connect(client, server, null);
        MemoryPair second = connect(client, server, null);
        assertFalse(second.server().sessionReused());
        assertFalse(Arrays.equals(first.server().masterKey(), second.server().masterKey()));
    }

    @Test
    void aServerWithoutItsCacheMakesAFullHandshake() throws Exception {
        Context server = idOnlyServer();
        assertEquals(SSL.SESS_CACHE_SERVER, server.setSessionCacheMode(SSL.SESS_CACHE_OFF));
        assertEquals(SSL.SESS_CACHE_OFF, server.getSessionCacheMode());
        Context client = TestPki.client();
        Session session = connect(client, server, null).client().getSession();
        MemoryPair second = connect(client, server, session);
        assertFalse(second.client().sessionReused());
    }

    @Test
    void noInternalStoreOrLookupMeansNoResumption() throws Exception {
        for (int flag : new int[] {SSL.SESS_CACHE_NO_INTERNAL_STORE, SSL.SESS_CACHE_NO_INTERNAL_LOOKUP}) {
            Context server = idOnlyServer();
            server.setSessionCacheMode(SSL.SESS_CACHE_SERVER | flag);
            Context client = TestPki.client();
            Session session = connect(client, server, null).client().getSession();
            assertFalse(connect(client, server, session).client().sessionReused(), "flag " + flag);
        }
    }

    @Test
    void anotherSessionIdContextDoesNotResume() throws Exception {
        Context serverA = tls12Server();
        Context serverB = TestPki.server();
        serverB.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        serverB.setSessionId("other".getBytes(StandardCharsets.US_ASCII));
        Context client = TestPki.client();
        Session session = connect(client, serverA, null).client().getSession();
        assertFalse(connect(client, serverB, session).client().sessionReused());
        assertTrue(connect(client, serverA, session).client().sessionReused());
        assertTrue(connect(client, serverA, session).client().sessionReused(), "a session resumes again and again");
    }

    @Test
    void anExpiredSessionIsNotResumed() throws Exception {
        Context server = tls12Server();
        Context client = TestPki.client();
        client.setTimeout(0);
        Session session = connect(client, server, null).client().getSession();
        Thread.sleep(5);
        assertFalse(session.isResumable());
        assertFalse(connect(client, server, session).client().sessionReused());
    }

    @Test
    void aSessionFromAnotherContextIsRefused() throws Exception {
        Context server = tls12Server();
        Session session = connect(TestPki.client(), server, null).client().getSession();
        Connection other = new Connection(TestPki.client());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.setSession(session));
        assertEquals("session must have been created by a Connection using the same Context as this one",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> other.setSession(null));
    }

    @Test
    void anEmptySessionResumesNothing() throws Exception {
        Session empty = new Session();
        assertFalse(empty.isResumable());
        MemoryPair pair = connect(TestPki.client(), tls12Server(), empty);
        assertFalse(pair.client().sessionReused());
    }

    @Test
    void tls13SessionsAreNotResumable() throws Exception {
        Context server = TestPki.server();
        Context client = TestPki.client();
        MemoryPair first = connect(client, server, null);
        assertEquals("TLSv1.3", first.client().getProtocolVersionName());
        Session session = first.client().getSession();
        assertNotNull(session);
        assertFalse(session.isResumable(), "bctls 1.84 has no TLS 1.3 PSK resumption");
        assertFalse(connect(client, server, session).client().sessionReused());
    }

    @Test
    void sessionIdContextLengthIsLimited() throws Exception {
        Context c = TestPki.server();
        c.setSessionId("abc".getBytes(StandardCharsets.US_ASCII));
        c.setSessionId(new byte[32]);
        SslException e = assertThrows(SslException.class, () -> c.setSessionId(new byte[3000]));
        assertTrue(e.hasReason("ssl session id context too long"), e.getMessage());
    }

    @Test
    void aTls12TicketResumesWithoutTheServerCache() throws Exception {
        Context server = tls12Server();
        server.setSessionCacheMode(SSL.SESS_CACHE_OFF);
        Context client = TestPki.client();
        MemoryPair first = connect(client, server, null);
        Session session = first.client().getSession();
        assertNotNull(session.getTicket(), "the server issued a ticket");
        MemoryPair second = connect(client, server, session);
        assertTrue(second.client().sessionReused());
        assertTrue(second.server().sessionReused());
        assertArrayEquals(first.server().masterKey(), second.server().masterKey());
        Session again = second.client().getSession();
        assertTrue(connect(client, server, again).client().sessionReused(), "the ticket is kept for the next");
    }

    @Test
    void opNoTicketOnEitherSideMeansNoTicket() throws Exception {
        Context server = tls12Server();
        server.setOptions(SSL.OP_NO_TICKET);
        assertNull(connect(TestPki.client(), server, null).client().getSession().getTicket());
        Context client = TestPki.client();
        client.setOptions(SSL.OP_NO_TICKET);
        assertNull(connect(client, tls12Server(), null).client().getSession().getTicket());
    }

    @Test
    void aForeignOrDamagedTicketMeansAFullHandshake() throws Exception {
        Context server = tls12Server();
        server.setSessionCacheMode(SSL.SESS_CACHE_OFF);
        Context client = TestPki.client();
        Session session = connect(client, server, null).client().getSession();
        Context otherServer = tls12Server();
        otherServer.setSessionCacheMode(SSL.SESS_CACHE_OFF);
        assertFalse(connect(client, otherServer, session).client().sessionReused(), "another Context's key");
        byte[] damaged = session.getTicket();
        damaged[damaged.length - 1] ^= 1;
        Session forged = new Session(session.tlsSession(), client, new byte[0], 7200, damaged);
        assertFalse(connect(client, server, forged).client().sessionReused(), "a damaged ticket");
    }
}
