package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.crypto.CryptoException;

/**
 * A failure while building an extension from configuration text, carrying OpenSSL's error-queue reasons
 * ({@code ('X509 V3 routines', '', 'bad ip address')}); {@link ExtensionParser} adds the final
 * {@code 'error in extension'} entry as {@code X509V3_EXT_nconf} does.
 */
final class V3Error extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final String X509V3 = "X509 V3 routines";

    private final List<CryptoException.Entry> entries;

    private V3Error(List<CryptoException.Entry> entries) {
        super(entries.toString(), null, false, false);
        this.entries = entries;
    }

    /** One or more {@code X509 V3 routines} reasons, oldest first. */
    static V3Error of(String... reasons) {
        List<CryptoException.Entry> list = new ArrayList<>();
        for (String reason : reasons) {
            list.add(new CryptoException.Entry(X509V3, "", reason));
        }
        return new V3Error(list);
    }

    /** A reason from another OpenSSL library, followed by {@code X509 V3 routines} reasons. */
    static V3Error from(String library, String reason, String... v3reasons) {
        List<CryptoException.Entry> list = new ArrayList<>();
        list.add(new CryptoException.Entry(library, "", reason));
        for (String r : v3reasons) {
            list.add(new CryptoException.Entry(X509V3, "", r));
        }
        return new V3Error(list);
    }

    /** {@code text} is no object name or OID: OpenSSL's reason for that, then {@code v3reasons}. */
    static V3Error badObject(String text, String... v3reasons) {
        String[] why = dev.portcullis.crypto.internal.ObjectNames.parseError(text)
            .orElse(new String[] {"object identifier routines", "unknown object name"});
        return from(why[0], why[1], v3reasons);
    }

    /** The exception the public API throws, with {@code extra} reasons appended. */
    CryptoException toCryptoException(String... extra) {
        List<CryptoException.Entry> list = new ArrayList<>(entries);
        for (String r : extra) {
            list.add(new CryptoException.Entry(X509V3, "", r));
        }
        return new CryptoException(list);
    }
}
