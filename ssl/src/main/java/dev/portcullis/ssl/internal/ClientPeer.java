package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.util.Vector;

import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;

/** The bctls client for one handshake: settings from a {@link PeerConfig}, decisions delegated to {@link HandshakeHooks}. */
public final class ClientPeer extends DefaultTlsClient {
    private final PeerConfig config;
    private final HandshakeHooks hooks;

    public ClientPeer(PeerConfig config, HandshakeHooks hooks) {
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
    protected Vector getSNIServerNames() {
        return hooks.serverNames();
    }

    @Override
    public org.bouncycastle.tls.TlsSession getSessionToResume() {
        return hooks.sessionToResume();
    }

    @Override
    protected org.bouncycastle.tls.CertificateStatusRequest getCertificateStatusRequest() {
        if (!hooks.ocspRequested()) {
            return null;
        }
        return new org.bouncycastle.tls.CertificateStatusRequest(org.bouncycastle.tls.CertificateStatusType.ocsp,
                new org.bouncycastle.tls.OCSPStatusRequest(null, null));
    }

    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        int[] groups = hooks.groups();
        if (groups == null) {
            return super.getSupportedGroups(namedGroupRoles);
        }
        Vector<Integer> restricted = new Vector<>();
        for (int group : groups) {
            restricted.add(group);
        }
        return restricted;
    }

    @Override
    public java.util.Hashtable getClientExtensions() throws IOException {
        java.util.Hashtable extensions = super.getClientExtensions();
        byte[] ticket = hooks.ticketToOffer();
        if (ticket != null) {
            extensions.put(org.bouncycastle.tls.ExtensionType.session_ticket, ticket);
        }
        return extensions;
    }

    @Override
    public void notifyNewSessionTicket(org.bouncycastle.tls.NewSessionTicket newSessionTicket) throws IOException {
        hooks.ticketReceived(newSessionTicket.getTicket());
    }

    @Override
    protected Vector getProtocolNames() {
        return hooks.protocolNames();
    }

    /** RFC 7301 §3.2: the server must choose one of the offered protocols (OpenSSL: "bad extension"). */
    @Override
    public void processServerExtensions(java.util.Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        if (org.bouncycastle.tls.TlsUtils.isTLSv13(context)) {
            hooks.handshakeKeysReady(context); // TLS 1.3 EncryptedExtensions arrive under the handshake keys
        }
        org.bouncycastle.tls.ProtocolName chosen = serverExtensions == null ? null
                : org.bouncycastle.tls.TlsExtensionsUtils.getALPNExtensionServer(serverExtensions);
        Vector<?> offered = chosen == null ? null : hooks.protocolNames();
        if (chosen != null && (offered == null || !offered.contains(chosen))) {
            throw new org.bouncycastle.tls.TlsFatalAlert(org.bouncycastle.tls.AlertDescription.illegal_parameter,
                    "the server chose an ALPN protocol that was not offered");
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                hooks.peerCertificates(serverCertificate.getCertificate().getCertificateList());
                hooks.stapledOcsp(stapledStatus(serverCertificate));
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                LocalCredentials credentials = hooks.clientCredentials(request);
                if (credentials == null) {
                    return null;
                }
                return credentials.credentialsFor(context, request.getSupportedSignatureAlgorithms(),
                        request.getCertificateRequestContext());
            }
        };
    }

    /**
     * The stapled OCSP status: TLS 1.2's CertificateStatus message (bctls hands it over), or in TLS 1.3 the
     * status_request extension of the leaf's CertificateEntry (RFC 8446 §4.4.2.1), which bctls 1.84 parses but does not
     * hand over.
     */
    private org.bouncycastle.tls.CertificateStatus stapledStatus(TlsServerCertificate serverCertificate)
            throws IOException {
        org.bouncycastle.tls.CertificateStatus status = serverCertificate.getCertificateStatus();
        org.bouncycastle.tls.Certificate certificate = serverCertificate.getCertificate();
        if (status != null || certificate == null || certificate.isEmpty()
                || !org.bouncycastle.tls.TlsUtils.isTLSv13(context)) {
            return status;
        }
        java.util.Hashtable<?, ?> extensions = certificate.getCertificateEntryAt(0).getExtensions();
        byte[] data = extensions == null ? null
                : org.bouncycastle.tls.TlsUtils.getExtensionData(extensions,
                        org.bouncycastle.tls.ExtensionType.status_request);
        if (data == null) {
            return null;
        }
        return org.bouncycastle.tls.CertificateStatus.parse(context, new java.io.ByteArrayInputStream(data));
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

    @Override
    public boolean requiresExtendedMasterSecret() {
        return false;
    }
}
