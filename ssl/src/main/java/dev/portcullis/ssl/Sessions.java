package dev.portcullis.ssl;

import org.bouncycastle.tls.SessionParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;

import dev.portcullis.rand.Rand;
import dev.portcullis.ssl.internal.HybridTlsCrypto;

/** Session resumption for a connection's handshake: what the client offers, what the server finds and keeps. */
final class Sessions {
    private static final int ID_LENGTH = 32;

    private Sessions() {
    }

    /**
     * Client: the session {@link Connection#setSession} asked for, if it can still resume. A copy is offered, because
     * bctls invalidates the session it offered when the server declines it, and a {@link Session} stays usable.
     */
    static TlsSession toOffer(Connection connection) {
        Session session = connection.sessionToResume();
        if (session == null || !session.isResumable()) {
            return null;
        }
        TlsSession copy = detached(session.tlsSession());
        if (copy == null || session.ticket() == null) {
            return copy;
        }
        // RFC 5077 §3.4: with a ticket the client picks a session ID, which the server echoes when it resumes
        return TlsUtils.importSession(newId(), copy.exportSessionParameters());
    }

    /** Client: the session_ticket extension: the ticket to resume with, empty to ask for one, null with OP_NO_TICKET. */
    static byte[] ticketToOffer(Connection connection) {
        if ((connection.options() & SSL.OP_NO_TICKET) != 0) {
            return null;
        }
        Session session = connection.sessionToResume();
        byte[] ticket = session != null && session.isResumable() ? session.ticket() : null;
        return ticket != null ? ticket.clone() : TlsUtils.EMPTY_BYTES;
    }

    /** Server: promise a ticket when the client asked for one and OP_NO_TICKET is not set (OpenSSL's default). */
    static boolean issuesTicket(Connection connection) {
        return connection.offeredTicket() != null && (connection.options() & SSL.OP_NO_TICKET) == 0;
    }

    /** Server: seals the new session's state into a ticket (lifetime hint: the Context's timeout). */
    static org.bouncycastle.tls.NewSessionTicket newTicket(Connection connection, TlsContext tls)
            throws java.io.IOException {
        org.bouncycastle.tls.SecurityParameters parameters = tls.getSecurityParametersHandshake();
        byte[] master = dev.portcullis.ssl.internal.SecretBytes.copyOf(parameters.getMasterSecret());
        if (master == null) {
            throw new java.io.IOException("no master secret for a session ticket");
        }
        Context context = connection.getContext();
        try {
            byte[] ticket = context.sessionTickets().seal(parameters.getNegotiatedVersion(),
                    parameters.getCipherSuite(), parameters.isExtendedMasterSecret(), context.sessionIdContext(),
                    master);
            return new org.bouncycastle.tls.NewSessionTicket(context.getTimeout(), ticket);
        } finally {
            java.util.Arrays.fill(master, (byte) 0);
        }
    }

    /**
     * A copy of {@code session} with its own copy of the master secret: bctls destroys the secret of a session it
     * offered or resumed ({@code SessionParameters.clear()}), and the copies in {@link Session}s and the cache must
     * outlive every handshake that uses them. {@code null} when the session cannot be copied (already destroyed).
     */
    static TlsSession detached(TlsSession session) {
        SessionParameters parameters = session == null ? null : session.exportSessionParameters();
        if (parameters == null || parameters.getMasterSecret() == null) {
            return null;
        }
        try {
            SessionParameters copy = new SessionParameters.Builder()
                    .setCipherSuite(parameters.getCipherSuite())
                    .setExtendedMasterSecret(parameters.isExtendedMasterSecret())
                    .setLocalCertificate(parameters.getLocalCertificate())
                    .setMasterSecret(HybridTlsCrypto.shared().adoptSecret(parameters.getMasterSecret()))
                    .setNegotiatedVersion(parameters.getNegotiatedVersion())
                    .setPeerCertificate(parameters.getPeerCertificate())
                    .setPSKIdentity(parameters.getPSKIdentity())
                    .setSRPIdentity(parameters.getSRPIdentity())
                    .setServerExtensions(parameters.readServerExtensions())
                    .build();
            return TlsUtils.importSession(session.getSessionID(), copy);
        } catch (java.io.IOException | RuntimeException e) {
            return null; // a destroyed or unreadable session resumes nothing; a full handshake follows
        }
    }

