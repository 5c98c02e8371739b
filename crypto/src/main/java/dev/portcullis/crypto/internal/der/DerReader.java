package dev.portcullis.crypto.internal.der;

import dev.portcullis.crypto.CryptoException;

/**
 * A cursor over DER (X.690) elements inside a byte array, reading headers only and never copying.
 *
 * <p>After {@link #next()} the fields {@link #tag()}, {@link #start()}, {@link #contentStart()} and
 * {@link #end()} describe the element just read, and the cursor stands after it. {@link #children()} opens a
 * cursor over its contents. Every malformed header becomes a {@link CryptoException} carrying the
 * ({@code asn1 encoding routines}, reason) entry OpenSSL's decoder reports for the same input, so that callers
 * can let it escape unchanged. Only single-byte tags (numbers 0–30) occur in X.509, so longer tags are refused;
 * indefinite lengths (BER) are refused as OpenSSL's X.509 decoder does for primitive fields.
 */
public final class DerReader {
    /** The library name OpenSSL uses for ASN.1 decoding errors. */
    public static final String ASN1_LIB = "asn1 encoding routines";

    private final byte[] der;
    private int pos;
    private final int limit;
    private int tag = -1;
    private int start;
    private int contentStart;
    private int end;

    /** A cursor over {@code der[from, to)}. */
    public DerReader(byte[] der, int from, int to) {
        this.der = der;
        this.pos = from;
        this.limit = to;
    }

    /** A cursor over the whole array. */
    public DerReader(byte[] der) {
        this(der, 0, der.length);
    }

    /** The array this cursor reads. */
    public byte[] buffer() {
        return der;
    }

    /** Whether another element follows. */
    public boolean hasNext() {
        return pos < limit;
    }

    /** The tag byte of the next element, or -1 at the end. */
    public int peekTag() {
        return pos < limit ? der[pos] & 0xff : -1;
    }

    /** Reads the header of the next element and moves past it. */
    public DerReader next() {
        if (pos >= limit) {
            throw error("not enough data");
        }
        int p = pos;
        int t = der[p++] & 0xff;
        if ((t & 0x1f) == 0x1f) {
            throw error("header too long");
        }
        if (p >= limit) {
            throw error("not enough data");
        }
        int first = der[p++] & 0xff;
        long length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x80) {
            throw error("indefinite length not allowed");
        } else {
            int count = first & 0x7f;
            if (count > 4) {
                throw error("too long");
            }
            if (limit - p < count) {
                throw error("not enough data");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[p++] & 0xff);
            }
        }
        if (length > limit - p) {
            throw error("not enough data");
        }
        tag = t;
        start = pos;
        contentStart = p;
        end = p + (int) length;
        pos = end;
        return this;
    }

    /**
     * Reads the next element and checks its tag. As in OpenSSL, the header is checked first (a length beyond the
     * data is "not enough data"), then the tag ("wrong tag"); a missing element is "field missing".
     */
    public DerReader expect(int expectedTag) {
        if (pos >= limit) {
            throw error("field missing");
        }
        next();
        if (tag != expectedTag) {
            throw wrongTag();
        }
        return this;
    }

    /** Reads the next element if it has {@code optionalTag}; returns whether it did. */
    public boolean nextIf(int optionalTag) {
        if (peekTag() == optionalTag) {
            next();
            return true;
        }
        return false;
    }

    /** Fails unless the cursor is exhausted (trailing data inside a structure). */
    public void expectEnd() {
        if (pos < limit) {
            throw error("too long");
        }
    }

    /** A cursor over the contents of the element just read. */
    public DerReader children() {
        return new DerReader(der, contentStart, end);
    }

    /** Tag byte of the element just read. */
    public int tag() {
        return tag;
    }

    /** Offset of the element's first header byte. */
    public int start() {
        return start;
    }

    /** Offset of the element's first content byte. */
    public int contentStart() {
        return contentStart;
    }

    /** Offset just past the element. */
    public int end() {
        return end;
    }

    /** Number of content bytes. */
    public int contentLength() {
        return end - contentStart;
    }

    /** The whole element (header and contents) as a new array. */
    public byte[] element() {
        return java.util.Arrays.copyOfRange(der, start, end);
    }

    /** The element's contents as a new array. */
    public byte[] content() {
        return java.util.Arrays.copyOfRange(der, contentStart, end);
    }

    /** The OBJECT IDENTIFIER just read (its tag is not checked here). */
    public org.bouncycastle.asn1.ASN1ObjectIdentifier oid() {
        try {
            return org.bouncycastle.asn1.ASN1ObjectIdentifier.fromContents(content());
        } catch (IllegalArgumentException e) {
            throw error("invalid object encoding");
        }
    }

    /** The error OpenSSL reports for a tag it did not expect. */
    public static CryptoException wrongTag() {
        return new CryptoException(java.util.List.of(
                new CryptoException.Entry(ASN1_LIB, "", "wrong tag"),
                new CryptoException.Entry(ASN1_LIB, "", "nested asn1 error")));
    }

    /** An ASN.1 decoding error with OpenSSL's {@code reason}. */
    public static CryptoException error(String reason) {
        return new CryptoException(ASN1_LIB, reason);
    }
}
