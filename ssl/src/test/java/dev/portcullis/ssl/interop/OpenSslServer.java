package dev.portcullis.ssl.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.portcullis.testdata.Tools;

/** A live {@code openssl s_server} on a loopback port, killed when closed. */
final class OpenSslServer implements AutoCloseable {
    final int port;
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    OpenSslServer(java.nio.file.Path dir, String... args) throws IOException, InterruptedException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Tools.require("openssl").toString(), "s_server",
                "-accept", "127.0.0.1:" + port));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        InputStream in = process.getInputStream();
        reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (output) {
                        output.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!output().contains("ACCEPT")) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("s_server did not start: " + output());
            }
            Thread.sleep(20);
        }
    }

    String output() {
        synchronized (output) {
            return output.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
