package dev.portcullis.crypto.internal.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A distinguished name in OpenSSL's canonical form: the form {@code X509_NAME_cmp} compares and
 * {@code X509_NAME_hash} (the {@code c_rehash}/{@code openssl rehash} file name) digests.
 *
 * <p>Each attribute value of a directory-string type (UTF8, BMP, Universal, Printable, T61, IA5, Visible)
 * is converted to UTF-8, stripped of leading and trailing white space, has inner runs of white space
 * folded to one space and ASCII letters lowered, and is re-encoded as a UTF8String; values of other
 * types are kept as they are. The canonical encoding is the concatenation of the DER of each RDN's SET
 * (no outer SEQUENCE), empty for an empty name. Two names are equal for chain building exactly when
 * their canonical encodings are equal.
 */
public final class CanonicalName {
    private static final CanonicalName EMPTY = new CanonicalName(new byte[0], 0);

    private final byte[] encoding;
    private final int entryCount;
    private final int hashCode;

    private CanonicalName(byte[] encoding, int entryCount) {
        this.encoding = encoding;
        this.entryCount = entryCount;
        this.hashCode = Arrays.hashCode(encoding);
    }

    /** The canonical form of {@code name}; {@code null} is treated as the empty name. */
    public static CanonicalName of(X500Name name) {
        if (name == null || name.getRDNs().length == 0) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int entries = 0;
        try {
            for (RDN rdn : name.getRDNs()) {
                AttributeTypeAndValue[] values = rdn.getTypesAndValues();
                ASN1Encodable[] canon = new ASN1Encodable[values.length];
                for (int i = 0; i < values.length; i++) {
                    canon[i] = new DERSequence(new ASN1Encodable[] {
                        values[i].getType(), canonicalValue(values[i].getValue())});
                }
                entries += values.length;
                out.write(new DERSet(canon).getEncoded(ASN1Encoding.DER));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("name cannot be encoded: " + e.getMessage(), e);
        }
        return new CanonicalName(out.toByteArray(), entries);
    }

    /** The canonical DER bytes (a copy). */
    public byte[] encoding() {
        return encoding.clone();
    }

    /** How many attribute entries the name has ({@code X509_NAME_entry_count}). */
    public int entryCount() {
        return entryCount;
    }

    /** {@code true} for a name without entries. */
    public boolean isEmpty() {
        return entryCount == 0;
    }

    /**
     * {@code X509_NAME_hash_ex}: the first four bytes of the SHA-1 of the canonical encoding, read little-endian.
     * This is the {@code <hash>} part of {@code <hash>.0} in an OpenSSL hashed certificate directory.
     */
    public long hash() {
        try {
            byte[] md = MessageDigest.getInstance("SHA-1").digest(encoding);
            return (md[0] & 0xffL) | (md[1] & 0xffL) << 8 | (md[2] & 0xffL) << 16 | (md[3] & 0xffL) << 24;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from the JDK", e);
        }
    }

    /**
     * Whether {@code this} (a name-constraints base) is a prefix of {@code name} in canonical form:
     * OpenSSL's directoryName constraint match ({@code nc_dn}).
     */
    public boolean isPrefixOf(CanonicalName name) {
        if (encoding.length > name.encoding.length) {
            return false;
        }
        return Arrays.equals(encoding, 0, encoding.length, name.encoding, 0, encoding.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CanonicalName other && hashCode == other.hashCode && Arrays.equals(encoding, other.encoding);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    private static ASN1Encodable canonicalValue(ASN1Encodable value) {
        String text = directoryString(value);
        if (text == null) {
            return value;
        }
        return new DERUTF8String(fold(text));
    }

    /** The value as text when it is one of the string types OpenSSL canonicalises, else {@code null}. */
    private static String directoryString(ASN1Encodable value) {
        if (value instanceof ASN1UniversalString universal) {
            return utf32(universal.getOctets());
        }
        if (value instanceof ASN1UTF8String || value instanceof ASN1BMPString || value instanceof ASN1PrintableString
                || value instanceof ASN1T61String || value instanceof ASN1IA5String || value instanceof ASN1VisibleString) {
            return ((ASN1String) value).getString();
        }
        return null;
    }

    private static String utf32(byte[] octets) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 3 < octets.length; i += 4) {
            int cp = (octets[i] & 0xff) << 24 | (octets[i + 1] & 0xff) << 16 | (octets[i + 2] & 0xff) << 8 | (octets[i + 3] & 0xff);
            sb.appendCodePoint(Character.isValidCodePoint(cp) ? cp : 0xfffd);
        }
        return sb.toString();
    }

    /** Strip, collapse ASCII white space and lower ASCII letters; non-ASCII characters are copied as they are. */
    static String fold(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int from = 0;
        int to = utf8.length;
        while (from < to && isSpace(utf8[from])) {
            from++;
        }
        while (to > from && isSpace(utf8[to - 1])) {
            to--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int i = from;
        while (i < to) {
            byte b = utf8[i];
            if (isSpace(b)) {
                out.write(' ');
                while (i < to && isSpace(utf8[i])) {
                    i++;
                }
                continue;
            }
            out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            i++;
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }

}
