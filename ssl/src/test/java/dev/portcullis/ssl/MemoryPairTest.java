package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SocketChannel;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The in-memory client/server pair: handshake, transfers both ways, shutdown, and its bounded failure modes. */
class MemoryPairTest {
    @Test
    void transfersLargeDataBothWaysAndShutsDown() throws Exception {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        pair.handshake();
        byte[] data = new byte[200_000];
        new Random(7).nextBytes(data);
        assertArrayEquals(data, pair.transfer(pair.client(), data));
        assertArrayEquals(data, pair.transfer(pair.server(), data));
        pair.shutdown();
        assertEquals(SSL.SENT_SHUTDOWN | SSL.RECEIVED_SHUTDOWN, pair.client().getShutdown());
        assertEquals(SSL.SENT_SHUTDOWN | SSL.RECEIVED_SHUTDOWN, pair.server().getShutdown());
    }

    @Test
    void receiveWithoutDataFailsInsteadOfSpinning() throws Exception {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        pair.handshake();
        SslException e = assertThrows(SslException.class, () -> pair.receive(pair.server(), 10));
        assertTrue(e.getMessage().contains("no more data"), e.getMessage());
    }

    @Test
    void handshakeFailureSurfacesTheCause() {
        MemoryPair pair = MemoryPair.of(TestPki.client(), new Context(SSL.TLS_METHOD));
        assertThrows(SslException.class, pair::handshake);
    }

    @Test
    void twoClientsCannotHandshake() throws Exception {
        Connection a = new Connection(TestPki.client());
        a.setConnectState();
        Connection b = new Connection(TestPki.client());
        b.setConnectState();
        assertThrows(SslException.class, () -> MemoryPair.of(a, b).handshake());
    }

    @Test
    void onlyMemoryConnectionsPair() throws Exception {
        try (SocketChannel channel = SocketChannel.open()) {
            Connection socket = new Connection(TestPki.client(), channel);
            Connection memory = new Connection(TestPki.client());
            assertThrows(IllegalArgumentException.class, () -> MemoryPair.of(socket, memory));
            assertThrows(IllegalArgumentException.class, () -> MemoryPair.of(memory, (Connection) null));
        }
    }
}
