package dev.portcullis.crypto.internal.verify;

import java.util.List;

/**
 * The end of a verification.
 *
 * @param returned what {@code X509_verify_cert} returned: {@code true} unless the callback stopped verification
 * @param error the final {@code X509_V_*} code (0 when nothing failed or every failure was forgiven by clearing it)
 * @param errorDepth the depth of the last notification (the failing certificate's depth on failure)
 * @param currentCert the certificate of the last notification (the failing certificate on failure; may be null)
 * @param chain the chain built, leaf first, the trust anchor last when one was found
 */
public record VerifyOutcome(boolean returned, int error, int errorDepth, CertInfo currentCert, List<CertInfo> chain) {
    /** Verified: the engine returned success and no error remains. */
    public boolean ok() {
        return returned && error == 0;
    }

    /** OpenSSL's message for {@link #error()}. */
    public String errorMessage() {
        return VerifyError.messageOf(error);
    }
}
