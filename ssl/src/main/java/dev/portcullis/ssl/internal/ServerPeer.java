package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsUtils;

/** The bctls server for one handshake: settings from a {@link PeerConfig}, decisions delegated to {@link HandshakeHooks}. */
public final class ServerPeer extends DefaultTlsServer {
    private final PeerConfig config;
    private final HandshakeHooks hooks;

    public ServerPeer(PeerConfig config, HandshakeHooks hooks) {
        super(HybridTlsCrypto.shared());
        this.config = config;
        this.hooks = hooks;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return config.versions();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return config.cipherSuites();
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        return config.serverPreference();
    }

    @Override
    protected boolean isSelectableCipherSuite(int cipherSuite, int availCurveBits, int availFiniteFieldBits,
            Vector sigAlgs) {
        LocalCredentials credentials = hooks.selectableServerCredentials();
        return credentials != null && credentials.suits(TlsUtils.getKeyExchangeAlgorithm(cipherSuite))
                && super.isSelectableCipherSuite(cipherSuite, availCurveBits, availFiniteFieldBits, sigAlgs);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        hooks.clientHelloExtensions(clientExtensions); // SNI first, as OpenSSL: it may switch the context ALPN uses
        super.processClientExtensions(clientExtensions);
    }

    @Override
    protected ProtocolName selectProtocolName() throws IOException {
        return hooks.selectProtocol(clientProtocolNames);
    }

    @Override
    public org.bouncycastle.tls.TlsSession getSessionToResume(byte[] sessionID) {
        return hooks.sessionToResume(sessionID);
    }

    @Override
    public byte[] getNewSessionID() {
        return hooks.newSessionId();
    }

    @Override
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        if (!TlsUtils.isTLSv13(context) && hooks.issuesTicket()) {
            extensions.put(org.bouncycastle.tls.ExtensionType.session_ticket, TlsUtils.EMPTY_BYTES);
        }
        return extensions;
    }

    @Override
    public org.bouncycastle.tls.NewSessionTicket getNewSessionTicket() throws IOException {
        return hooks.newTicket(context);
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context)) {
            hooks.handshakeKeysReady(context); // bctls asks for TLS 1.3 credentials after deriving handshake keys
        }
        LocalCredentials credentials = hooks.serverCredentials();
        if (credentials == null) {
            return null;
        }
        // TLS 1.3 staples inside the Certificate message; TLS 1.2 uses getCertificateStatus()
        org.bouncycastle.tls.CertificateStatus status = TlsUtils.isTLSv13(context) && certificateStatusRequest != null
                ? hooks.ocspToStaple() : null;
        return credentials.credentialsFor(context, context.getSecurityParametersHandshake().getClientSigAlgs(),
                TlsUtils.EMPTY_BYTES, status);
    }

    @Override
    public int[] getSupportedGroups() throws IOException {
        int[] groups = hooks.groups();
        return groups != null ? groups.clone() : super.getSupportedGroups();
    }

    @Override
    protected int selectECDH(int minimumCurveBits) {
        int[] groups = hooks.groups();
        int selected = -1;
        if (groups == null) {
            selected = super.selectECDH(minimumCurveBits);
        } else {
            int[] offered = context.getSecurityParametersHandshake().getClientSupportedGroups();
            for (int group : groups) {
                if (offered == null || org.bouncycastle.util.Arrays.contains(offered, group)) {
                    selected = group;
                    break;
                }
            }
        }
        hooks.tls12GroupSelected(selected);
        return selected;
    }

    @Override
    public org.bouncycastle.tls.crypto.TlsDHConfig getDHConfig() throws IOException {
        org.bouncycastle.tls.crypto.TlsDHConfig config = hooks.dhConfig();
        config = config != null ? config : super.getDHConfig();
        hooks.tls12GroupSelected(config == null ? -1 : config.getNamedGroup());
        return config;
    }

    @Override
    protected boolean allowCertificateStatus() {
        return hooks.staplesOcsp();
    }

    @Override
    public org.bouncycastle.tls.CertificateStatus getCertificateStatus() throws IOException {
        return hooks.ocspToStaple();
    }

    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        if (!config.verifyPeer()) {
            return null;
        }
        Vector<?> schemes = TlsUtils.isTLSv12(context) ? TlsUtils.getDefaultSupportedSignatureAlgorithms(context) : null;
        Vector<?> authorities = hooks.certificateAuthorities();
        if (TlsUtils.isTLSv13(context)) {
            return new CertificateRequest(TlsUtils.EMPTY_BYTES, schemes, null, authorities);
        }
        short[] types = {ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign};
        return new CertificateRequest(types, schemes, authorities);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            hooks.noPeerCertificate(TlsUtils.isTLSv13(context));
            return;
        }
        hooks.peerCertificates(clientCertificate.getCertificateList());
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        hooks.alertSent(level, description);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        hooks.alertReceived(level, description);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        hooks.handshakeComplete(context);
    }
}
