package dev.portcullis.crypto.internal.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One verification in progress or finished: OpenSSL's {@code X509_STORE_CTX}. It holds the chain being built
 * (leaf first), how many of its certificates are untrusted, and the error code, depth and certificate the
 * {@link VerifyCallback} sees.
 */
public final class VerifyContext {
    final TrustStore store;
    final VerifyParams params;
    final CertInfo leaf;
    final List<CertInfo> untrusted;
    final VerifyCallback callback;
    final ArrayList<CertInfo> chain = new ArrayList<>();
    int numUntrusted;
    int error;
    int errorDepth;
    CertInfo currentCert;
    CertInfo currentIssuer;
    // revocation state (check_cert_crl)
    CrlInfo currentCrl;
    CertInfo currentCrlIssuer;
    int currentCrlScore;
    int currentReasons;

    VerifyContext(TrustStore store, VerifyParams params, CertInfo leaf, List<CertInfo> untrusted, VerifyCallback callback) {
        this.store = store;
        this.params = params;
        this.leaf = leaf;
        this.untrusted = untrusted;
        this.callback = callback == null ? VerifyCallback.DEFAULT : callback;
    }

    /** The current {@code X509_V_*} code (0 = OK). */
    public int error() {
        return error;
    }

    /** Sets the error code, as {@code X509_STORE_CTX_set_error}; a callback sets 0 to forgive an error for good. */
    public void setError(int error) {
        this.error = error;
    }

    /** OpenSSL's message for {@link #error()}. */
    public String errorMessage() {
        return VerifyError.messageOf(error);
    }

    /** The depth (0 = leaf) the current error or success notification is about. */
    public int errorDepth() {
        return errorDepth;
    }

    /** The certificate the current notification is about ({@code null} for chain-wide policy errors). */
    public CertInfo currentCert() {
        return currentCert;
    }

    /** The chain as built so far, leaf first (read-only view). */
    public List<CertInfo> chain() {
        return Collections.unmodifiableList(chain);
    }

    /** The verification parameters in force. */
    public VerifyParams params() {
        return params;
    }

    /** {@code verify_cb_cert}: report {@code err} at {@code depth} (cert {@code x}, or the chain's cert at that depth). */
    boolean fail(CertInfo x, int depth, int err) {
        if (depth < 0) {
            depth = errorDepth;
        } else {
            errorDepth = depth;
        }
        currentCert = x != null ? x : depth < chain.size() ? chain.get(depth) : null;
        if (err != 0) {
            error = err;
        }
        return callback.verify(false, this);
    }

    /** {@code verify_cb_crl}: report a CRL problem at the depth and certificate already set. */
    boolean failCrl(int err) {
        error = err;
        return callback.verify(false, this);
    }

    /** The success notification for {@code x} at {@code depth}. */
    boolean succeed(CertInfo x, CertInfo issuer, int depth) {
        currentIssuer = issuer;
        currentCert = x;
        errorDepth = depth;
        return callback.verify(true, this);
    }

    /**
     * {@code ossl_x509_check_cert_time}: with {@code depth < 0} only answers whether {@code x} is valid now; with a
     * depth, reports each problem to the callback.
     */
    boolean checkCertTime(CertInfo x, int depth) {
        if (params.has(VerifyParams.NO_CHECK_TIME)) {
            return true;
        }
        long now = params.now();
        if (x.notBefore == Asn1Times.INVALID || x.notBefore > now) {
            if (depth < 0) {
                return false;
            }
            int err = x.notBefore == Asn1Times.INVALID ? VerifyError.ERROR_IN_CERT_NOT_BEFORE_FIELD.code()
                    : VerifyError.CERT_NOT_YET_VALID.code();
            if (!fail(x, depth, err)) {
                return false;
            }
        }
        if (x.notAfter == Asn1Times.INVALID || x.notAfter <= now) {
            if (depth < 0) {
                return false;
            }
            int err = x.notAfter == Asn1Times.INVALID ? VerifyError.ERROR_IN_CERT_NOT_AFTER_FIELD.code()
                    : VerifyError.CERT_HAS_EXPIRED.code();
            return fail(x, depth, err);
        }
        return true;
    }
}
