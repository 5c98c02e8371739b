package dev.portcullis.ssl;

/**
 * pyOpenSSL's {@code SSL.WantWriteError}: the operation produced output the transport cannot take yet (a non-blocking socket's send buffer is full): wait until it is writable, then call the same method again.
 *
 * <p>Control flow, not a failure: it carries no error entries and no stack trace, so raising it is cheap.
 */
public class WantWriteException extends SslException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception (no entries, no stack trace). */
    public WantWriteException() {
        super("WantWrite", false);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
