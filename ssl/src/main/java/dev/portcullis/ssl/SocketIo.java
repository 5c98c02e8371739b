package dev.portcullis.ssl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

import dev.portcullis.ssl.internal.SocketTransport;
import dev.portcullis.ssl.internal.TlsEngine;

/**
 * The socket side of a socket-mode {@link Connection}: runs an engine operation, and whenever it needs the peer's
 * bytes sends what the engine produced, reads the socket, and tries again.
 *
 * <p>On a blocking socket this loops until the operation completes. On a non-blocking channel it stops with
 * {@link WantReadException} when nothing can be read yet and {@link WantWriteException} when the handshake's or the
 * shutdown's output could not be written completely (application-data output that does not fit is kept and sent
 * first by the next call, so {@code send} does not have to be repeated with the same bytes). Transport failures
 * become {@link SysCallException}s with the errno OpenSSL would report ({@code EPIPE}, {@code ECONNRESET}).
 */
final class SocketIo {
    private static final int ECONNRESET = 104;
    private static final int EINPROGRESS = 115;
    private static final int ECONNREFUSED = 111;

    private interface Operation<T> {
        T run() throws SslException;
    }

    private final SocketTransport transport;
    private final TlsEngine engine;
    private final byte[] readBuffer = new byte[17 * 1024];
    private byte[] unsent = new byte[0];
    private int unsentOffset;
    private int unsentLength;

    SocketIo(SocketTransport transport, TlsEngine engine) {
        this.transport = transport;
        this.engine = engine;
    }

    Object handle() {
        return transport.handle();
    }

    /** Output the socket has not taken yet (after a {@link WantWriteException}, or kept from a {@code send}). */
    boolean hasUnsent() {
        return unsentLength > 0;
    }

    void handshake() throws SslException {
        run(() -> {
            engine.doHandshake();
            return null;
        }, true);
    }

    int write(byte[] data, int offset, int length) throws SslException {
        return run(() -> engine.write(data, offset, length), false);
    }

    int read(byte[] buffer, int offset, int length, boolean peek) throws SslException {
        return run(() -> engine.read(buffer, offset, length, peek), false);
    }

    boolean shutdown() throws SslException {
        return run(engine::shutdown, true);
    }

    private <T> T run(Operation<T> operation, boolean flushFully) throws SslException {
        flush(true);
        while (true) {
            try {
                T result = operation.run();
                flush(flushFully);
                return result;
            } catch (WantReadException e) {
                flush(true);
                if (fill() == 0) {
                    throw e;
                }
            } catch (SslException e) {
                flushQuietly(); // let the peer see our alert
                throw e;
            }
        }
    }

    /** Reads what the socket has into the engine: bytes read, -1 at end of stream (recorded), 0 if none yet. */
    private int fill() throws SslException {
        int n;
        try {
            n = transport.read(readBuffer, 0, readBuffer.length);
        } catch (IOException e) {
            throw transportFailure(e);
        }
        if (n < 0) {
            engine.bioShutdown();
            return -1;
        }
        if (n > 0) {
            engine.bioWrite(readBuffer, 0, n);
        }
        return n;
    }

    /** Sends the engine's output; if the channel takes only part, keeps the rest (or, when {@code fully}, wants write). */
    private void flush(boolean fully) throws SslException {
        while (true) {
            if (unsentLength == 0) {
                int pending = engine.pendingOutput();
                if (pending == 0) {
                    return;
                }
                if (unsent.length < pending) {
                    unsent = new byte[Math.max(pending, 4096)];
                }
                unsentOffset = 0;
                unsentLength = engine.bioRead(unsent, 0, pending);
            }
            int written;
            try {
                written = transport.write(unsent, unsentOffset, unsentLength);
            } catch (IOException e) {
                throw transportFailure(e);
            }
            unsentOffset += written;
            unsentLength -= written;
            if (unsentLength > 0) {
                if (fully) {
                    throw new WantWriteException();
                }
                return;
            }
            if (unsent.length > 64 * 1024) {
                unsent = new byte[0];
            }
        }
    }

    private void flushQuietly() {
        try {
            flush(false);
        } catch (SslException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private static SysCallException transportFailure(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (e instanceof java.nio.channels.ClosedChannelException) {
            return new SysCallException(SysCallException.EPIPE, "EPIPE", e);
        }
        if (message.contains("reset")) {
            return new SysCallException(ECONNRESET, "ECONNRESET", e);
        }
        if (message.contains("broken pipe") || message.contains("shutdown") || message.contains("closed")) {
            return new SysCallException(SysCallException.EPIPE, "EPIPE", e);
        }
        return new SysCallException(-1, String.valueOf(e.getMessage()), e);
    }

    void sockShutdown(int how) throws SslException {
        try {
            if (how == Connection.SHUT_RD || how == Connection.SHUT_RDWR) {
                transport.shutdownInput();
            }
            if (how == Connection.SHUT_WR || how == Connection.SHUT_RDWR) {
                transport.shutdownOutput();
            }
            if (how < Connection.SHUT_RD || how > Connection.SHUT_RDWR) {
                throw new IllegalArgumentException("how must be SHUT_RD, SHUT_WR or SHUT_RDWR, not " + how);
            }
        } catch (IOException e) {
            throw transportFailure(e);
        }
    }

    void connect(SocketAddress address) throws IOException {
        Object handle = transport.handle();
        if (handle instanceof Socket) {
            ((Socket) handle).connect(address);
        } else {
            SocketChannel channel = (SocketChannel) handle;
            if (!channel.connect(address) && channel.isBlocking()) {
                channel.finishConnect();
            }
        }
    }

    int connectEx(SocketAddress address) {
        try {
            Object handle = transport.handle();
            if (handle instanceof SocketChannel && !((SocketChannel) handle).isBlocking()) {
                return ((SocketChannel) handle).connect(address) ? 0 : EINPROGRESS;
            }
            connect(address);
            return 0;
        } catch (ConnectException e) {
            return ECONNREFUSED;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Accepts one client on a listening socket or channel: a server Connection from {@code context}. */
    Connection.Accepted accept(Context context) throws IOException {
        Object handle = transport.handle();
        if (handle instanceof java.net.ServerSocket) {
            Socket socket = ((java.net.ServerSocket) handle).accept();
            Connection accepted = new Connection(context, socket);
            accepted.setAcceptState();
            return new Connection.Accepted(accepted, socket.getRemoteSocketAddress());
        }
        if (handle instanceof java.nio.channels.ServerSocketChannel) {
            SocketChannel channel = ((java.nio.channels.ServerSocketChannel) handle).accept();
            if (channel == null) {
                throw new WantReadException(); // a non-blocking listener with nobody waiting
            }
            Connection accepted = new Connection(context, channel);
            accepted.setAcceptState();
            return new Connection.Accepted(accepted, channel.getRemoteAddress());
        }
        throw new SslException("accept needs a listening ServerSocket or ServerSocketChannel");
    }

    InputStream inputStream(Connection connection) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                try {
                    return SocketIo.this.read(b, off, len, false);
                } catch (ZeroReturnException e) {
                    return -1;
                }
            }

            @Override
            public int available() {
                return connection.pending();
            }
        };
    }

    OutputStream outputStream(Connection connection) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = SocketIo.this.write(b, off, len);
                    off += n;
                    len -= n;
                }
            }

            @Override
            public void flush() throws IOException {
                SocketIo.this.flush(true);
            }

            @Override
            public void close() throws IOException {
                if ((connection.getShutdown() & SSL.SENT_SHUTDOWN) == 0) {
                    connection.shutdown();
                }
            }
        };
    }
}
