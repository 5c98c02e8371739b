package dev.portcullis.crypto.internal.der;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * DER (X.690) encoding of the few element kinds X.509 needs, by concatenation: no object tree is built.
 */
public final class Der {
    /** Universal tag numbers (with the constructed bit where they are always constructed). */
    public static final int BOOLEAN = 0x01;
    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int UTF8_STRING = 0x0c;
    public static final int NUMERIC_STRING = 0x12;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int T61_STRING = 0x14;
    public static final int IA5_STRING = 0x16;
    public static final int UTC_TIME = 0x17;
    public static final int GENERALIZED_TIME = 0x18;
    public static final int VISIBLE_STRING = 0x1a;
    public static final int UNIVERSAL_STRING = 0x1c;
    public static final int BMP_STRING = 0x1e;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    private Der() {
    }

    /** The tag of a context-specific constructed element [n] (explicit tagging). */
    public static int explicit(int n) {
        return 0xa0 | n;
    }

    /** One element: {@code tag}, the DER length, then the concatenated {@code parts}. */
    public static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[headerLength(length) + length];
        int p = writeHeader(out, tag, length);
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, p, part.length);
            p += part.length;
        }
        return out;
    }

    /** One element whose contents are {@code content[from, to)}. */
    public static byte[] tlv(int tag, byte[] content, int from, int to) {
        int length = to - from;
        byte[] out = new byte[headerLength(length) + length];
        int p = writeHeader(out, tag, length);
        System.arraycopy(content, from, out, p, length);
        return out;
    }

    /** A SEQUENCE of already encoded elements. */
    public static byte[] sequence(List<byte[]> elements) {
        return tlv(SEQUENCE, elements.toArray(new byte[0][]));
    }

    /**
     * A SET OF already encoded elements, sorted as DER requires (X.690 §11.6: ascending by encoding, shorter
     * first when one is a prefix of the other).
     */
    public static byte[] setOf(List<byte[]> elements) {
        return setOf(SET, elements);
    }

    /** A SET OF under another tag (an IMPLICIT {@code [n] SET OF}), sorted as {@link #setOf(List)}. */
    public static byte[] setOf(int tag, List<byte[]> elements) {
        byte[][] sorted = elements.toArray(new byte[0][]);
        Arrays.sort(sorted, Arrays::compareUnsigned);
        return tlv(tag, sorted);
    }

    /** An INTEGER in two's complement, minimal length. */
    public static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    /** An OBJECT IDENTIFIER. */
    public static byte[] oid(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        try {
            return oid.getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A BOOLEAN (DER: TRUE is 0xff). */
    public static byte[] bool(boolean value) {
        return new byte[] {BOOLEAN, 1, (byte) (value ? 0xff : 0)};
    }

    /** A BIT STRING with no unused bits. */
    public static byte[] bitString(byte[] bytes) {
        return tlv(BIT_STRING, new byte[] {0}, bytes);
    }

    /** Number of bytes the header of an element with {@code length} content bytes takes. */
    public static int headerLength(int length) {
        if (length < 0x80) {
            return 2;
        }
        int count = 0;
        for (int l = length; l != 0; l >>>= 8) {
            count++;
        }
        return 2 + count;
    }

    private static int writeHeader(byte[] out, int tag, int length) {
        out[0] = (byte) tag;
        if (length < 0x80) {
            out[1] = (byte) length;
            return 2;
        }
        int count = headerLength(length) - 2;
        out[1] = (byte) (0x80 | count);
        for (int i = 0; i < count; i++) {
            out[2 + i] = (byte) (length >>> (8 * (count - 1 - i)));
        }
        return 2 + count;
    }

    /** Concatenates encodings. */
    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
