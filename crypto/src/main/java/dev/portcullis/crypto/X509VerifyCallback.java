package dev.portcullis.crypto;

/**
 * A verification callback for {@link X509StoreContext#setVerifyCallback}: OpenSSL's {@code verify_cb} in the form
 * pyOpenSSL's {@code Context.set_verify} callback has, without the connection argument.
 *
 * <p>It is called once for every problem found ({@code preverifyOk == false}, {@code errnum} the
 * {@code X509_V_ERR_*} code) and once per certificate after its signature and validity were checked
 * ({@code preverifyOk == true}, {@code errnum} 0 unless an earlier error was kept), from the trust anchor down to
 * the leaf ({@code depth} 0). Returning {@code true} accepts: an error is forgiven and verification goes on.
 * Returning {@code false} makes verification fail with {@code errnum}.
 */
@FunctionalInterface
public interface X509VerifyCallback {
    /**
     * @param certificate the certificate at {@code depth}
     * @param errnum the {@code X509_V_ERR_*} code, 0 for none
     * @param depth 0 for the leaf, increasing towards the trust anchor
     * @param preverifyOk whether OpenSSL's own checks accepted this step
     * @return {@code true} to continue, {@code false} to fail verification
     */
    boolean verify(X509 certificate, int errnum, int depth, boolean preverifyOk);
}
