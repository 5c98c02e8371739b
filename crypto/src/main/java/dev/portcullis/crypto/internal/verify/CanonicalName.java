package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;

import dev.portcullis.crypto.internal.x509.NameModel;

/**
 * A distinguished name as OpenSSL's {@code X509_NAME_cmp} sees it: its canonical encoding (computed by
 * {@link NameModel#canonical()}, the one implementation of {@code x509_name_canon} in Portcullis), used as a
 * hash-map key for issuer lookup, for name-constraint prefixes and for hashed-directory file names.
 */
public final class CanonicalName {
    private final byte[] encoding;
    private final int entryCount;
    private final NameModel model;
    private final int hashCode;

    private CanonicalName(NameModel model) {
        this.model = model;
        this.encoding = model.canonical();
        this.entryCount = model.entries().size();
        this.hashCode = Arrays.hashCode(encoding);
    }

    /** The canonical form of {@code name}; {@code null} is treated as the empty name. */
    public static CanonicalName of(X500Name name) {
        if (name == null) {
            return new CanonicalName(NameModel.empty());
        }
        try {
            byte[] der = name.getEncoded(ASN1Encoding.DER);
            return new CanonicalName(NameModel.parse(der, 0, der.length));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("name cannot be read: " + e.getMessage(), e);
        }
    }

    /** How many attribute entries the name has ({@code X509_NAME_entry_count}). */
    public int entryCount() {
        return entryCount;
    }

    /** {@code true} for a name without entries. */
    public boolean isEmpty() {
        return entryCount == 0;
    }

    /** {@code X509_NAME_hash}: the {@code <hash>} of {@code <hash>.0} in an OpenSSL hashed certificate directory. */
    public long hash() {
        return model.hash();
    }

    /** Whether {@code this} (a name-constraints base) is a prefix of {@code name} in canonical form ({@code nc_dn}). */
    public boolean isPrefixOf(CanonicalName name) {
        return encoding.length <= name.encoding.length
                && Arrays.equals(encoding, 0, encoding.length, name.encoding, 0, encoding.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalName other && hashCode == other.hashCode && Arrays.equals(encoding, other.encoding);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }
}
