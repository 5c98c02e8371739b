package dev.portcullis.ssl;

/**
 * pyOpenSSL's server-name (SNI, RFC 6066 §3) callback, {@code callback(conn)}, given to
 * {@link Context#setTlsextServernameCallback}: called on the server once per ClientHello, after it was read and before
 * the certificate is chosen — also when the client sent no name ({@link Connection#getServername} is then
 * {@code null}).
 *
 * <p>The usual body picks the context for the requested host and calls {@link Connection#setContext}; the certificate
 * and key of that context are then the ones presented. An exception thrown here fails the handshake (the client gets
 * an {@code unrecognized_name} alert) and is rethrown from the handshake call unchanged, never swallowed
 * (pyOpenSSL 26's rule; before 26 it was ignored).
 */
@FunctionalInterface
public interface ServernameCallback {
    /** Looks at {@code connection.getServername()} and may switch the connection's context. */
    void call(Connection connection);
}
