package dev.portcullis.rand;

/**
 * pyOpenSSL's {@code rand.Error}: the randomness source could not do what was asked — a seed file that cannot be
 * read or written, an entropy-gathering daemon that refuses or answers with garbage.
 *
 * <p>Unchecked, like the other Portcullis errors. Argument mistakes (a negative size) are
 * {@link IllegalArgumentException}s instead, as pyOpenSSL raises {@code ValueError} for them.
 */
public class RandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public RandException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public RandException(String message, Throwable cause) {
        super(message, cause);
    }
}
