package dev.portcullis.ssl;

/**
 * pyOpenSSL's OCSP client callback, {@code callback(conn, ocsp, data)}, given to {@link Context#setOcspClientCallback}:
 * called exactly once per handshake of a connection that called {@link Connection#requestOcsp}, with the OCSP
 * response the server stapled (DER, RFC 6960) or an empty array when it stapled none. Returning {@code false} fails
 * the handshake ({@code "invalid status response"}); an exception thrown here is rethrown from the handshake.
 * {@link OcspStaple} checks a response against the server's chain. Works in TLS 1.2 (CertificateStatus message) and
 * TLS 1.3 (the response in the leaf's CertificateEntry, RFC 8446 §4.4.2.1).
 */
@FunctionalInterface
public interface OcspClientCallback {
    /** Whether to go on with the handshake. */
    boolean check(Connection connection, byte[] ocsp, Object data);
}
