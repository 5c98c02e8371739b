package dev.portcullis.ssl;

import java.io.ByteArrayOutputStream;

/**
 * Two memory-BIO {@link Connection}s wired to each other — a TLS client and server in one thread, no sockets — with a
 * pump that moves ciphertext between them until a handshake, a read or a shutdown completes. Meant for tests that
 * need a real TLS peer: every {@link Context} knob (certificates, verification, versions, ciphers, callbacks) is
 * reachable, and failures surface as the same exceptions a networked connection raises.
 *
 * <pre>{@code
 * MemoryPair pair = MemoryPair.of(clientContext, serverContext);
 * pair.handshake();
 * pair.client().sendall("ping".getBytes());
 * byte[] got = pair.receive(pair.server(), 4);
 * }</pre>
 *
 * <p>Every loop is bounded: a handshake that cannot progress raises {@link SslException} instead of spinning.
 */
public final class MemoryPair {
    private static final int MAX_ROUNDS = 1000;

    private final Connection client;
    private final Connection server;

    private MemoryPair(Connection client, Connection server) {
        this.client = client;
        this.server = server;
    }

    /** A client connection from {@code clientContext} and a server connection from {@code serverContext}. */
    public static MemoryPair of(Context clientContext, Context serverContext) {
        Connection client = new Connection(clientContext);
        client.setConnectState();
        Connection server = new Connection(serverContext);
        server.setAcceptState();
        return new MemoryPair(client, server);
    }

    /** Wraps two existing memory-BIO connections (their connect/accept states must already be set). */
    public static MemoryPair of(Connection client, Connection server) {
        if (client == null || server == null || client.getSocket() != null || server.getSocket() != null) {
            throw new IllegalArgumentException("a MemoryPair needs two memory-BIO connections");
        }
        return new MemoryPair(client, server);
    }

    /** The client side. */
    public Connection client() {
        return client;
    }

    /** The server side. */
    public Connection server() {
        return server;
    }

    /** Moves all waiting ciphertext in both directions; returns the number of bytes moved. */
    public int pump() throws SslException {
        return move(client, server) + move(server, client);
    }

    private static int move(Connection from, Connection to) {
        return from.engine().moveOutputTo(to.engine());
    }

    /**
     * Runs both handshakes to completion.
     *
     * @throws SslException whatever either side raised (a verification failure, no shared cipher, ...), or
     *     "handshake did not complete" if neither side can make progress
     */
    public void handshake() throws SslException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            step(client);
            step(server);
            int moved = pump();
            if (moved == 0 && client.engine().isHandshakeDone() && server.engine().isHandshakeDone()) {
                return;
            }
            if (moved == 0 && round > 0 && !progressPossible()) {
                throw new SslException("handshake did not complete");
            }
        }
        throw new SslException("handshake did not complete");
    }

    private boolean progressPossible() {
        return client.engine().pendingInput() > 0 || server.engine().pendingInput() > 0
                || !client.engine().isHandshakeDone() && !client.engine().isStarted();
    }

    private static void step(Connection connection) throws SslException {
        try {
            connection.doHandshake();
        } catch (WantReadException e) {
            // waiting for the other side's bytes
        }
    }

    /**
     * Pumps until {@code at} has received {@code length} bytes of application data, and returns them.
     *
     * @throws SslException if the peer closes or the connection fails first, or no progress is possible
     */
    public byte[] receive(Connection at, int length) throws SslException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        byte[] chunk = new byte[16384];
        int idle = 0;
        while (out.size() < length) {
            try {
                int n = at.recvInto(chunk, Math.min(chunk.length, length - out.size()), 0);
                out.write(chunk, 0, n);
                idle = 0;
            } catch (WantReadException e) {
                if (pump() == 0 && ++idle > 2) {
                    throw new SslException("no more data: " + out.size() + " of " + length + " bytes arrived");
                }
            }
        }
        return out.toByteArray();
    }

    /** Sends all of {@code data} from {@code from} and returns it as the other side received it. */
    public byte[] transfer(Connection from, byte[] data) throws SslException {
        Connection to = from == client ? server : client;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        byte[] chunk = new byte[16384];
        int offset = 0;
        while (offset < data.length) {
            offset += from.send(data, offset, data.length - offset);
            pump();
            drain(to, out, chunk);
        }
        if (out.size() < data.length) {
            out.writeBytes(receive(to, data.length - out.size()));
        }
        return out.toByteArray();
    }

    private static void drain(Connection to, ByteArrayOutputStream out, byte[] chunk) throws SslException {
        while (true) {
            try {
                int n = to.recvInto(chunk);
                out.write(chunk, 0, n);
            } catch (WantReadException e) {
                return;
            }
        }
    }

    /** Both sides send close_notify and see the other's: afterwards both report SENT|RECEIVED. */
    public void shutdown() throws SslException {
        client.shutdown();
        pump();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean clientDone = finishShutdown(client);
            boolean serverDone = finishShutdown(server);
            int moved = pump();
            if (clientDone && serverDone && moved == 0) {
                return;
            }
        }
        throw new SslException("shutdown did not complete");
    }

    private static boolean finishShutdown(Connection connection) throws SslException {
        try {
            return connection.shutdown();
        } catch (WantReadException e) {
            return false;
        }
    }
}
