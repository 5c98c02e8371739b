package dev.portcullis.ssl;

import java.util.List;
import java.util.Objects;

import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.pki.CertificateRole;
import dev.portcullis.crypto.pki.HeldCertificate;
import dev.portcullis.crypto.pki.TrustBundle;

/**
 * Ready TLS peers for tests: {@link Context}s made from {@link HeldCertificate}s, and one-call client/server pairs
 * over memory buffers with a fresh test PKI behind them.
 *
 * <pre>{@code
 * TestPeers.Pair pair = TestPeers.mutualTls();        // root CA, server for localhost/127.0.0.1, client cert
 * pair.memory().handshake();
 * pair.memory().client().sendall("ping".getBytes());
 * byte[] got = pair.memory().receive(pair.memory().server(), 4);
 * }</pre>
 *
 * <p>Client contexts made here verify the server's chain and, through {@link TlsClients}, its name: secure by
 * default, unlike a bare pyOpenSSL {@code Context}.
 */
public final class TestPeers {
    private TestPeers() {
    }

    /** A fresh PKI and a connected-but-not-yet-handshaken memory pair. */
    public record Pair(HeldCertificate root, HeldCertificate server, HeldCertificate client, MemoryPair memory) {
    }

    /**
     * A server {@link Context} presenting {@code identity} (its certificate, intermediates and key). With a
     * non-null {@code clientTrust} it requires a client certificate issued under one of those roots (mutual TLS).
     */
    public static Context serverContext(HeldCertificate identity, TrustBundle clientTrust) {
        Objects.requireNonNull(identity, "identity");
        Context context = new Context(SSL.TLS_SERVER_METHOD);
        context.setMinProtoVersion(SSL.TLS1_2_VERSION);
        useIdentity(context, identity);
        if (clientTrust != null) {
            trust(context, clientTrust);
            context.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
        }
        return context;
    }

    /**
     * A client {@link Context} trusting {@code trust}, verifying the server (TLS 1.2 minimum), presenting
     * {@code identity} when it is not null. Make connections with {@link TlsClients#connection(Context, String)}
     * so that the server's name is checked too.
     */
    public static Context clientContext(TrustBundle trust, HeldCertificate identity) {
        Objects.requireNonNull(trust, "trust");
        Context context = new Context(SSL.TLS_CLIENT_METHOD);
        context.setMinProtoVersion(SSL.TLS1_2_VERSION);
        context.setVerify(SSL.VERIFY_PEER);
        trust(context, trust);
        if (identity != null) {
            useIdentity(context, identity);
        }
        return context;
    }

    /** A memory-BIO server {@link Connection} on {@code context}, already in accept state. */
    public static Connection accepting(Context context) {
        Connection connection = new Connection(Objects.requireNonNull(context, "context"));
        connection.setAcceptState();
        return connection;
    }

    /** A fresh root, a server certificate for {@code localhost} and {@code 127.0.0.1}, and a memory pair. */
    public static Pair tls() {
        return pair(false);
    }

    /** As {@link #tls()}, plus a client certificate the server requires (mutual TLS). */
    public static Pair mutualTls() {
        return pair(true);
    }

    private static Pair pair(boolean mutual) {
        HeldCertificate root = HeldCertificate.builder().commonName("Portcullis Test Root").ca(0).build();
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost", "127.0.0.1")
                .signedBy(root).build();
        HeldCertificate client = mutual ? HeldCertificate.builder().commonName("Portcullis Test Client")
                .role(CertificateRole.TLS_CLIENT).signedBy(root).build() : null;
        TrustBundle trust = TrustBundle.of(root);
        Context serverContext = serverContext(server, mutual ? trust : null);
        Context clientContext = clientContext(trust, client);
        Connection serverConnection = accepting(serverContext);
        Connection clientConnection = TlsClients.connection(clientContext, "localhost");
        return new Pair(root, server, client, MemoryPair.of(clientConnection, serverConnection));
    }

    private static void useIdentity(Context context, HeldCertificate identity) {
        List<X509> path = identity.certificatePath();
        try {
            context.useCertificate(path.get(0));
            for (X509 intermediate : path.subList(1, path.size())) {
                context.addExtraChainCert(intermediate);
            }
            context.usePrivateKey(identity.key());
            context.checkPrivateKey();
        } catch (SslException e) {
            throw new IllegalArgumentException("cannot use " + identity + " as a TLS identity: " + e.getMessage(), e);
        }
    }

    private static void trust(Context context, TrustBundle trust) {
        for (X509 root : trust.roots()) {
            context.getCertStore().addCert(root);
        }
    }
}
