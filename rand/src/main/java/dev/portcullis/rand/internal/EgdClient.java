package dev.portcullis.rand.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

import dev.portcullis.rand.RandException;

/**
 * A client of the Entropy Gathering Daemon protocol over a Unix domain socket.
 *
 * <p>The protocol (EGD, and prngd/egd-compatible daemons): the client sends command {@code 0x01} followed by one byte
 * {@code n} (1–255), "read entropy without blocking"; the daemon answers with one count byte {@code c ≤ n} followed by
 * {@code c} bytes of entropy. OpenSSL's {@code RAND_query_egd_bytes} repeats that until it has what it asked for;
 * so does this client. A daemon that answers with more than was asked, closes early, or stays silent past the
 * timeout is an error, never a hang.
 */
public final class EgdClient {
    private static final byte READ_NONBLOCKING = 0x01;
    private final Duration timeout;

    /** A client that gives up on a silent daemon after {@code timeout}. */
    public EgdClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** Asks the daemon at {@code socket} for {@code wanted} bytes; returns what it gave (possibly fewer). */
    public byte[] query(Path socket, int wanted) {
        ByteBuffer result = ByteBuffer.allocate(wanted);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            while (result.hasRemaining()) {
                int ask = Math.min(255, result.remaining());
                write(channel, ByteBuffer.wrap(new byte[] {READ_NONBLOCKING, (byte) ask}));
                int count = Byte.toUnsignedInt(read(channel, selector, 1, deadline, socket)[0]);
                if (count > ask) {
                    throw new RandException("EGD daemon at " + socket + " answered " + count
                            + " bytes to a request for " + ask + ": not the EGD protocol");
                }
                if (count == 0) {
                    break;
                }
                result.put(read(channel, selector, count, deadline, socket));
            }
        } catch (IOException e) {
            throw new RandException("cannot query EGD socket " + socket + ": " + e.getMessage(), e);
        }
        byte[] out = new byte[result.position()];
        result.flip().get(out);
        return out;
    }

    private static void write(SocketChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            if (channel.write(data) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private byte[] read(SocketChannel channel, Selector selector, int n, long deadline, Path socket) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new RandException("EGD daemon at " + socket + " did not answer within " + timeout);
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            if (channel.read(buf) < 0) {
                throw new RandException("EGD daemon at " + socket + " closed the connection after "
                        + buf.position() + " of " + n + " expected bytes");
            }
        }
        return buf.array();
    }
}
