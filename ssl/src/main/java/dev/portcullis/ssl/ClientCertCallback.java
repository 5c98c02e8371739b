package dev.portcullis.ssl;

import java.util.List;

import dev.portcullis.crypto.X509Name;

/**
 * Chooses the client certificate during the handshake, beyond pyOpenSSL: OpenSSL's
 * {@code SSL_CTX_set_client_cert_cb}, given to {@link Context#setClientCertCallback}. Called on the client when the
 * server asks for a certificate (RFC 8446 §4.3.2, RFC 5246 §7.4.4) and none was set with {@code useCertificate} /
 * {@code usePrivateKey} — so a program can pick from many (a smart card, an NSS database) by what the server accepts.
 *
 * <p>Returns the chain and key to present, or {@code null} to send no certificate (the server decides whether that
 * is acceptable). An exception thrown here fails the handshake (the server gets an {@code internal_error} alert) and
 * is rethrown from the handshake call unchanged; a returned key that does not belong to the certificate fails it with
 * {@link IllegalArgumentException}.
 */
@FunctionalInterface
public interface ClientCertCallback {
    /**
     * @param connection the client connection
     * @param issuers the certificate authorities the server accepts (its {@code certificate_authorities}; empty when
     *     it named none — then any certificate may do)
     * @param signatureAlgorithms the signature schemes the server accepts, by their RFC 8446 names
     *     ({@code "ecdsa_secp256r1_sha256"}, {@code "rsa_pss_rsae_sha256"}, ...), most preferred first
     */
    ClientCertificate select(Connection connection, List<X509Name> issuers, List<String> signatureAlgorithms);
}
