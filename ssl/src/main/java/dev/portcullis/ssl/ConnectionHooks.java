package dev.portcullis.ssl;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.crypto.TlsCertificate;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.internal.verify.CertInfo;
import dev.portcullis.crypto.internal.verify.VerifyOutcome;
import dev.portcullis.ssl.internal.ClientPeer;
import dev.portcullis.ssl.internal.HandshakeHooks;
import dev.portcullis.ssl.internal.KeyingMaterial;
import dev.portcullis.ssl.internal.LocalCredentials;
import dev.portcullis.ssl.internal.PeerConfig;
import dev.portcullis.ssl.internal.ServerPeer;
import dev.portcullis.ssl.internal.TlsEngine;

/**
 * A connection's part in the handshake: builds the bctls peer from the context, supplies credentials, judges the
 * peer's certificates, reports events to the info callback and records what was negotiated.
 */
final class ConnectionHooks implements HandshakeHooks, TlsEngine.Host {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Connection connection;
    private PeerConfig config;
    private KeyingMaterial exporter;

    ConnectionHooks(Connection connection) {
        this.connection = connection;
    }

    // ---------------------------------------------------------------- TlsEngine.Host

    @Override
    public TlsPeer createPeer(boolean client) throws IOException {
        config = connection.peerConfig();
        return client ? new ClientPeer(config, this) : new ServerPeer(config, this);
    }

    @Override
    public void handshakeStarted() {
        info(SSL.SSL_CB_HANDSHAKE_START, 1);
        info(loop(), 1);
    }

    @Override
    public void handshakeCompleted() {
        info(SSL.SSL_CB_HANDSHAKE_DONE, 1);
        info(exit(), 1);
    }

    @Override
    public boolean ignoreUnexpectedEof() {
        return (connection.options() & SSL.OP_IGNORE_UNEXPECTED_EOF) != 0;
    }

    // ---------------------------------------------------------------- HandshakeHooks

    @Override
    public void peerCertificates(TlsCertificate[] chain) throws IOException {
        info(loop(), 1);
        List<byte[]> der = new ArrayList<>(chain.length);
        for (TlsCertificate certificate : chain) {
            der.add(certificate.getEncoded());
        }
        connection.recordReceivedPeerChain(der);
        PeerVerification.VerifySettings settings = connection.verifySettings();
        if (!config.verifyPeer() && settings.callback() == null) {
            return; // nothing to judge; getVerifiedChain() builds the chain on request
        }
        List<CertInfo> certificates = PeerVerification.parse(chain);
        boolean peerIsServer = Boolean.TRUE.equals(connection.engine().clientMode());
        VerifyOutcome outcome = PeerVerification.verify(connection, certificates, peerIsServer, settings, e -> {
            if (settings.contextCallback()) {
                connection.engine().recordCallbackFailure(e);
            } else {
                LOG.log(Level.DEBUG, "exception from a Connection verify callback (fails verification)", e);
            }
        });
        connection.recordVerifiedChain(toX509(outcome.chain()));
        if (!outcome.ok() && config.verifyPeer()) {
            connection.engine().recordFailureReason("certificate verify failed");
            throw PeerVerification.alertFor(outcome);
        }
    }

    /** Builds the verified chain after a handshake that did not verify ({@code VERIFY_NONE}). */
    List<X509> verifiedChainAfterTheFact() {
        List<byte[]> der = connection.peerChainDer();
        List<CertInfo> certificates = new ArrayList<>();
        for (byte[] d : der) {
            certificates.add(CertInfo.of(d));
        }
        boolean peerIsServer = Boolean.TRUE.equals(connection.engine().clientMode());
        PeerVerification.VerifySettings settings = connection.verifySettings();
        PeerVerification.VerifySettings quiet = new PeerVerification.VerifySettings(null, false, settings.depth(),
                settings.identity());
        VerifyOutcome outcome = PeerVerification.verify(connection, certificates, peerIsServer, quiet, e -> { });
        return toX509(outcome.chain());
    }

