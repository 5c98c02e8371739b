package dev.portcullis.crypto.internal.verify;

import java.util.Arrays;

/**
 * Cuts the signed part out of a signed structure's original encoding. Signatures are checked over the bytes as
 * received (as OpenSSL does with its cached encoding), not over a re-encoding that could differ for non-DER input.
 */
final class DerSlices {
    private DerSlices() {
    }

    /** The complete TLV of the first element inside the outer SEQUENCE of {@code der}, or {@code null} if malformed. */
    static byte[] firstElement(byte[] der) {
        int inner = headerLength(der, 0);
        if (inner < 0 || inner >= der.length) {
            return null;
        }
        int header = headerLength(der, inner);
        if (header < 0) {
            return null;
        }
        long length = contentLength(der, inner);
        long end = inner + header + length;
        if (length < 0 || end > der.length) {
            return null;
        }
        return Arrays.copyOfRange(der, inner, (int) end);
    }

    /** Tag plus length octets at {@code at} (single-byte tags only, as in X.509), or -1. */
    private static int headerLength(byte[] der, int at) {
        if (at + 1 >= der.length) {
            return -1;
        }
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return 2;
        }
        int n = first & 0x7f;
        return n == 0 || n > 4 ? -1 : 2 + n;
    }

    private static long contentLength(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7f;
        if (at + 2 + n > der.length) {
            return -1;
        }
        long len = 0;
        for (int i = 0; i < n; i++) {
            len = len << 8 | (der[at + 2 + i] & 0xff);
        }
        return len;
    }
}
