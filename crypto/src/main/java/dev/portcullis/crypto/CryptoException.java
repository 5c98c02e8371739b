package dev.portcullis.crypto;

import java.util.List;
import java.util.Objects;

/**
 * pyOpenSSL's {@code crypto.Error}: an operation on certificates, keys or containers failed.
 *
 * <p>Like OpenSSL's error queue, the exception carries a list of {@link Entry} triples
 * {@code (library, function, reason)}, for example {@code ("PEM routines", "", "no start line")}.
 * The list may be empty when the failure has no OpenSSL-style reason (pyOpenSSL raises {@code Error([])} in
 * those cases too). {@link #getMessage()} renders the list the way pyOpenSSL's {@code str(e)} does:
 * {@code [('PEM routines', '', 'no start line')]}, or the plain message when one was given instead.
 *
 * <p>Unchecked, because pyOpenSSL code does not declare it either; catch it where you can act on it.
 */
public class CryptoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One entry of OpenSSL's error queue: which library, which function (often empty in OpenSSL 3), why. */
    public record Entry(String library, String function, String reason) {
        /** Creates an entry; {@code null} parts become empty strings. */
        public Entry {
            library = Objects.requireNonNullElse(library, "");
            function = Objects.requireNonNullElse(function, "");
            reason = Objects.requireNonNullElse(reason, "");
        }

        @Override
        public String toString() {
            return "('" + library + "', '" + function + "', '" + reason + "')";
        }
    }

    private final List<Entry> errors;

    /** A failure described by OpenSSL-style entries (possibly none). */
    public CryptoException(List<Entry> errors) {
        this(errors, null);
    }

    /** A failure described by OpenSSL-style entries, caused by {@code cause}. */
    public CryptoException(List<Entry> errors, Throwable cause) {
        super(errors == null ? "[]" : errors.toString(), cause);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A failure described by a single entry. */
    public CryptoException(String library, String reason) {
        this(List.of(new Entry(library, "", reason)), null);
    }

    /** A failure described by a single entry, caused by {@code cause}. */
    public CryptoException(String library, String reason, Throwable cause) {
        this(List.of(new Entry(library, "", reason)), cause);
    }

    /** A failure with a plain message and no queue entries (pyOpenSSL's {@code Error("No such key type")}). */
    public CryptoException(String message) {
        super(message);
        this.errors = List.of();
    }

    /** The OpenSSL-style error entries, oldest first; empty when the failure had none. */
    public List<Entry> errors() {
        return errors;
    }
}
