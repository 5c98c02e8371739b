package dev.portcullis.ssl;

/**
 * pyOpenSSL's {@code SSL.WantX509LookupError}: a certificate callback asked to be called again later (OpenSSL's {@code SSL_ERROR_WANT_X509_LOOKUP}); call the same method again.
 *
 * <p>Control flow, not a failure: it carries no error entries and no stack trace, so raising it is cheap.
 */
public class WantX509LookupException extends SslException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception (no entries, no stack trace). */
    public WantX509LookupException() {
        super("WantX509Lookup", false);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
