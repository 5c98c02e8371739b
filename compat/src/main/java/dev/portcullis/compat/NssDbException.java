package dev.portcullis.compat;

/** An NSS database could not be read: missing, corrupt, wrong password, failed integrity check. */
public class NssDbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public NssDbException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public NssDbException(String message, Throwable cause) {
        super(message, cause);
    }
}
