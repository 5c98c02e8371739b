package dev.portcullis.cli.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.portcullis.crypto.X509;
import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;
import dev.portcullis.ssl.SSL;

/** A TLS 1.3 handshake between two in-memory Connections using the demo's certificates. */
final class TlsStep implements DemoStep {
    @Override
    public String title() {
        return "TLS 1.3 between two in-memory Connections (dev.portcullis.ssl)";
    }

    @Override
    public void run(DemoState state, PrintStream out) throws Exception {
        Context server = new Context(SSL.TLS_SERVER_METHOD);
        server.useCertificate(state.serverCertificate);
        server.usePrivateKey(state.serverKey);
        Context client = new Context(SSL.TLS_CLIENT_METHOD);
        client.getCertStore().addCert(state.caCertificate);
        client.setVerify(SSL.VERIFY_PEER);
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        Connection c = pair.client();
        out.println("protocol:       " + c.getProtocolVersionName());
        out.println("cipher:         " + c.getCipherName() + " (" + c.getCipherBits() + " bits)");
        out.println("verified chain:");
        for (X509 certificate : c.getVerifiedChain()) {
            out.println("  " + certificate.getSubject());
        }
        byte[] got = pair.transfer(c, "hello over TLS".getBytes(StandardCharsets.US_ASCII));
        out.println("server got:     " + new String(got, StandardCharsets.US_ASCII));
        pair.shutdown();
        out.println("shutdown:       client " + c.getShutdown() + ", server " + pair.server().getShutdown()
                + " (SENT|RECEIVED = 3)");
    }
}
