package dev.portcullis.crypto.internal.verify;

/**
 * The per-certificate verification hook: OpenSSL's {@code verify_cb(int ok, X509_STORE_CTX *ctx)}.
 *
 * <p>The engine calls it
 * <ul>
 *   <li>with {@code preverifyOk == false} for every problem it finds, in OpenSSL's order, after setting
 *       {@link VerifyContext#error()}, {@link VerifyContext#errorDepth()} and {@link VerifyContext#currentCert()};
 *       returning {@code true} ignores the problem and verification continues (as OpenSSL does), returning
 *       {@code false} stops verification with that error;</li>
 *   <li>with {@code preverifyOk == true} once per certificate after its signature and validity were checked,
 *       from the trust anchor (highest depth) down to the leaf (depth 0); returning {@code false} stops
 *       verification there (with {@link VerifyContext#error()} left as it is, or
 *       {@code X509_V_ERR_UNSPECIFIED} when nothing had failed).</li>
 * </ul>
 * Errors are sticky as in OpenSSL: an ignored error stays in {@link VerifyContext#error()} (and makes the final
 * verdict a failure) unless the callback clears it with {@link VerifyContext#setError(int)}{@code (0)} — which is
 * what pyOpenSSL's {@code Context.set_verify} wrapper does when the Python callback returns a true value.
 *
 * <p>Without a callback the engine behaves as {@code return preverifyOk}: the first error ends verification.
 */
@FunctionalInterface
public interface VerifyCallback {
    /** The default: accept exactly what the engine accepted. */
    VerifyCallback DEFAULT = (ok, ctx) -> ok;

    /**
     * Called for each check outcome; see the interface description.
     *
     * @param preverifyOk whether the engine found this step acceptable
     * @param ctx the verification in progress (error code, depth, current certificate, chain so far)
     * @return {@code true} to continue, {@code false} to stop with the current error
     */
    boolean verify(boolean preverifyOk, VerifyContext ctx);
}
