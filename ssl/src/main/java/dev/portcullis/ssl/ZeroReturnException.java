package dev.portcullis.ssl;

/**
 * pyOpenSSL's {@code SSL.ZeroReturnError}: the peer closed the TLS connection cleanly with a close_notify alert: no more data will arrive (every later read raises this again); you may still {@link Connection#shutdown()} your side.
 *
 * <p>Control flow, not a failure: it carries no error entries and no stack trace, so raising it is cheap.
 */
public class ZeroReturnException extends SslException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception (no entries, no stack trace). */
    public ZeroReturnException() {
        super("ZeroReturn", false);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
