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
        return detached(session.tlsSession());
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
        int mode = context.getSessionCacheMode();
        if ((mode & SSL.SESS_CACHE_SERVER) == 0 || (mode & SSL.SESS_CACHE_NO_INTERNAL_LOOKUP) != 0 || id == null
                || id.length == 0) {
            return null;
        }
        Session session = context.sessionCache().get(id, context.sessionIdContext());
        return session == null || !session.isResumable() ? null : detached(session.tlsSession());
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
        Session session = new Session(resumable, context, context.sessionIdContext(), context.getTimeout());
        connection.recordSession(session);
        boolean server = !Boolean.TRUE.equals(connection.engine().clientMode());
        if (server && resumable != null && !connection.sessionReused()
                && (context.getSessionCacheMode() & SSL.SESS_CACHE_SERVER) != 0
                && (context.getSessionCacheMode() & SSL.SESS_CACHE_NO_INTERNAL_STORE) == 0 && session.isResumable()) {
            context.sessionCache().put(session);
        }
    }
}
