package dev.portcullis.crypto.internal.text;

import java.util.function.Supplier;

import dev.portcullis.crypto.CryptoException;

/**
 * Bouncy Castle decodes structures lazily, so a malformed field may only fail while it is printed, as an
 * {@link IllegalArgumentException} or {@link ClassCastException} from deep inside. OpenSSL would have refused
 * such a structure when loading it; the dumps report it the same way, as a {@link CryptoException}.
 */
final class Malformed {
    private Malformed() {
    }

    static String guard(Supplier<String> printer) {
        try {
            return printer.get();
        } catch (CryptoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CryptoException(java.util.List.of(
                new CryptoException.Entry("asn1 encoding routines", "", "nested asn1 error")), e);
        }
    }
}