    /** Server: a session from the current Context's cache (same session ID context, not expired), or null. */
    static TlsSession cached(Connection connection, byte[] id) {
        Context context = connection.getContext();
        byte[] ticket = connection.offeredTicket();
        if (ticket != null && ticket.length > 0 && id != null && id.length > 0) {
            SessionParameters parameters = context.sessionTickets().open(ticket, context.sessionIdContext(),
                    context.getTimeout());
            if (parameters != null) {
                return TlsUtils.importSession(id, parameters);
            }
        }
        int mode = context.getSessionCacheMode();
        if ((mode & SSL.SESS_CACHE_SERVER) == 0 || (mode & SSL.SESS_CACHE_NO_INTERNAL_LOOKUP) != 0 || id == null
                || id.length == 0) {
            return null;
        }
        Session session = context.sessionCache().get(id, context.sessionIdContext());
        return session == null || !session.isResumable() ? null : detached(session.tlsSession());
    }

    /** The just-negotiated TLS 1.2 session as a bctls session under {@code id} (for resumption by ticket). */
    private static TlsSession fromParameters(TlsContext tls, byte[] id) {
        org.bouncycastle.tls.SecurityParameters sp = tls.getSecurityParametersHandshake() != null
                ? tls.getSecurityParametersHandshake() : tls.getSecurityParametersConnection();
        if (sp == null || sp.getMasterSecret() == null || !sp.getMasterSecret().isAlive()) {
            return null;
        }
        SessionParameters parameters = new SessionParameters.Builder()
                .setCipherSuite(sp.getCipherSuite())
                .setExtendedMasterSecret(sp.isExtendedMasterSecret())
                .setNegotiatedVersion(sp.getNegotiatedVersion())
                .setPeerCertificate(sp.getPeerCertificate())
                .setMasterSecret(HybridTlsCrypto.shared().adoptSecret(sp.getMasterSecret()))
                .build();
        return TlsUtils.importSession(id, parameters);
    }

    /** Server: a fresh random session ID (RFC 5246 §7.4.1.3: up to 32 bytes, chosen by the server). */
    static byte[] newId() {
        byte[] id = new byte[ID_LENGTH];
        Rand.secureRandom().nextBytes(id);
        return id;
    }

    /** Records the connection's session when its handshake completes; a server also caches a new one. */
    static void completed(Connection connection, TlsContext tls) {
        Context context = connection.getContext();
        TlsSession resumable = detached(tls.getResumableSession());
        byte[] ticket = connection.receivedTicket();
        if (ticket == null && connection.sessionReused() && connection.sessionToResume() != null) {
            ticket = connection.sessionToResume().ticket(); // resumed by ticket, no new one: keep the old
        }
        if (ticket != null && (resumable == null || resumable.getSessionID().length == 0)) {
            // bctls makes no resumable session when a ticket replaces the ID; the ID here is a placeholder, a fresh
            // one is chosen for every offer
            resumable = fromParameters(tls, newId());
        }
        Session session = new Session(resumable, context, context.sessionIdContext(), context.getTimeout(), ticket);
        connection.recordSession(session);
        boolean server = !Boolean.TRUE.equals(connection.engine().clientMode());
        if (server && resumable != null && !connection.sessionReused()
                && (context.getSessionCacheMode() & SSL.SESS_CACHE_SERVER) != 0
                && (context.getSessionCacheMode() & SSL.SESS_CACHE_NO_INTERNAL_STORE) == 0 && session.isResumable()) {
            context.sessionCache().put(session);
        }
    }
}
