package dev.portcullis.ssl;

/**
 * pyOpenSSL's {@code SSL.SysCallError}: the transport under TLS failed. {@link #errno()} is the operating-system error
 * number and {@link #errorName()} its symbolic name ({@code 32, "EPIPE"}), or {@code -1, "Unexpected EOF"} when the
 * peer ended the byte stream without first sending a TLS close_notify alert (a truncation an attacker could also
 * cause, which is why it is an error unless {@link SSL#OP_IGNORE_UNEXPECTED_EOF} is set).
 */
public class SysCallException extends SslException {
    private static final long serialVersionUID = 1L;

    /** errno for a broken pipe (writing to a socket whose other end is closed). */
    public static final int EPIPE = 32;

    private final int errno;
    private final String errorName;

    /** A transport failure with its errno and name. */
    public SysCallException(int errno, String errorName) {
        super("(" + errno + ", '" + errorName + "')", true);
        this.errno = errno;
        this.errorName = errorName;
    }

    /** A transport failure with its errno and name, caused by {@code cause}. */
    public SysCallException(int errno, String errorName, Throwable cause) {
        this(errno, errorName);
        initCause(cause);
    }

    /** The peer closed the transport without a close_notify: {@code (-1, "Unexpected EOF")}. */
    public static SysCallException unexpectedEof() {
        return new SysCallException(-1, "Unexpected EOF");
    }

    /** The operating-system error number, or -1 for an unexpected end of file. */
    public int errno() {
        return errno;
    }

    /** The symbolic name of {@link #errno()}, e.g. {@code "EPIPE"}, or {@code "Unexpected EOF"}. */
    public String errorName() {
        return errorName;
    }
}
