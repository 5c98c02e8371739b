package dev.portcullis.ssl;

/**
 * pyOpenSSL's {@code SSL.WantReadError}: the operation needs more input from the peer before it can go on: in memory-BIO mode feed the peer's bytes with {@link Connection#bioWrite}, on a non-blocking socket wait until it is readable, then call the same method again.
 *
 * <p>Control flow, not a failure: it carries no error entries and no stack trace, so raising it is cheap.
 */
public class WantReadException extends SslException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception (no entries, no stack trace). */
    public WantReadException() {
        super("WantRead", false);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
