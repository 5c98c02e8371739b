package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ALPN: pyOpenSSL's {@code TestApplicationLayerProtoNegotiation}, on TLS 1.3 and 1.2. */
class AlpnTest {
    private static final byte[] HTTP11 = bytes("http/1.1");
    private static final byte[] SPDY2 = bytes("spdy/2");
    private static final byte[] EMPTY = new byte[0];

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Context client(int maxVersion) {
        Context c = TestPki.client();
        c.setMaxProtoVersion(maxVersion);
        return c;
    }

    @ParameterizedTest
    @ValueSource(ints = {SSL.TLS1_3_VERSION, SSL.TLS1_2_VERSION})
    void theCallbackSeesTheOfferOnceAndItsChoiceIsNegotiated(int version) throws Exception {
        List<Object[]> calls = new ArrayList<>();
        Context server = TestPki.server();
        server.setAlpnSelectCallback((conn, offered) -> {
            calls.add(new Object[] {conn, offered});
            return SPDY2;
        });
        Context client = client(version);
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals(1, calls.size());
        assertSame(pair.server(), calls.get(0)[0]);
        @SuppressWarnings("unchecked")
        List<byte[]> offered = (List<byte[]>) calls.get(0)[1];
        assertEquals(2, offered.size());
        assertArrayEquals(HTTP11, offered.get(0));
        assertArrayEquals(SPDY2, offered.get(1));
        assertArrayEquals(SPDY2, pair.client().getAlpnProtoNegotiated());
        assertArrayEquals(SPDY2, pair.server().getAlpnProtoNegotiated());
    }

    @Test
    void anOfferSetOnTheConnectionReplacesTheContexts() throws Exception {
        Context server = TestPki.server();
        server.setAlpnSelectCallback((conn, offered) -> offered.get(offered.size() - 1));
        Context clientContext = TestPki.client();
        clientContext.setAlpnProtos(List.of(HTTP11));
        Connection client = new Connection(clientContext);
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        pair(client, new Connection(server)).handshake();
        assertArrayEquals(SPDY2, client.getAlpnProtoNegotiated());
    }

    @Test
    void badOfferListsAreRefused() {
        Context c = TestPki.client();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.setAlpnProtos(List.of()));
        assertEquals("at least one protocol must be specified", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.setAlpnProtos(List.of(new byte[256])));
        assertThrows(SslException.class, () -> c.setAlpnProtos(List.of(EMPTY)));
        assertThrows(IllegalArgumentException.class, () -> c.setAlpnProtos(null));
    }

    @Test
    void anEmptyChoiceFailsTheHandshake() throws Exception {
        int[] calls = {0};
        Context server = TestPki.server();
        server.setAlpnSelectCallback((conn, offered) -> {
            calls[0]++;
            return EMPTY;
        });
        Context client = TestPki.client();
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        MemoryPair pair = MemoryPair.of(client, server);
        assertThrows(SslException.class, pair::handshake);
        assertEquals(1, calls[0]);
    }

    @Test
    void noOverlappingProtocolsGoesOnWithoutAlpn() throws Exception {
        Context server = TestPki.server();
        server.setAlpnSelectCallback((conn, offered) -> SSL.NO_OVERLAPPING_PROTOCOLS);
        Context client = TestPki.client();
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertArrayEquals(EMPTY, pair.client().getAlpnProtoNegotiated());
        assertArrayEquals(EMPTY, pair.server().getAlpnProtoNegotiated());
    }

    @Test
    void aNullChoiceIsAnErrorThatPropagates() throws Exception {
        Context server = TestPki.server();
        server.setAlpnSelectCallback((conn, offered) -> null);
        Context client = TestPki.client();
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        MemoryPair pair = MemoryPair.of(client, server);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, pair::handshake);
        assertEquals("ALPN callback must return a bytestring or the special NO_OVERLAPPING_PROTOCOLS sentinel value.",
                e.getMessage());
        assertArrayEquals(EMPTY, pair.client().getAlpnProtoNegotiated());
        assertThrows(SslException.class, () -> pair.server().doHandshake(), "the server stays failed");
    }

    @Test
    void noServerCallbackMeansNoProtocol() throws Exception {
        Context client = TestPki.client();
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertArrayEquals(EMPTY, pair.client().getAlpnProtoNegotiated());
    }

    @Test
    void anExceptionInTheCallbackPropagates() throws Exception {
        Context server = TestPki.server();
        UnsupportedOperationException thrown = new UnsupportedOperationException("from the callback");
        server.setAlpnSelectCallback((conn, offered) -> {
            throw thrown;
        });
        Context client = TestPki.client();
        client.setAlpnProtos(List.of(HTTP11, SPDY2));
        MemoryPair pair = MemoryPair.of(client, server);
        assertSame(thrown, assertThrows(UnsupportedOperationException.class, pair::handshake));
        pair.pump();
        SslException clientSide = assertThrows(SslException.class, () -> pair.client().doHandshake());
        assertTrue(clientSide.getMessage().contains("internal error"), clientSide.getMessage());
    }

    @Test
    void aProtocolTheClientDidNotOfferIsRefusedByTheClient() throws Exception {
        Context server = TestPki.server();
        server.setAlpnSelectCallback((conn, offered) -> bytes("h2"));
        Context client = TestPki.client();
        client.setAlpnProtos(List.of(HTTP11));
        assertThrows(SslException.class, () -> MemoryPair.of(client, server).handshake());
    }

    private static MemoryPair pair(Connection client, Connection server) {
        client.setConnectState();
        server.setAcceptState();
        return MemoryPair.of(client, server);
    }
}
