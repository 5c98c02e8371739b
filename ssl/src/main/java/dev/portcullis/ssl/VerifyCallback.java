package dev.portcullis.ssl;

import dev.portcullis.crypto.X509;

/**
 * pyOpenSSL's verify callback, {@code callback(conn, cert, errnum, depth, ok)}, given to
 * {@link Context#setVerify(int, VerifyCallback)} or {@link Connection#setVerify(int, VerifyCallback)}.
 *
 * <p>While verifying the peer's chain, the engine (OpenSSL 3.0's {@code X509_verify_cert} rules) calls it once per
 * certificate, from the trust anchor (highest depth) down to the peer's own certificate (depth 0), with
 * {@code ok = 1} — and, before that, once for every problem it finds, with {@code ok = 0} and OpenSSL's error code
 * in {@code errnum} (20 "unable to get local issuer certificate", 10 "certificate has expired", ...). Returning
 * {@code true} accepts (and clears the error, as pyOpenSSL does), so verification goes on; returning {@code false}
 * fails the handshake with {@code "certificate verify failed"}.
 *
 * <p>Exceptions: a RuntimeException thrown by a <em>Context</em>'s callback fails the handshake and is rethrown,
 * unchanged, from the call that ran it ({@code doHandshake}, {@code recv}, ...); one thrown by a
 * <em>Connection</em>'s callback only fails the handshake with "certificate verify failed" (pyOpenSSL's rules).
 */
@FunctionalInterface
public interface VerifyCallback {
    /**
     * Judges one step of the chain verification.
     *
     * @param connection the connection being verified
     * @param certificate the certificate at {@code depth}
     * @param errnum OpenSSL's X.509 verification code at this step, 0 if none
     * @param depth position in the chain, 0 for the peer's own certificate
     * @param ok 1 if the step passed, 0 if it failed
     * @return whether to accept
     */
    boolean verify(Connection connection, X509 certificate, int errnum, int depth, int ok);
}
