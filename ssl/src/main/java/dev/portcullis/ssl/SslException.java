package dev.portcullis.ssl;

import java.io.IOException;
import java.util.List;

import dev.portcullis.crypto.CryptoException.Entry;

/**
 * pyOpenSSL's {@code SSL.Error}: a TLS operation failed.
 *
 * <p>Like OpenSSL's error queue the exception carries {@link Entry} triples {@code (library, function, reason)}, for
 * example {@code ("SSL routines", "", "certificate verify failed")} or, when the peer sent a fatal alert,
 * {@code ("SSL routines", "", "tlsv1 alert unknown ca")}. {@link #getMessage()} renders the list the way pyOpenSSL's
 * {@code str(e)} does.
 *
 * <p>It is an {@link IOException} because a TLS connection is I/O: code that already handles socket failures handles
 * these too. The subclasses {@link WantReadException}, {@link WantWriteException}, {@link WantX509LookupException} and
 * {@link ZeroReturnException} are not failures but control flow of non-blocking code ("call me again when the socket
 * is readable", "the peer closed cleanly"); they carry no entries and no stack trace, so a pump loop does not pay for
 * them. {@link SysCallException} reports a transport failure (errno and its name).
 */
public class SslException extends IOException {
    private static final long serialVersionUID = 1L;

    /** OpenSSL 3's library name for TLS errors. */
    public static final String SSL_ROUTINES = "SSL routines";

    private final transient List<Entry> errors;

    /** A failure described by OpenSSL-style entries (possibly none). */
    public SslException(List<Entry> errors) {
        this(errors, null);
    }

    /** A failure described by OpenSSL-style entries, caused by {@code cause}. */
    public SslException(List<Entry> errors, Throwable cause) {
        super(errors == null ? "[]" : errors.toString(), cause);
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A failure with one {@code ("SSL routines", "", reason)} entry, as OpenSSL 3 reports TLS errors. */
    public SslException(String reason) {
        this(List.of(new Entry(SSL_ROUTINES, "", reason)), null);
    }

    /** A failure with one {@code ("SSL routines", "", reason)} entry, caused by {@code cause}. */
    public SslException(String reason, Throwable cause) {
        this(List.of(new Entry(SSL_ROUTINES, "", reason)), cause);
    }

    /** For the control-flow subclasses: a message, no entries, and optionally no stack trace. */
    SslException(String message, boolean stackTrace) {
        super(message);
        this.errors = List.of();
        if (!stackTrace) {
            setStackTrace(new StackTraceElement[0]);
        }
    }

    /** The OpenSSL-style error entries, oldest first; empty when the failure had none. */
    public List<Entry> errors() {
        return errors;
    }

    /** True if any entry's reason contains {@code text} (case-insensitive), a convenience for tests and handlers. */
    public boolean hasReason(String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return errors.stream().anyMatch(e -> e.reason().toLowerCase(java.util.Locale.ROOT).contains(needle));
    }
}
