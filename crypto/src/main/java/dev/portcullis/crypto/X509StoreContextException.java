package dev.portcullis.crypto;

import java.util.List;

/**
 * pyOpenSSL's {@code X509StoreContextError}: certificate verification failed.
 *
 * <p>{@link #getMessage()} is OpenSSL's text for the error (for example {@code "unable to get local issuer
 * certificate"}); {@link #errors()} gives the {@code X509_V_ERR_*} code, the depth of the failing certificate
 * (0 = the leaf) and the same text; {@link #certificate()} is a copy of the certificate at which verification
 * failed. Like pyOpenSSL's class it is not a {@link CryptoException}.
 */
public class X509StoreContextException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * The {@code [code, depth, message]} triple pyOpenSSL puts in {@code .errors}.
     *
     * @param code the {@code X509_V_ERR_*} number (e.g. 20, 10, 18)
     * @param depth the chain depth of the failing certificate, 0 for the leaf
     * @param message OpenSSL's {@code X509_verify_cert_error_string} text
     */
    public record Errors(int code, int depth, String message) {
        /** The triple as pyOpenSSL's list {@code [code, depth, message]}. */
        public List<Object> toList() {
            return List.of(code, depth, message);
        }
    }

    private final transient Errors errors;
    private final transient X509 certificate;

    /** A failure described by {@code message}, {@code errors} and the failing {@code certificate} (may be null). */
    public X509StoreContextException(String message, Errors errors, X509 certificate) {
        super(message);
        this.errors = errors;
        this.certificate = certificate;
    }

    /** Code, depth and message of the error. */
    public Errors errors() {
        return errors;
    }

    /** A copy of the certificate at which verification failed ({@code null} for chain-wide policy errors). */
    public X509 certificate() {
        return certificate == null ? null : certificate.copy();
    }
}