    private static List<X509> toX509(List<CertInfo> chain) {
        List<X509> result = new ArrayList<>(chain.size());
        for (CertInfo c : chain) {
            result.add(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, c.encoded()));
        }
        return result;
    }

    @Override
    public void noPeerCertificate(boolean tls13) throws IOException {
        if (config.verifyPeer() && config.failIfNoPeerCertificate()) {
            connection.engine().recordFailureReason("peer did not return a certificate");
            short alert = tls13 ? AlertDescription.certificate_required : AlertDescription.handshake_failure;
            throw new TlsFatalAlert(alert, "the client sent no certificate");
        }
    }

    @Override
    public LocalCredentials clientCredentials(CertificateRequest request) throws IOException {
        List<dev.portcullis.crypto.X509Name> issuers = ClientCertificates.fromWire(request);
        connection.recordReceivedCaList(issuers);
        LocalCredentials own = connection.localCredentials();
        ClientCertCallback callback = connection.getContext().clientCertCallback();
        if (own != null || callback == null) {
            return own;
        }
        return ClientCertificates.select(connection, callback, issuers, ClientCertificates.signatureNames(request));
    }

    @Override
    public java.util.Vector<?> certificateAuthorities() {
        return ClientCertificates.toWire(connection.getContext().clientCaList());
    }

    @Override
    public LocalCredentials serverCredentials() throws IOException {
        LocalCredentials credentials = connection.localCredentials();
        if (credentials == null) {
            connection.engine().recordFailureReason("no shared cipher");
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "the server has no certificate and key");
        }
        return credentials;
    }

    @Override
    public void alertSent(short level, short description) {
        info(SSL.SSL_CB_WRITE_ALERT, (level << 8) | description);
    }

    @Override
    public void alertReceived(short level, short description) {
        info(SSL.SSL_CB_READ_ALERT, (level << 8) | description);
    }

    @Override
    public void handshakeComplete(TlsContext context) {
        org.bouncycastle.tls.SecurityParameters parameters = context.getSecurityParametersHandshake();
        exporter = KeyingMaterial.capture(parameters != null ? parameters : context.getSecurityParametersConnection());
        connection.recordHandshake(HandshakeResult.capture(context));
        Sessions.completed(connection, context);
        KeyLog.completed(connection, parameters != null ? parameters : context.getSecurityParametersConnection());
    }

    @Override
    public void handshakeKeysReady(TlsContext context) {
        KeyLog.handshakeKeys(connection, context.getSecurityParametersHandshake());
    }

    // ---------------------------------------------------------------- groups

    private int tls12Group = -1;

    @Override
    public void tls12GroupSelected(int group) {
        tls12Group = group;
    }

    /** The negotiated group: bctls's for TLS 1.3, the server's own record for TLS 1.2 (-1 when unknown). */
    int negotiatedGroup(int fromBctls) {
        return fromBctls >= 0 ? fromBctls : tls12Group;
    }

    @Override
    public int[] groups() {
        return connection.getContext().groups();
    }

    @Override
    public org.bouncycastle.tls.crypto.TlsDHConfig dhConfig() {
        org.bouncycastle.tls.crypto.DHGroup parameters = connection.getContext().dhParameters();
        if (parameters == null) {
            return null;
        }
        int named = Groups.ffdheGroupOf(parameters);
        return named >= 0 ? new org.bouncycastle.tls.crypto.TlsDHConfig(named, false)
                : new org.bouncycastle.tls.crypto.TlsDHConfig(parameters);
    }

    // ---------------------------------------------------------------- OCSP stapling (RFC 6066 §8)

    @Override
    public boolean ocspRequested() {
        return connection.ocspRequested();
    }

    @Override
    public boolean staplesOcsp() {
        return connection.getContext().ocspServerCallback() != null;
    }

    @Override
    public org.bouncycastle.tls.CertificateStatus ocspToStaple() throws IOException {
        return OcspStapling.toStaple(connection);
    }

    @Override
    public void stapledOcsp(org.bouncycastle.tls.CertificateStatus status) throws IOException {
        OcspStapling.check(connection, status);
    }

    // ---------------------------------------------------------------- sessions

    @Override
    public org.bouncycastle.tls.TlsSession sessionToResume() {
        return Sessions.toOffer(connection);
    }

    @Override
    public org.bouncycastle.tls.TlsSession sessionToResume(byte[] sessionId) {
        return Sessions.cached(connection, sessionId);
    }

    @Override
    public byte[] newSessionId() {
        return Sessions.newId();
    }

    @Override
    public boolean issuesTicket() {
        return Sessions.issuesTicket(connection);
    }

    @Override
    public org.bouncycastle.tls.NewSessionTicket newTicket(TlsContext context) throws IOException {
        return Sessions.newTicket(connection, context);
    }

    @Override
    public byte[] ticketToOffer() {
        return Sessions.ticketToOffer(connection);
    }

    @Override
    public void ticketReceived(byte[] ticket) {
        connection.recordReceivedTicket(ticket.clone());
    }

    /** {@link Connection#exportKeyingMaterial}: from the exporter secret captured when the handshake completed. */
    byte[] exportKeyingMaterial(byte[] label, int length, byte[] context) throws SslException {
        if (label == null) {
            throw new IllegalArgumentException("label must be a byte string, not null");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, got " + length);
        }
        if (exporter == null || !connection.engine().isHandshakeDone()) {
            throw new SslException(List.of());
        }
        try {
            return exporter.export(new String(label, java.nio.charset.StandardCharsets.US_ASCII),
                    context == null ? null : context.clone(), length);
        } catch (IOException | RuntimeException e) {
            throw new SslException(String.valueOf(e.getMessage()), e);
        }
    }

    // ---------------------------------------------------------------- SNI (RFC 6066 §3)

    @Override
    public java.util.Vector<?> serverNames() {
        byte[] name = connection.requestedServerName();
        if (name == null) {
            return null;
        }
        java.util.Vector<ServerName> names = new java.util.Vector<>();
        names.add(new ServerName(NameType.host_name, name));
        return names;
    }

    @Override
    public void clientHelloExtensions(java.util.Hashtable<?, ?> extensions) throws IOException {
        java.util.Vector<?> names = TlsExtensionsUtils.getServerNameExtensionClient(extensions);
        if (names != null) {
            for (Object entry : names) {
                ServerName name = (ServerName) entry;
                if (name.getNameType() == NameType.host_name) {
                    connection.recordReceivedServerName(name.getNameData());
                    break;
                }
            }
        }
        connection.recordOfferedTicket(org.bouncycastle.tls.TlsUtils.getExtensionData(extensions,
                org.bouncycastle.tls.ExtensionType.session_ticket));
        ServernameCallback callback = connection.getContext().servernameCallback();
        if (callback == null) {
            return;
        }
        try {
            callback.call(connection);
        } catch (RuntimeException e) {
            connection.engine().recordCallbackFailure(e);
            connection.engine().recordFailureReason("callback failed");
            throw new TlsFatalAlert(AlertDescription.unrecognized_name, "the server-name callback failed");
        }
    }

    @Override
    public LocalCredentials selectableServerCredentials() {
        try {
            return connection.localCredentials();
        } catch (SslException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- ALPN (RFC 7301)

    @Override
    public java.util.Vector<?> protocolNames() {
        return Alpn.toWire(connection.alpnOffer());
    }

    @Override
    public org.bouncycastle.tls.ProtocolName selectProtocol(java.util.Vector<?> offered) throws IOException {
        AlpnSelectCallback callback = connection.getContext().alpnSelectCallback();
        return callback == null ? null : Alpn.select(connection, callback, offered);
    }

    // ---------------------------------------------------------------- info callback

    private int loop() {
        return Boolean.TRUE.equals(connection.engine().clientMode()) ? SSL.SSL_CB_CONNECT_LOOP : SSL.SSL_CB_ACCEPT_LOOP;
    }

    private int exit() {
        return Boolean.TRUE.equals(connection.engine().clientMode()) ? SSL.SSL_CB_CONNECT_EXIT : SSL.SSL_CB_ACCEPT_EXIT;
    }

    /** Calls the info callback; as in pyOpenSSL its exceptions are reported and ignored. */
    void info(int where, int ret) {
        InfoCallback callback = connection.infoCallback();
        if (callback == null) {
            return;
        }
        try {
            callback.info(connection, where, ret);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "exception ignored from the info callback", e);
        }
    }
}
