package dev.portcullis.ssl;

import java.util.List;

/**
 * pyOpenSSL's ALPN selection callback (Application-Layer Protocol Negotiation, RFC 7301), {@code callback(conn,
 * protos)}, given to {@link Context#setAlpnSelectCallback}: the server sees the protocols the client offered, in the
 * client's order, and returns the one to speak.
 *
 * <p>Returns: one of the offered protocols (both sides then report it from
 * {@link Connection#getAlpnProtoNegotiated}); {@link SSL#NO_OVERLAPPING_PROTOCOLS} (that very array) to go on
 * without ALPN; an empty array to fail the handshake ({@code no_application_protocol} alert). {@code null} is a
 * programming error: the handshake fails and {@link IllegalArgumentException} is thrown from it. An exception thrown
 * here is rethrown from the handshake unchanged. Called only when the client offered ALPN.
 */
@FunctionalInterface
public interface AlpnSelectCallback {
    /** Chooses the protocol from {@code offered} (never empty). */
    byte[] select(Connection connection, List<byte[]> offered);
}
