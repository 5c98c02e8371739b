package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Memory-BIO chunking: however the byte stream between two peers is split (one byte at a time, random pieces, all
 * at once), the handshake completes, data arrives intact and in order, and shutdown completes; a corrupted or
 * truncated stream gives an {@link SslException} — never a hang, never data from a bad record.
 */
class ChunkingProperties {
    private static final int MAX_STEPS = 200_000;

    /** Moves ciphertext between the two connections in pieces whose sizes cycle through {@code splits}. */
    private static final class ChunkedPump {
        private final List<Integer> splits;
        private int next;

        ChunkedPump(List<Integer> splits) {
            this.splits = splits;
        }

        /** Moves at most one piece in each direction; returns bytes moved. */
        int step(Connection a, Connection b) throws SslException {
            return stepOne(a, b) + stepOne(b, a);
        }

        private int stepOne(Connection from, Connection to) throws SslException {
            if (from.bioPending() == 0) {
                return 0;
            }
            int size = splits.isEmpty() ? Integer.MAX_VALUE : splits.get(next++ % splits.size());
            byte[] piece = from.bioRead(Math.max(1, size));
            to.bioWrite(piece);
            return piece.length;
        }
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.oneOf(
                Arbitraries.just(List.of(1)),
                Arbitraries.just(List.<Integer>of()),
                Arbitraries.integers().between(1, 3000).list().ofMinSize(1).ofMaxSize(20));
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40_000);
    }

    @Property(tries = 40)
    void anyChunkingCompletesHandshakeDataAndShutdown(@ForAll("splits") List<Integer> splits,
            @ForAll("payloads") byte[] payload, @ForAll boolean tls12) throws Exception {
        MemoryPair pair = pair(tls12);
        ChunkedPump pump = new ChunkedPump(splits);
        handshake(pair, pump);
        assertArrayEquals(payload, send(pair.client(), pair.server(), payload, pump));
        assertArrayEquals(payload, send(pair.server(), pair.client(), payload, pump));
        shutdown(pair, pump);
    }

    @Property(tries = 40)
    void corruptedApplicationDataIsRejectedWithoutDeliveringIt(@ForAll("payloads") byte[] payload,
            @ForAll @IntRange(min = 0, max = 1_000_000) int position, @ForAll boolean tls12) throws Exception {
        MemoryPair pair = pair(tls12);
        pair.handshake();
        int sent = pair.client().send(payload);
        byte[] wire = pair.client().bioRead(1 << 20);
        int index = 5 + position % (wire.length - 5); // any byte after the first record header
        wire[index] ^= 0x5a;
        pair.server().bioWrite(wire);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        SslException e = assertThrows(SslException.class, () -> {
            for (int i = 0; i < 10; i++) {
                got.write(pair.server().recv(65536));
            }
        });
        assertTrue(!(e instanceof WantReadException), "no hang waiting for input: " + e);
        assertTrue(got.size() == 0 || got.size() < sent, "data from the bad record must not appear");
    }

    @Property(tries = 40)
    void truncatedStreamEndsInUnexpectedEof(@ForAll("payloads") byte[] payload,
            @ForAll @IntRange(min = 1, max = 1_000_000) int cut, @ForAll boolean tls12) throws Exception {
        MemoryPair pair = pair(tls12);
        pair.handshake();
        int sent = pair.client().send(payload);
        byte[] wire = pair.client().bioRead(1 << 20);
        int keep = wire.length - 1 - cut % (wire.length - 1);
        if (keep > 0) {
            pair.server().bioWrite(wire, 0, keep);
        }
        pair.server().bioShutdown();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        SysCallException e = assertThrows(SysCallException.class, () -> {
            for (int i = 0; i < 10; i++) {
                got.write(pair.server().recv(65536));
            }
        });
        assertEquals(-1, e.errno());
        assertTrue(got.size() < sent, "an incomplete record yields no data");
    }

    @Property(tries = 30)
    void corruptedHandshakeFailsCleanly(@ForAll @IntRange(min = 0, max = 1_000_000) int position,
            @ForAll boolean fromServer, @ForAll boolean tls12) throws Exception {
        MemoryPair pair = pair(tls12);
        Connection client = pair.client();
        Connection server = pair.server();
        tryHandshake(client);
        byte[] hello = client.bioRead(1 << 16);
        byte[] wire = hello;
        if (fromServer) {
            server.bioWrite(hello);
            tryHandshake(server);
            wire = server.bioRead(1 << 16);
        }
        int index = bodyIndex(wire, position);
        wire[index] ^= 0x01;
        Connection receiver = fromServer ? client : server;
        receiver.bioWrite(wire);
        try {
            for (int i = 0; i < 50; i++) {
                tryHandshake(client);
                tryHandshake(server);
                pair.pump();
            }
        } catch (SslException expected) {
            assertTrue(!(expected instanceof WantReadException));
            return;
        }
        // no error: only acceptable if the handshake did not complete, i.e. the corruption was in a handshake
        // message's length and the receiver waits for bytes that never come (OpenSSL also answers WantRead there)
        if (client.engine().isHandshakeDone() && server.engine().isHandshakeDone()) {
            fail("a corrupted handshake byte at " + index + " was accepted");
        }
        assertTrue(receiver.wantRead(), "the receiver waits for the rest of the (longer) message");
    }

    /** A position inside a record body (record headers are not covered by the handshake transcript). */
    private static int bodyIndex(byte[] wire, int position) {
        int offset = 0;
        java.util.List<int[]> bodies = new java.util.ArrayList<>();
        while (offset + 5 <= wire.length) {
            int length = ((wire[offset + 3] & 0xff) << 8) | (wire[offset + 4] & 0xff);
            if ((wire[offset] & 0xff) != 20) { // a dummy ChangeCipherSpec is not part of the transcript
                bodies.add(new int[] {offset + 5, length});
            }
            offset += 5 + length;
        }
        int total = bodies.stream().mapToInt(b -> b[1]).sum();
        int k = position % total;
        for (int[] body : bodies) {
            if (k < body[1]) {
                return body[0] + k;
            }
            k -= body[1];
        }
        throw new AssertionError();
    }

    private static void tryHandshake(Connection c) throws SslException {
        try {
            c.doHandshake();
        } catch (WantReadException e) {
            // needs the peer
        }
    }

    private static MemoryPair pair(boolean tls12) throws SslException {
        Context client = new Context(SSL.TLS_METHOD);
        if (tls12) {
            client.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        }
        return MemoryPair.of(client, TestPki.server());
    }

    private static void handshake(MemoryPair pair, ChunkedPump pump) throws SslException {
        for (int i = 0; i < MAX_STEPS; i++) {
            tryHandshake(pair.client());
            tryHandshake(pair.server());
            int moved = pump.step(pair.client(), pair.server());
            if (moved == 0 && pair.client().engine().isHandshakeDone() && pair.server().engine().isHandshakeDone()) {
                return;
            }
        }
        fail("handshake did not complete");
    }

    private static byte[] send(Connection from, Connection to, byte[] payload, ChunkedPump pump) throws SslException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int offset = 0;
        for (int i = 0; i < MAX_STEPS && got.size() < payload.length; i++) {
            if (offset < payload.length) {
                offset += from.send(payload, offset, payload.length - offset);
            }
            pump.step(from, to);
            try {
                got.writeBytes(to.recv(65536));
            } catch (WantReadException e) {
                // a partial record yields nothing yet
            }
        }
        return got.toByteArray();
    }

    private static void shutdown(MemoryPair pair, ChunkedPump pump) throws SslException {
        pair.client().shutdown();
        for (int i = 0; i < MAX_STEPS; i++) {
            pump.step(pair.client(), pair.server());
            boolean serverDone = done(pair.server());
            boolean clientDone = done(pair.client());
            if (serverDone && clientDone && pair.client().bioPending() == 0 && pair.server().bioPending() == 0) {
                return;
            }
        }
        fail("shutdown did not complete");
    }

    private static boolean done(Connection c) throws SslException {
        try {
            return c.shutdown();
        } catch (WantReadException e) {
            return false;
        }
    }
}
