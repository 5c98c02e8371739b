package dev.portcullis.rand;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tiny Entropy Gathering Daemon for tests: answers command 0x01 ("read without blocking") per the EGD protocol,
 * written from the protocol description, not from our client. Variants misbehave on purpose.
 */
final class EgdServer implements AutoCloseable {
    private enum Mode { HONEST, STINGY, LIAR }

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread thread;
    private final Mode mode;
    private int budget;

    private EgdServer(Path path, Mode mode, int budget) throws IOException {
        this.path = path;
        this.mode = mode;
        this.budget = budget;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        thread = new Thread(this::serve, "egd-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    static EgdServer honest(Path path) throws IOException {
        return new EgdServer(path, Mode.HONEST, Integer.MAX_VALUE);
    }

    static EgdServer stingy(Path path, int budget) throws IOException {
        return new EgdServer(path, Mode.STINGY, budget);
    }

    static EgdServer liar(Path path) throws IOException {
        return new EgdServer(path, Mode.LIAR, 0);
    }

    Path path() {
        return path;
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer command = ByteBuffer.allocate(2);
                while (true) {
                    command.clear();
                    while (command.hasRemaining()) {
                        if (client.read(command) < 0) {
                            throw new IOException("client gone");
                        }
                    }
                    if (command.get(0) != 0x01) {
                        break;
                    }
                    int asked = Byte.toUnsignedInt(command.get(1));
                    int give = switch (mode) {
                        case HONEST -> asked;
                        case STINGY -> Math.min(asked, budget);
                        case LIAR -> asked + 10;
                    };
                    budget -= Math.min(budget, give);
                    ByteBuffer answer = ByteBuffer.allocate(1 + Math.min(give, 255));
                    answer.put((byte) Math.min(give, 255));
                    while (answer.hasRemaining()) {
                        answer.put((byte) 0x5a);
                    }
                    answer.flip();
                    while (answer.hasRemaining()) {
                        client.write(answer);
                    }
                }
            } catch (IOException e) {
                // client finished or server closed: accept the next one or stop
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }
}
