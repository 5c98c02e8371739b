package dev.portcullis.ssl.interop;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SslException;
import dev.portcullis.testdata.Tools;

/**
 * What the live interop tests share: an openssl-made PKI in a temporary directory, a thread pool for our server
 * side, our server {@link Context} for a key kind, a one-connection echo server and an {@code openssl s_client} run.
 */
abstract class LiveInterop {
    @TempDir
    static Path dir;
    static FreshPki pki;
    static ExecutorService executor;

    @BeforeAll
    static void startLive() {
        pki = new FreshPki(dir);
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopLive() {
        executor.shutdownNow();
    }

    /** Our server context presenting the PKI's {@code server-<kind>} certificate and key. */
    static Context ourServer(String kind) throws SslException {
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificateFile(pki.path("server-" + kind + ".pem"));
        context.usePrivateKeyFile(pki.path("server-" + kind + ".key"));
        return context;
    }

    /** Runs our server on one connection: handshake, read a line, answer, close; returns the server connection. */
    static Future<Connection> serveOnce(ServerSocket listener, Context context) {
        return executor.submit(() -> {
            try (Socket accepted = listener.accept()) {
                accepted.setSoTimeout(60_000);
                Connection server = new Connection(context, accepted);
                server.setAcceptState();
                server.doHandshake();
                byte[] line = server.recv(1024);
                server.sendall(("echo:" + new String(line, StandardCharsets.US_ASCII))
                        .getBytes(StandardCharsets.US_ASCII));
                server.shutdown();
                return server;
            }
        });
    }

    /** {@code openssl s_client} to {@code port}, verifying against the PKI's root, sending "hello". */
    static Tools.Result sClient(int port, String... extra) {
        String[] base = {Tools.require("openssl").toString(), "s_client", "-connect", "127.0.0.1:" + port,
            "-CAfile", pki.path("root.pem"), "-verify_return_error", "-ign_eof"};
        String[] command = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, command, base.length, extra.length);
        return Tools.runIn(dir, Duration.ofSeconds(60), "hello\n".getBytes(StandardCharsets.US_ASCII), command);
    }
}
