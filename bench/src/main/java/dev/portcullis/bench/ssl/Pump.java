package dev.portcullis.bench.ssl;

import java.io.IOException;

import org.bouncycastle.tls.TlsProtocol;

/** Moves ciphertext between two raw bctls endpoints in memory, the way the anchors measured them. */
final class Pump {
    private final byte[] buffer = new byte[64 * 1024];

    /** Moves all pending output of {@code from} into {@code to}; returns whether anything moved. */
    boolean move(TlsProtocol from, TlsProtocol to) throws IOException {
        boolean moved = false;
        int available;
        while ((available = from.getAvailableOutputBytes()) > 0) {
            int n = from.readOutput(buffer, 0, Math.min(available, buffer.length));
            to.offerInput(buffer, 0, n);
            moved = true;
        }
        return moved;
    }

    void handshake(TlsProtocol client, TlsProtocol server) throws IOException {
        for (int i = 0; i < 100; i++) {
            boolean moved = move(client, server) | move(server, client);
            if (!moved && client.isConnected() && server.isConnected()) {
                return;
            }
        }
        throw new IOException("handshake did not complete");
    }
}
