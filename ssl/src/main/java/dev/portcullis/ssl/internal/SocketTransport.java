package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The byte transport under a socket-mode connection: a {@link Socket} (always blocking) or a {@link SocketChannel}
 * (blocking or not). {@link #read} returns -1 at end of stream and 0 when a non-blocking channel has nothing yet;
 * {@link #write} may write less than asked on a non-blocking channel.
 */
public interface SocketTransport {
    int read(byte[] buffer, int offset, int length) throws IOException;

    int write(byte[] buffer, int offset, int length) throws IOException;

    void shutdownOutput() throws IOException;

    void shutdownInput() throws IOException;

    void close() throws IOException;

    /** The underlying socket or channel. */
    Object handle();

    /** A transport over a connected (or later connected) {@link Socket}. */
    static SocketTransport of(Socket socket) {
        return new SocketTransport() {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                InputStream in = socket.getInputStream();
                return in.read(buffer, offset, length);
            }

            @Override
            public int write(byte[] buffer, int offset, int length) throws IOException {
                OutputStream out = socket.getOutputStream();
                out.write(buffer, offset, length);
                return length;
            }

            @Override
            public void shutdownOutput() throws IOException {
                socket.shutdownOutput();
            }

            @Override
            public void shutdownInput() throws IOException {
                socket.shutdownInput();
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }

            @Override
            public Object handle() {
                return socket;
            }
        };
    }

    /** A transport over a {@link SocketChannel}, honouring its blocking mode at each call. */
    static SocketTransport of(SocketChannel channel) {
        return new SocketTransport() {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return channel.read(ByteBuffer.wrap(buffer, offset, length));
            }

            @Override
            public int write(byte[] buffer, int offset, int length) throws IOException {
                ByteBuffer source = ByteBuffer.wrap(buffer, offset, length);
                int total = 0;
                do {
                    int n = channel.write(source);
                    if (n == 0 && !channel.isBlocking()) {
                        break;
                    }
                    total += n;
                } while (source.hasRemaining());
                return total;
            }

            @Override
            public void shutdownOutput() throws IOException {
                channel.shutdownOutput();
            }

            @Override
            public void shutdownInput() throws IOException {
                channel.shutdownInput();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }

            @Override
            public Object handle() {
                return channel;
            }
        };
    }

    /** A listening {@link java.net.ServerSocket} or {@link java.nio.channels.ServerSocketChannel}: only accepts. */
    static SocketTransport listening(Object serverSocket) {
        return new SocketTransport() {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                throw new java.net.SocketException("socket is not connected (listening)");
            }

            @Override
            public int write(byte[] buffer, int offset, int length) throws IOException {
                throw new java.net.SocketException("socket is not connected (listening)");
            }

            @Override
            public void shutdownOutput() throws IOException {
                throw new java.net.SocketException("socket is not connected (listening)");
            }

            @Override
            public void shutdownInput() throws IOException {
                throw new java.net.SocketException("socket is not connected (listening)");
            }

            @Override
            public void close() throws IOException {
                ((java.io.Closeable) serverSocket).close();
            }

            @Override
            public Object handle() {
                return serverSocket;
            }
        };
    }
}
