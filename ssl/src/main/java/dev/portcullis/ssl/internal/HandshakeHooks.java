package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.util.Vector;

import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * Where a connection takes part in the handshake bctls runs. The client and server peers call these at the points
 * OpenSSL calls its callbacks; each TLS feature plugs in here rather than in the peers.
 *
 * <p>Slots for the extension features (SNI, ALPN, sessions, OCSP stapling, key logging) are default methods, so a
 * feature is added by implementing its hook in the connection and calling it from the peer at the matching bctls
 * method ({@code getSNIServerNames}/{@code processClientExtensions}, {@code getProtocolNames}/{@code selectProtocolName},
 * {@code getSessionToResume}/{@code notifyHandshakeComplete}, {@code getCertificateStatus}, ...).
 */
public interface HandshakeHooks {
    /**
     * The peer's certificate chain arrived (leaf first). Verify it per the verify mode; throw a {@code TlsFatalAlert}
     * (after {@link TlsEngine#recordFailureReason}) to fail the handshake.
     */
    void peerCertificates(TlsCertificate[] chain) throws IOException;

    /** Server: the client sent an empty Certificate message (in a TLS 1.3 handshake or not). Throw to fail. */
    void noPeerCertificate(boolean tls13) throws IOException;

    /**
     * Client: the server asked for a certificate; our credentials, or {@code null} to send none (the slot for a
     * client-certificate selection callback).
     */
    LocalCredentials clientCredentials(CertificateRequest request) throws IOException;

    /** Server: the credentials for this handshake (called after the ClientHello was read, so SNI can switch them). */
    LocalCredentials serverCredentials() throws IOException;

    /** An alert was sent (info callback). */
    void alertSent(short level, short description);

    /** An alert was received (info callback). */
    void alertReceived(short level, short description);

    /** The handshake completed; the context's security parameters are final. */
    void handshakeComplete(TlsContext context) throws IOException;

    /** Client: SNI host names to send (issue 7), or {@code null}. */
    default Vector<?> serverNames() {
        return null;
    }

    /** Server: the ClientHello's extensions were read (issue 7: SNI callback, ALPN offer). */
    default void clientHelloExtensions(java.util.Hashtable<?, ?> extensions) throws IOException {
    }

    /**
     * Server: the credentials cipher-suite selection should assume (the current context's, which the SNI callback may
     * have switched), or {@code null}; never throws.
     */
    LocalCredentials selectableServerCredentials();

    /** Client: the ALPN protocols to offer (RFC 7301), or {@code null}. */
    default Vector<?> protocolNames() {
        return null;
    }

    /** Server: chooses the ALPN protocol from the client's non-empty offer; {@code null} for none. */
    default org.bouncycastle.tls.ProtocolName selectProtocol(Vector<?> offered) throws IOException {
        return null;
    }

    /** Client: the session to offer for resumption, or {@code null}. */
    default org.bouncycastle.tls.TlsSession sessionToResume() {
        return null;
    }

    /** Server: the cached session with this ID that may be resumed, or {@code null}. */
    default org.bouncycastle.tls.TlsSession sessionToResume(byte[] sessionId) {
        return null;
    }

    /** Server: the ID for a new session, or {@code null} for none (not resumable). */
    default byte[] newSessionId() {
        return null;
    }

    /** Server: the CA names to send in a CertificateRequest ({@code X500Name}s), or {@code null}. */
    default Vector<?> certificateAuthorities() {
        return null;
    }

    /** TLS 1.3: the handshake traffic secrets were derived and are still alive (key logging). */
    default void handshakeKeysReady(TlsContext context) {
    }

    /** Client: whether to ask the server for a stapled OCSP response. */
    default boolean ocspRequested() {
        return false;
    }

    /** Server: whether we can staple (an OCSP server callback is set). */
    default boolean staplesOcsp() {
        return false;
    }

    /** Server: the status to staple, or {@code null}. */
    default org.bouncycastle.tls.CertificateStatus ocspToStaple() throws IOException {
        return null;
    }

    /** Client: the server's certificate arrived with this stapled status ({@code null}: none). */
    default void stapledOcsp(org.bouncycastle.tls.CertificateStatus status) throws IOException {
    }

    /** The only key-exchange groups to use ({@code setTmpEcdh}), or {@code null} for the defaults. */
    default int[] groups() {
        return null;
    }

    /** Server: the DH parameters for TLS 1.2 DHE ({@code loadTmpDh}), or {@code null} for bctls's choice. */
    default org.bouncycastle.tls.crypto.TlsDHConfig dhConfig() {
        return null;
    }

    /** Server, TLS 1.2: the (EC)DHE group chosen, -1 for none or explicit parameters (bctls records only TLS 1.3's). */
    default void tls12GroupSelected(int group) {
    }

    /** Server: whether to promise a NewSessionTicket (RFC 5077) in this handshake. */
    default boolean issuesTicket() {
        return false;
    }

    /** Server: the ticket for the session just negotiated. */
    default org.bouncycastle.tls.NewSessionTicket newTicket(TlsContext context) throws IOException {
        throw new IOException("no session tickets");
    }

    /** Client: the session_ticket extension to send (an empty array asks for a ticket), or {@code null}. */
    default byte[] ticketToOffer() {
        return null;
    }

    /** Client: the server issued a ticket. */
    default void ticketReceived(byte[] ticket) {
    }
}
