package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket mode over loopback: blocking channels and sockets, non-blocking channels with Want* exceptions. */
@Timeout(30)
class SocketModeTest {
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    void blockingChannelsEchoAndShutDown() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(loopback())) {
            Future<byte[]> served = executor.submit(() -> {
                try (SocketChannel accepted = listener.accept()) {
                    Connection server = new Connection(TestPki.server(), accepted);
                    server.setAcceptState();
                    server.doHandshake();
                    byte[] got = server.recv(1024);
                    server.sendall(got);
                    assertThrows(ZeroReturnException.class, () -> server.recv(1024));
                    assertTrue(server.shutdown());
                    return got;
                }
            });
            try (SocketChannel channel = SocketChannel.open(listener.getLocalAddress())) {
                Connection client = new Connection(TestPki.client(), channel);
                client.setConnectState();
                client.doHandshake();
                byte[] hello = "hello over a channel".getBytes(StandardCharsets.US_ASCII);
                client.sendall(hello);
                assertArrayEquals(hello, client.recv(1024));
                assertTrue(!client.shutdown());
                assertTrue(client.shutdown(), "the server's close_notify completes the shutdown");
                assertArrayEquals(hello, served.get(20, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void blockingSocketsWithStreamViews() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            byte[] big = new byte[100_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31);
            }
            Future<byte[]> served = executor.submit(() -> {
                try (Socket accepted = listener.accept()) {
                    Connection server = new Connection(TestPki.server("rsa"), accepted);
                    server.setAcceptState();
                    return server.getInputStream().readAllBytes();
                }
            });
            try (Socket socket = new Socket()) {
                Connection client = new Connection(TestPki.client(), socket);
                client.connect(listener.getLocalSocketAddress());
                try (OutputStream out = client.getOutputStream()) {
                    out.write(big);
                }
                assertArrayEquals(big, served.get(20, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void nonBlockingChannelsRaiseWantReadAndComplete() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(loopback());
                SocketChannel clientChannel = SocketChannel.open(listener.getLocalAddress());
                SocketChannel serverChannel = listener.accept()) {
            clientChannel.configureBlocking(false);
            serverChannel.configureBlocking(false);
            Connection client = new Connection(TestPki.client(), clientChannel);
            client.setConnectState();
            Connection server = new Connection(TestPki.server(), serverChannel);
            server.setAcceptState();
            assertThrows(WantReadException.class, client::doHandshake);
            int wants = 0;
            boolean clientDone = false;
            boolean serverDone = false;
            for (int i = 0; i < 2000 && !(clientDone && serverDone); i++) {
                clientDone = clientDone || attempt(client::doHandshake);
                serverDone = serverDone || attempt(server::doHandshake);
                wants++;
                Thread.sleep(1);
            }
            assertTrue(clientDone && serverDone, "handshake completed over non-blocking channels");
            assertTrue(wants > 1);
            assertThrows(WantReadException.class, () -> server.recv(100));
            client.send("ping".getBytes(StandardCharsets.US_ASCII));
            byte[] got = null;
            for (int i = 0; i < 2000 && got == null; i++) {
                try {
                    got = server.recv(100);
                } catch (WantReadException e) {
                    Thread.sleep(1);
                }
            }
            assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII), got);
        }
    }

    private interface Step {
        void run() throws SslException;
    }

    private static boolean attempt(Step step) throws SslException {
        try {
            step.run();
            return true;
        } catch (WantReadException | WantWriteException e) {
            return false;
        }
    }

    /** Client and server connections over two blocking channels, handshake done (the server side on a thread). */
    private Connection[] handshakeBlocking(SocketChannel clientChannel, SocketChannel serverChannel) throws Exception {
        Connection client = new Connection(TestPki.client(), clientChannel);
        client.setConnectState();
        Connection server = new Connection(TestPki.server(), serverChannel);
        server.setAcceptState();
        CompletableFuture<Void> accept = CompletableFuture.runAsync(() -> {
            try {
                server.doHandshake();
            } catch (SslException e) {
                throw new IllegalStateException(e);
            }
        }, executor);
        client.doHandshake();
        accept.get(20, TimeUnit.SECONDS);
        return new Connection[] {client, server};
    }

    @Test
    void fullSendBufferGivesWantWrite() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(loopback());
                SocketChannel clientChannel = SocketChannel.open(listener.getLocalAddress());
                SocketChannel serverChannel = listener.accept()) {
            Connection[] pair = handshakeBlocking(clientChannel, serverChannel);
            Connection client = pair[0];
            Connection server = pair[1];
            clientChannel.configureBlocking(false);
            byte[] chunk = new byte[16384];
            boolean wantWrite = false;
            for (int i = 0; i < 10_000 && !wantWrite; i++) {
                try {
                    client.send(chunk);
                } catch (WantWriteException e) {
                    wantWrite = true;
                }
            }
            assertTrue(wantWrite, "the peer never reads, so the socket buffer fills");
            assertTrue(client.wantWrite());
        }
    }

    @Test
    void peerVanishingIsUnexpectedEofAndOwnShutdownIsEpipe() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(loopback());
                SocketChannel clientChannel = SocketChannel.open(listener.getLocalAddress());
                SocketChannel serverChannel = listener.accept()) {
            Connection[] pair = handshakeBlocking(clientChannel, serverChannel);
            Connection client = pair[0];
            Connection server = pair[1];
            server.sockShutdown(Connection.SHUT_RDWR);
            SysCallException eof = assertThrows(SysCallException.class, () -> client.recv(1024));
            assertEquals(-1, eof.errno());
            assertEquals("Unexpected EOF", eof.errorName());
            SysCallException pipe = assertThrows(SysCallException.class, server::shutdown);
            assertEquals(SysCallException.EPIPE, pipe.errno());
        }
    }

    @Test
    void acceptGivesAServerConnectionWithTheSameContext() throws Exception {
        Context serverContext = TestPki.server();
        try (ServerSocketChannel listenerChannel = ServerSocketChannel.open().bind(loopback())) {
            Connection listener = new Connection(serverContext, listenerChannel);
            Future<Connection.Accepted> accepted = executor.submit(listener::accept);
            try (SocketChannel channel = SocketChannel.open(listenerChannel.getLocalAddress())) {
                Connection.Accepted result = accepted.get(20, TimeUnit.SECONDS);
                assertTrue(result.connection().getContext() == serverContext);
                assertEquals(channel.getLocalAddress(), result.address());
                Connection client = new Connection(TestPki.client(), channel);
                client.setConnectState();
                Future<?> serving = executor.submit(() -> {
                    result.connection().doHandshake();
                    return null;
                });
                client.doHandshake();
                serving.get(20, TimeUnit.SECONDS);
                assertEquals("TLSv1.3", result.connection().getProtocolVersionName());
            }
        }
    }

    @Test
    void connectRefusedAndConnectEx() throws Exception {
        InetSocketAddress closed;
        try (ServerSocketChannel probe = ServerSocketChannel.open().bind(loopback())) {
            closed = (InetSocketAddress) probe.getLocalAddress();
        }
        try (SocketChannel channel = SocketChannel.open()) {
            Connection c = new Connection(TestPki.client(), channel);
            assertThrows(java.net.ConnectException.class, () -> c.connect(closed));
        }
        try (SocketChannel channel = SocketChannel.open()) {
            Connection c = new Connection(TestPki.client(), channel);
            assertEquals(111, c.connectEx(closed), "ECONNREFUSED");
        }
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(loopback());
                SocketChannel channel = SocketChannel.open()) {
            channel.configureBlocking(false);
            Connection c = new Connection(TestPki.client(), channel);
            int result = c.connectEx(listener.getLocalAddress());
            assertTrue(result == 0 || result == 115, "0 or EINPROGRESS, got " + result);
        }
    }

    @Test
    void memoryOnlyMethodsRefuseSocketMode() throws Exception {
        try (SocketChannel channel = SocketChannel.open()) {
            Connection c = new Connection(TestPki.client(), channel);
            assertThrows(IllegalStateException.class, () -> c.bioRead(10));
            assertThrows(IllegalStateException.class, () -> c.bioWrite(new byte[1]));
            assertThrows(IllegalStateException.class, c::bioShutdown);
        }
        Connection memory = new Connection(TestPki.client());
        assertThrows(SslException.class, () -> memory.sockShutdown(Connection.SHUT_RDWR));
        InputStream unused = null;
        assertTrue(unused == null);
    }
}
