/**
 * The certificate-verification engine: OpenSSL 3.0's {@code X509_verify_cert} re-done over Bouncy Castle
 * structures, with OpenSSL's chain building, checks, order, error codes, depths and messages.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.portcullis.crypto.internal.verify.CertInfo} / {@link dev.portcullis.crypto.internal.verify.CrlInfo}:
 *       what OpenSSL caches about a certificate or CRL (canonical names, key identifiers, constraints, usages…),
 *       parsed once; the certificate's signature verifier (JCA, Portcullis' private Bouncy Castle provider) is
 *       built lazily and kept, so store certificates are parsed and their keys decoded only once.</li>
 *   <li>{@link dev.portcullis.crypto.internal.verify.TrustStore}: {@code X509_STORE} — trusted certificates,
 *       CRLs, hashed directories, default {@link dev.portcullis.crypto.internal.verify.VerifyParams}.</li>
 *   <li>{@link dev.portcullis.crypto.internal.verify.ChainVerifier#verify}: one verification, returning a
 *       {@link dev.portcullis.crypto.internal.verify.VerifyOutcome}.</li>
 *   <li>{@link dev.portcullis.crypto.internal.verify.IdentityMatcher}: {@code X509_check_host/email/ip}.</li>
 * </ul>
 *
 * <h2>Driving it from TLS ({@code Context.setVerify(mode, callback)})</h2>
 * <pre>{@code
 * TrustStore trust = StoreAccess.trustStore(context.getCertStore());     // the X509Store behind the Context
 * VerifyParams p = trust.params().copy()
 *         .setPurpose(isClient ? Purposes.SSL_SERVER : Purposes.SSL_CLIENT) // SSL_CTX default purpose
 *         .setAuthLevel(securityLevel)                                     // SSL security level (default 1)
 *         .setDepth(verifyDepth);                                          // SSL_CTX_set_verify_depth
 * if (hostname != null) p.setHost(hostname);                               // SSL_set1_host
 * VerifyOutcome r = ChainVerifier.verify(trust, CertInfo.of(peerLeafDer), peerChainInfos, p,
 *         (ok, ctx) -> {
 *             if (userCallback == null) return ok;                        // OpenSSL's default
 *             boolean accept = userCallback.call(connection, x509Of(ctx.currentCert()), ctx.error(),
 *                     ctx.errorDepth(), ok);
 *             if (accept) ctx.setError(0);                               // pyOpenSSL's wrapper does this
 *             return accept;
 *         });
 * // r.returned() == false -> handshake fails ("certificate verify failed") when VERIFY_PEER is set;
 * // r.error() is SSL_get_verify_result(); r.chain() is the verified chain (get_verified_chain).
 * }</pre>
 * The callback sees exactly the calls OpenSSL makes: one per problem ({@code ok == false}, the error code, depth and
 * certificate set) and one success call per certificate from the anchor down to the leaf. See
 * {@link dev.portcullis.crypto.internal.verify.VerifyCallback}.
 *
 * <h2>Not implemented</h2>
 * DANE, Suite B, RFC 3779 resource checks, auxiliary trust settings of "TRUSTED CERTIFICATE" PEM blocks, delta and
 * indirect CRLs (as OpenSSL without the extended-CRL flags), CRL path validation for CRLs signed off the
 * certificate's path, and a caller-supplied initial policy set (see {@link dev.portcullis.crypto.internal.verify.PolicyChecks}).
 */
package dev.portcullis.crypto.internal.verify;
