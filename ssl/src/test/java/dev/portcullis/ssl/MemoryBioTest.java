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

/** pyOpenSSL's memory-BIO behaviour (test_ssl.py TestMemoryBIO / TestConnection, research notes §6.8). */
class MemoryBioTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static MemoryPair connected() throws SslException {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        pair.handshake();
        return pair;
    }

    @Test
    void bioReadOnFreshConnectionWantsRead() {
        Connection c = new Connection(TestPki.client());
        assertThrows(WantReadException.class, () -> c.bioRead(1024));
    }

    @Test
    void clientHelloRecordHeaderComesOutFirst() throws Exception {
        Connection c = new Connection(TestPki.client());
        c.setConnectState();
        assertThrows(WantReadException.class, c::doHandshake);
        assertArrayEquals(new byte[] {0x16, 0x03}, c.bioRead(2));
    }

    @Test
    void recvBeforeHandshakeStartsItAndWantsRead() throws Exception {
        Connection c = new Connection(TestPki.client());
        c.setConnectState();
        assertThrows(WantReadException.class, () -> c.recv(1024));
        assertTrue(c.wantRead());
        assertTrue(c.bioPending() > 0);
    }

    @Test
    void handshakeWithoutStateIsAnError() {
        Connection c = new Connection(TestPki.client());
        SslException e = assertThrows(SslException.class, c::doHandshake);
        assertTrue(e.hasReason("connection type not set"), e.getMessage());
        SslException r = assertThrows(SslException.class, () -> c.recv(10));
        assertTrue(r.hasReason("uninitialized"), r.getMessage());
        assertThrows(SslException.class, () -> c.send(bytes("x")));
        assertThrows(SslException.class, c::shutdown);
    }

    @Test
    void emptyBioWriteWantsRead() {
        Connection c = new Connection(TestPki.client());
        assertThrows(WantReadException.class, () -> c.bioWrite(new byte[0]));
    }

    @Test
    void memoryConnectAgreesOnSecretsAndMovesDataBothWays() throws Exception {
        Context serverContext = TestPki.server();
        Context clientContext = new Context(SSL.TLSv1_2_METHOD);
        MemoryPair pair = MemoryPair.of(clientContext, serverContext);
        Connection client = pair.client();
        Connection server = pair.server();
        assertNull(client.clientRandom());
        assertNull(server.masterKey());
        pair.handshake();
        assertArrayEquals(client.clientRandom(), server.clientRandom());
        assertArrayEquals(client.serverRandom(), server.serverRandom());
        assertFalse(Arrays.equals(client.clientRandom(), client.serverRandom()));
        assertEquals(32, client.clientRandom().length);
        assertEquals(48, client.masterKey().length);
        assertArrayEquals(client.masterKey(), server.masterKey());
        assertArrayEquals(bytes("hello server"), pair.transfer(client, bytes("hello server")));
        assertArrayEquals(bytes("hello client"), pair.transfer(server, bytes("hello client")));
    }

    @Test
    void exportedKeyingMaterialAgreesAndDependsOnLabelAndContext() throws Exception {
        for (int max : new int[] {SSL.TLS1_2_VERSION, SSL.TLS1_3_VERSION}) {
            Context clientContext = new Context(SSL.TLS_METHOD);
            clientContext.setMaxProtoVersion(max);
            MemoryPair pair = MemoryPair.of(clientContext, TestPki.server());
            assertThrows(SslException.class, () -> pair.client().exportKeyingMaterial(bytes("LABEL"), 32, null));
            pair.handshake();
            byte[] client = pair.client().exportKeyingMaterial(bytes("LABEL"), 32, null);
            assertEquals(32, client.length);
            assertArrayEquals(client, pair.server().exportKeyingMaterial(bytes("LABEL"), 32, null));
            assertFalse(Arrays.equals(client, pair.client().exportKeyingMaterial(bytes("LABEL"), 32,
                    bytes("CONTEXT"))));
            assertFalse(Arrays.equals(client, pair.client().exportKeyingMaterial(bytes("other"), 32, null)));
        }
    }

    @Test
    void largeSendIsPartialAndPeerGetsExactlyThatMuch() throws Exception {
        MemoryPair pair = connected();
        int sent = pair.client().send(new byte[1 << 15]);
        assertEquals(16384, sent);
        pair.pump();
        byte[] got = pair.receive(pair.server(), sent);
        assertEquals(sent, got.length);
        assertThrows(WantReadException.class, () -> pair.server().recv(1024));
    }

    @Test
    void shutdownSequenceMatchesOpenSsl() throws Exception {
        MemoryPair pair = connected();
        Connection client = pair.client();
        Connection server = pair.server();
        assertFalse(server.shutdown());
        assertEquals(SSL.SENT_SHUTDOWN, server.getShutdown());
        pair.pump();
        assertThrows(ZeroReturnException.class, () -> client.recv(1024));
        assertEquals(SSL.RECEIVED_SHUTDOWN, client.getShutdown());
        assertThrows(ZeroReturnException.class, () -> client.recv(1024));
        // the receiver may still send (close_notify ends only the peer's direction)
        client.send(bytes("late"));
        assertTrue(client.shutdown());
        assertEquals(SSL.SENT_SHUTDOWN | SSL.RECEIVED_SHUTDOWN, client.getShutdown());
        pair.pump();
        assertArrayEquals(bytes("late"), server.recv(1024), "data sent before close_notify still arrives");
        assertThrows(ZeroReturnException.class, () -> server.recv(1024));
        assertEquals(SSL.SENT_SHUTDOWN | SSL.RECEIVED_SHUTDOWN, server.getShutdown());
    }

    @Test
    void secondShutdownWaitsThenFailsOnTruncation() throws Exception {
        MemoryPair pair = connected();
        Connection server = pair.server();
        assertFalse(server.shutdown());
        assertThrows(WantReadException.class, server::shutdown);
        server.bioShutdown();
        SysCallException e = assertThrows(SysCallException.class, server::shutdown);
        assertEquals(-1, e.errno());
        assertEquals("Unexpected EOF", e.errorName());
    }

    @Test
    void secondShutdownCompletesOnPeerCloseNotify() throws Exception {
        MemoryPair pair = connected();
        assertFalse(pair.server().shutdown());
        pair.pump();
        assertThrows(ZeroReturnException.class, () -> pair.client().recv(10));
        assertTrue(pair.client().shutdown());
        pair.pump();
        assertTrue(pair.server().shutdown());
    }

    @Test
    void eofWithoutCloseNotifyIsUnexpectedEof() throws Exception {
        MemoryPair pair = connected();
        pair.client().bioShutdown();
        SysCallException e = assertThrows(SysCallException.class, () -> pair.client().recv(1024));
        assertEquals(-1, e.errno());
        assertEquals("Unexpected EOF", e.errorName());
    }

    @Test
    void ignoreUnexpectedEofTurnsEofIntoZeroReturn() throws Exception {
        Context clientContext = TestPki.client();
        clientContext.setOptions(SSL.OP_IGNORE_UNEXPECTED_EOF);
        MemoryPair pair = MemoryPair.of(clientContext, TestPki.server());
        pair.handshake();
        pair.client().bioShutdown();
        assertThrows(ZeroReturnException.class, () -> pair.client().recv(1024));
    }

    @Test
    void bioShutdownBeforeHandshakeIsAnErrorNotWantRead() throws Exception {
        Connection server = new Connection(TestPki.server());
        server.setAcceptState();
        server.bioShutdown();
        SslException e = assertThrows(SslException.class, () -> server.recv(1024));
        assertFalse(e instanceof WantReadException || e instanceof ZeroReturnException, e.toString());
    }

    @Test
    void pendingCountsTheRestOfTheRecord() throws Exception {
        MemoryPair pair = connected();
        assertEquals(0, pair.server().pending());
        pair.client().send(new byte[100]);
        pair.pump();
        assertEquals(10, pair.server().recv(10).length);
        assertEquals(90, pair.server().pending());
    }

    @Test
    void peekDoesNotConsume() throws Exception {
        MemoryPair pair = connected();
        pair.client().send(bytes("xy"));
        pair.pump();
        assertArrayEquals(bytes("xy"), pair.server().recv(2, Connection.MSG_PEEK));
        assertArrayEquals(bytes("xy"), pair.server().recv(2, Connection.MSG_PEEK));
        assertArrayEquals(bytes("xy"), pair.server().recv(2));
        assertThrows(WantReadException.class, () -> pair.server().recv(2));
    }

    @Test
    void recvIntoNeverOverfills() throws Exception {
        MemoryPair pair = connected();
        pair.client().send(bytes("xy"));
        pair.pump();
        byte[] five = new byte[5];
        assertEquals(2, pair.server().recvInto(five));
        assertArrayEquals(new byte[] {'x', 'y', 0, 0, 0}, five);
        pair.client().send(bytes("abcdefghij"));
        pair.pump();
        byte[] ten = new byte[10];
        assertEquals(5, pair.server().recvInto(ten, 5, 0));
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 'e', 0, 0, 0, 0, 0}, ten);
        byte[] three = new byte[3];
        assertEquals(3, pair.server().recvInto(three, 100, 0));
        assertArrayEquals(bytes("fgh"), three);
    }

    @Test
    void recvZeroIsUnexpectedEofAsInPyOpenSsl() throws Exception {
        MemoryPair pair = connected();
        assertThrows(SysCallException.class, () -> pair.client().recv(0));
    }

    @Test
    void corruptedRecordFailsWithBadRecordMacAndDeliversNothing() throws Exception {
        MemoryPair pair = connected();
        pair.client().send(bytes("secret data"));
        byte[] record = pair.client().bioRead(65536);
        record[record.length - 1] ^= 1;
        pair.server().bioWrite(record);
        SslException e = assertThrows(SslException.class, () -> pair.server().recv(1024));
        assertTrue(e.hasReason("decryption failed or bad record mac"), e.getMessage());
        assertEquals(0, pair.server().pending());
        assertTrue(pair.server().bioPending() > 0, "the alert for the peer is queued");
        pair.pump();
        SslException peer = assertThrows(SslException.class, () -> pair.client().recv(1024));
        assertTrue(peer.hasReason("sslv3 alert bad record mac"), peer.getMessage());
    }

    @Test
    void negotiatedValuesAreNullBeforeAndEqualAfter() throws Exception {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        Connection client = pair.client();
        Connection server = pair.server();
        assertNull(client.getCipherName());
        assertNull(client.getCipherBits());
        assertNull(client.getCipherVersion());
        assertNull(client.getFinished());
        assertNull(client.getPeerFinished());
        pair.handshake();
        assertEquals(client.getCipherName(), server.getCipherName());
        assertEquals("TLS_AES_256_GCM_SHA384", client.getCipherName());
        assertEquals(256, client.getCipherBits());
        assertEquals("TLSv1.3", client.getCipherVersion());
        assertEquals("TLSv1.3", client.getProtocolVersionName());
        assertEquals(SSL.TLS1_3_VERSION, server.getProtocolVersion());
        assertArrayEquals(client.getFinished(), server.getPeerFinished());
        assertArrayEquals(server.getFinished(), client.getPeerFinished());
        assertNull(client.masterKey(), "no TLS 1.2 master secret in TLS 1.3");
        assertEquals("SSL negotiation finished successfully", client.getStateString());
    }

    @Test
    void stateStrings() throws Exception {
        Connection client = new Connection(TestPki.client());
        assertEquals("before SSL initialization", client.getStateString());
        client.setConnectState();
        assertThrows(WantReadException.class, client::doHandshake);
        assertEquals("SSLv3/TLS write client hello", client.getStateString());
    }

    @Test
    void renegotiationIsRefusedClearly() throws Exception {
        MemoryPair pair = connected();
        SslException e = assertThrows(SslException.class, () -> pair.client().renegotiate());
        assertTrue(e.hasReason("renegotiation is not supported"));
        assertEquals(0, pair.client().totalRenegotiations());
        assertFalse(pair.client().renegotiatePending());
    }

    @Test
    void shutdownOnFreshConnectionIsAnError() {
        Connection c = new Connection(TestPki.client());
        assertThrows(SslException.class, c::shutdown);
        Connection d = new Connection(TestPki.client());
        d.setConnectState();
        assertThrows(SslException.class, d::shutdown);
    }

    @Test
    void sendAfterShutdownIsRefused() throws Exception {
        MemoryPair pair = connected();
        pair.client().shutdown();
        assertThrows(SslException.class, () -> pair.client().send(bytes("x")));
        assertNotNull(pair.client().getContext());
    }
}
