package dev.portcullis.ssl;

import org.bouncycastle.tls.TlsSession;

/**
 * pyOpenSSL's {@code SSL.Session}: what a client keeps to resume a TLS session later — an abbreviated handshake that
 * reuses the agreed master secret instead of a new key exchange and certificate check (RFC 5246 §7.3, "session
 * resumption"). Obtained from {@link Connection#getSession} after a handshake and handed to
 * {@link Connection#setSession} on a new connection from the <em>same</em> {@link Context}.
 *
 * <p>What resumes: TLS 1.2 (and 1.0/1.1) sessions by session ID, which the server keeps in its Context's cache
 * ({@link Context#setSessionCacheMode}, {@link Context#setTimeout}, {@link Context#setSessionId}), and by RFC 5077
 * session ticket, which the server issues unless {@link SSL#OP_NO_TICKET} is set (see {@code SessionTickets}). What
 * does not: TLS 1.3 — Bouncy Castle's TLS engine (bctls 1.84) never sends a TLS 1.3 NewSessionTicket and its client
 * discards the ones it receives, so there is no PSK resumption; a TLS 1.3 session (or a {@code new Session()}) is
 * not resumable and a connection given one makes a full handshake, as OpenSSL does with an unusable session.
 *
 * <p>Immutable; may be shared between threads.
 */
public final class Session {
    private final TlsSession session;
    private final Context owner;
    private final byte[] idContext;
    private final long createdMillis;
    private final long timeoutSeconds;
    private final byte[] ticket;

    /** An empty session, as pyOpenSSL's {@code Session()}: it resumes nothing. */
    public Session() {
        this(null, null, new byte[0], 0, null);
    }

    Session(TlsSession session, Context owner, byte[] idContext, long timeoutSeconds, byte[] ticket) {
        this.session = session;
        this.ticket = ticket;
        this.owner = owner;
        this.idContext = idContext;
        this.createdMillis = System.currentTimeMillis();
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Whether a handshake can resume this session (TLS 1.2 or below, with a session ID or a ticket, not expired). */
    public boolean isResumable() {
        return session != null && session.isResumable() && (session.getSessionID().length > 0 || ticket != null)
                && !isExpired();
    }

    /** The RFC 5077 ticket the server issued, or {@code null}; opaque (only the issuing server can read it). */
    public byte[] getTicket() {
        return ticket == null ? null : ticket.clone();
    }

    byte[] ticket() {
        return ticket;
    }

    /** The session ID the server assigned (empty when none). */
    public byte[] getId() {
        return session == null ? new byte[0] : session.getSessionID().clone();
    }

    /** The lifetime in seconds, from the Context's {@link Context#getTimeout} when the session was made. */
    public long getTimeout() {
        return timeoutSeconds;
    }

    boolean isExpired() {
        return System.currentTimeMillis() - createdMillis > timeoutSeconds * 1000L;
    }

    TlsSession tlsSession() {
        return session;
    }

    Context owner() {
        return owner;
    }

    byte[] idContext() {
        return idContext;
    }

    /** No secrets: the ID in hex. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Session[");
        for (byte b : getId()) {
            text.append(String.format("%02x", b));
        }
        return text.append(']').toString();
    }
}
