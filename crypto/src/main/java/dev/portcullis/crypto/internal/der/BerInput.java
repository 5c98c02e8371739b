package dev.portcullis.crypto.internal.der;

import java.io.IOException;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

import dev.portcullis.crypto.CryptoException;

/**
 * Reads the first BER element (X.690) of a container format that may use indefinite lengths (PKCS#12 files
 * exported by Windows, PKCS#7 from {@code openssl smime}) into Bouncy Castle's ASN.1 objects, after checking its
 * shape without recursion: every length fits, nesting is at most {@link #MAX_DEPTH} deep and the element count at
 * most {@link #MAX_ELEMENTS}, so a hostile input cannot overflow the stack or make millions of objects. Bytes
 * after the first element are ignored, as OpenSSL's {@code d2i} functions ignore them.
 */
public final class BerInput {
    /** Deepest nesting accepted (PKCS#12 needs about 12 levels, PKCS#7 about 15). */
    public static final int MAX_DEPTH = 48;
    /** Most elements accepted in one input. */
    public static final int MAX_ELEMENTS = 4_000_000;

    private static final int INDEFINITE = -1;

    private BerInput() {
    }

    /**
     * The first element of {@code input}.
     *
     * @throws CryptoException ({@code asn1 encoding routines}, reason) for input that is not well-formed BER
     *     or is beyond the limits: {@code not enough data}, {@code header too long}, {@code nested too deep},
     *     {@code too many elements}
     */
    public static ASN1Primitive read(byte[] input) {
        int length = check(input);
        try (ASN1InputStream in = new ASN1InputStream(input)) {
            ASN1Primitive primitive = in.readObject();
            if (primitive == null) {
                throw DerReader.error("not enough data");
            }
            return primitive;
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(java.util.List.of(
                    new CryptoException.Entry(DerReader.ASN1_LIB, "", "decode error")), e);
        }
    }

    /** Checks the first element's shape; returns its length in bytes. */
    static int check(byte[] in) {
        if (in.length == 0) {
            throw DerReader.error("not enough data");
        }
        int[] ends = new int[MAX_DEPTH + 1];
        int depth = 0;
        int pos = 0;
        int elements = 0;
        while (true) {
            while (depth > 0 && ends[depth - 1] == pos) {
                depth--;
            }
            if (depth > 0 && ends[depth - 1] == INDEFINITE && pos + 1 < in.length && in[pos] == 0
                    && in[pos + 1] == 0) {
                pos += 2;
                depth--;
                continue;
            }
            if (depth == 0 && pos > 0) {
                return pos;
            }
            if (++elements > MAX_ELEMENTS) {
                throw DerReader.error("too many elements");
            }
            Header header = Header.read(in, pos, innerLimit(ends, depth, in.length));
            pos = header.contentStart();
            if (header.constructed()) {
                if (depth == MAX_DEPTH) {
                    throw DerReader.error("nested too deep");
                }
                ends[depth++] = header.length() == INDEFINITE ? INDEFINITE : pos + header.length();
            } else {
                pos += header.length();
            }
        }
    }
    /** One element header: whether it is constructed, where its contents start, their length (or INDEFINITE). */
    private record Header(boolean constructed, int contentStart, int length) {
        /** Reads the header at {@code pos}; the element must end by {@code limit}. */
        static Header read(byte[] in, int pos, int limit) {
            if (pos >= limit) {
                throw DerReader.error("not enough data");
            }
            int tag = in[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                int count = 0;
                do {
                    if (pos >= limit || ++count > 4) {
                        throw DerReader.error("header too long");
                    }
                } while ((in[pos++] & 0x80) != 0);
            }
            if (pos >= limit) {
                throw DerReader.error("not enough data");
            }
            boolean constructed = (tag & 0x20) != 0;
            int first = in[pos++] & 0xff;
            if (first == 0x80) {
                if (!constructed) {
                    throw DerReader.error("bad object header");
                }
                return new Header(true, pos, INDEFINITE);
            }
            long length = first;
            if (first > 0x80) {
                int count = first & 0x7f;
                if (count > 4 || limit - pos < count) {
                    throw DerReader.error(count > 4 ? "too long" : "not enough data");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (in[pos++] & 0xff);
                }
            }
            if (length > limit - pos) {
                throw DerReader.error("not enough data");
            }
            return new Header(constructed, pos, (int) length);
        }
    }

    /** Where the innermost definite-length container ends (indefinite ones end at their end-of-contents). */
    private static int innerLimit(int[] ends, int depth, int inputLength) {
        for (int i = depth - 1; i >= 0; i--) {
            if (ends[i] != INDEFINITE) {
                return ends[i];
            }
        }
        return inputLength;
    }
}
