package dev.portcullis.ssl;

/**
 * pyOpenSSL's OCSP server callback, {@code callback(conn, data)}, given to {@link Context#setOcspServerCallback}:
 * supplies the OCSP response to staple to our certificate (RFC 6066 §8, "status_request"), when a client asked for
 * one ({@link Connection#requestOcsp}). Returns the DER {@code OCSPResponse} (RFC 6960 §4.2.1), or an empty array
 * to staple nothing. {@code null}, or bytes that are not an OCSPResponse, fail the handshake with
 * {@link IllegalArgumentException}; an exception thrown here is rethrown from the handshake unchanged.
 *
 * <p>TLS 1.2 sends the response in a CertificateStatus message; TLS 1.3 in the status_request extension of our leaf's
 * CertificateEntry (RFC 8446 §4.4.2.1).
 */
@FunctionalInterface
public interface OcspServerCallback {
    /** The DER OCSP response to staple, or an empty array for none. */
    byte[] staple(Connection connection, Object data);
}
