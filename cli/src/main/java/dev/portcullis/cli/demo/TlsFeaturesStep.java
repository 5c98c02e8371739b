package dev.portcullis.cli.demo;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Extension;
import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.Session;
import dev.portcullis.ssl.SslException;

/**
 * TLS extensions between two in-memory Connections, with the demo CA's certificates: SNI (the server's callback
 * switches to the Context whose certificate matches the requested host), ALPN (the server's callback picks
 * {@code h2} from the client's offer), and a resumed TLS 1.2 session (by RFC 5077 ticket, the default).
 */
final class TlsFeaturesStep implements DemoStep {
    private static final byte[] H2 = ascii("h2");
    private static final byte[] HTTP11 = ascii("http/1.1");

    @Override
    public String title() {
        return "TLS features: SNI, ALPN, session resumption (dev.portcullis.ssl)";
    }

    @Override
    public void run(DemoState state, PrintStream out) throws Exception {
        if (state.caCertificate == null || state.serverCertificate == null) {
            throw new IllegalStateException("the certificates step must run first");
        }
        PKey apiKey = PKey.generateEc("prime256v1");
        X509 apiCertificate = leaf("api.localhost", apiKey, state);
        Context api = serverContext(apiCertificate, apiKey);
        Context main = serverContext(state.serverCertificate, state.serverKey);
        // callbacks first: a Context becomes read-only once a Connection uses it
        main.setTlsextServernameCallback(conn -> {
            byte[] name = conn.getServername();
            if (name != null && new String(name, StandardCharsets.US_ASCII).equals("api.localhost")) {
                conn.setContext(api);
            }
        });
        // as in OpenSSL, after the switch the new Context's ALPN callback decides: both have one
        for (Context context : new Context[] {main, api}) {
            context.setAlpnSelectCallback((conn, offered) -> offered.stream().filter(p -> new String(p,
                    StandardCharsets.US_ASCII).equals("h2")).findFirst().orElse(SSL.NO_OVERLAPPING_PROTOCOLS));
        }

        Context client = new Context(SSL.TLS_METHOD);
        client.getCertStore().addCert(state.caCertificate);
        client.setVerify(SSL.VERIFY_PEER);
        client.setAlpnProtos(List.of(HTTP11, H2));
        Connection clientConnection = new Connection(client);
        clientConnection.setConnectState();
        clientConnection.setTlsextHostName(ascii("api.localhost"));
        Connection serverConnection = new Connection(main);
        serverConnection.setAcceptState();
        MemoryPair.of(clientConnection, serverConnection).handshake();
        out.println("SNI:   client asked for '" + text(serverConnection.getServername()) + "', server switched "
                + "Context and presented CN=" + clientConnection.getPeerCertificate().getSubject().getCommonName());
        out.println("ALPN:  client offered [http/1.1, h2], both sides agreed on '"
                + text(clientConnection.getAlpnProtoNegotiated()) + "' (" + clientConnection.getProtocolVersionName()
                + ", " + clientConnection.getCipherName() + ", group " + clientConnection.getGroupName() + ")");

        Context tls12Client = new Context(SSL.TLS_METHOD);
        tls12Client.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        Context tls12Server = serverContext(state.serverCertificate, state.serverKey);
        tls12Server.setSessionId(ascii("portcullis-demo"));
        MemoryPair first = MemoryPair.of(tls12Client, tls12Server);
        first.handshake();
        Session session = first.client().getSession();
        Connection again = new Connection(tls12Client);
        again.setConnectState();
        again.setSession(session);
        Connection againServer = new Connection(tls12Server);
        againServer.setAcceptState();
        MemoryPair.of(again, againServer).handshake();
        out.println("resumption: first " + first.client().getProtocolVersionName() + " handshake gave a Session "
                + (session.getTicket() != null ? "with an RFC 5077 ticket (" + session.getTicket().length + " bytes)"
                        : "by session ID")
                + "; the next connection given that Session: sessionReused() = " + again.sessionReused()
                + ", same master key = " + java.util.Arrays.equals(first.client().masterKey(), again.masterKey()));
    }

    private static Context serverContext(X509 certificate, PKey key) throws SslException {
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificate(certificate);
        context.usePrivateKey(key);
        return context;
    }

    private static X509 leaf(String host, PKey key, DemoState state) {
        X509 leaf = new X509();
        leaf.setVersion(2);
        leaf.setSerialNumber(0x2000);
        leaf.getSubject().setCommonName(host);
        leaf.setIssuer(state.caCertificate.getSubject());
        leaf.gmtimeAdjNotBefore(0);
        leaf.gmtimeAdjNotAfter(90L * 24 * 3600);
        leaf.setPubkey(key);
        leaf.addExtensions(List.of(
                new X509Extension("basicConstraints", false, "CA:FALSE"),
                new X509Extension("extendedKeyUsage", false, "serverAuth"),
                new X509Extension("subjectAltName", false, "DNS:" + host)));
        leaf.sign(state.caKey, "sha256");
        return leaf;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "(none)" : new String(bytes, StandardCharsets.US_ASCII);
    }
}
