package dev.portcullis.crypto.internal.pem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import dev.portcullis.crypto.CryptoException;

/**
 * PEM (RFC 7468) reading and writing the way OpenSSL's {@code PEM_read_bio}/{@code PEM_write_bio} do it.
 *
 * <p>Reading skips anything before a {@code -----BEGIN <label>-----} line, skips blocks whose label is not
 * wanted, ignores RFC 1421 header lines ({@code Proc-Type: …}) and white space inside the base64 text, and
 * returns the first wanted block. The base64 decoder works directly on the input bytes (no line splitting, no
 * intermediate strings), which is most of the cost of loading a certificate. Writing produces 64-character
 * lines and a final newline, byte for byte what OpenSSL writes.
 */
public final class Pem {
    /** OpenSSL's library name for PEM errors. */
    public static final String PEM_LIB = "PEM routines";

    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DASHES = "-----".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final int INVALID = -1;
    private static final int SPACE = -2;
    private static final int PAD = -3;
    /** Base64 value of each byte, or INVALID, SPACE (white space to skip) or PAD ('='). */
    private static final int[] VALUES = new int[256];

    static {
        Arrays.fill(VALUES, INVALID);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
        for (char c : new char[] {'\n', '\r', ' ', '\t'}) {
            VALUES[c] = SPACE;
        }
        VALUES['='] = PAD;
    }

    /** One block found in the input: its label and its decoded contents. */
    public record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    /**
     * The first block in {@code input} whose label is one of {@code labels}.
     *
     * @throws CryptoException {@code ('PEM routines', '', 'no start line')} when there is none,
     *     {@code 'bad end line'} when its END line is missing or names another label, {@code 'bad base64 decode'}
     *     when its body is not base64
     */
    public static Block readFirst(byte[] input, Set<String> labels) {
        int p = 0;
        while (true) {
            int begin = indexOf(input, BEGIN, p);
            if (begin < 0 || (begin > 0 && input[begin - 1] != '\n' && input[begin - 1] != '\r')) {
                if (begin < 0) {
                    throw new CryptoException(PEM_LIB, "no start line");
                }
                p = begin + BEGIN.length;
                continue;
            }
            int labelStart = begin + BEGIN.length;
            int labelEnd = indexOf(input, DASHES, labelStart);
            int lineEnd = lineEnd(input, labelStart);
            if (labelEnd < 0 || labelEnd > lineEnd) {
                p = labelStart;
                continue;
            }
            String label = new String(input, labelStart, labelEnd - labelStart, StandardCharsets.US_ASCII);
            byte[] endLine = ("-----END " + label + "-----").getBytes(StandardCharsets.US_ASCII);
            int bodyStart = skipHeaders(input, nextLine(input, lineEnd));
            int end = endLine(input, endLine, bodyStart);
            if (!labels.contains(label)) {
                if (end < 0) {
                    throw new CryptoException(PEM_LIB, "no start line");
                }
                p = end + endLine.length;
                continue;
            }
            if (end < 0) {
                throw new CryptoException(PEM_LIB, "bad end line");
            }
            return new Block(label, decodeBase64(input, bodyStart, end));
        }
    }

    /** PEM text for {@code der} under {@code label}: 64-character lines, each ending in a newline. */
    public static byte[] write(String label, byte[] der) {
        byte[] begin = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        int chars = (der.length + 2) / 3 * 4;
        int lines = (chars + 63) / 64;
        byte[] out = new byte[begin.length + chars + lines + end.length];
        System.arraycopy(begin, 0, out, 0, begin.length);
        int o = begin.length;
        int column = 0;
        for (int i = 0; i < der.length; i += 3) {
            int b0 = der[i] & 0xff;
            int b1 = i + 1 < der.length ? der[i + 1] & 0xff : 0;
            int b2 = i + 2 < der.length ? der[i + 2] & 0xff : 0;
            out[o++] = ALPHABET[b0 >>> 2];
            out[o++] = ALPHABET[(b0 & 3) << 4 | b1 >>> 4];
            out[o++] = i + 1 < der.length ? ALPHABET[(b1 & 15) << 2 | b2 >>> 6] : (byte) '=';
            out[o++] = i + 2 < der.length ? ALPHABET[b2 & 63] : (byte) '=';
            column += 4;
            if (column == 64) {
                out[o++] = '\n';
                column = 0;
            }
        }
        if (column != 0) {
            out[o++] = '\n';
        }
        System.arraycopy(end, 0, out, o, end.length);
        return out;
    }

    /**
     * Decodes base64 in {@code in[from, to)}, skipping white space; '=' padding may only end the data. Groups of
     * four alphabet characters (the body of every line) take a branch-light fast path.
     */
    static byte[] decodeBase64(byte[] in, int from, int to) {
        byte[] out = new byte[(to - from) / 4 * 3 + 3];
        int o = 0;
        int i = from;
        int bits = 0;
        int count = 0;
        int padding = 0;
        while (i < to) {
            if (count == 0 && padding == 0 && i + 4 <= to) {
                int group = VALUES[in[i] & 0xff] << 18 | VALUES[in[i + 1] & 0xff] << 12
                        | VALUES[in[i + 2] & 0xff] << 6 | VALUES[in[i + 3] & 0xff];
                if ((VALUES[in[i] & 0xff] | VALUES[in[i + 1] & 0xff] | VALUES[in[i + 2] & 0xff]
                        | VALUES[in[i + 3] & 0xff]) >= 0) {
                    out[o++] = (byte) (group >>> 16);
                    out[o++] = (byte) (group >>> 8);
                    out[o++] = (byte) group;
                    i += 4;
                    continue;
                }
            }
            int c = in[i++] & 0xff;
            int v = VALUES[c];
            if (v == SPACE) {
                continue;
            }
            if (v == PAD) {
                padding++;
                continue;
            }
            if (v < 0 || padding > 0) {
                throw new CryptoException(PEM_LIB, "bad base64 decode");
            }
            bits = bits << 6 | v;
            if (++count == 4) {
                out[o++] = (byte) (bits >>> 16);
                out[o++] = (byte) (bits >>> 8);
                out[o++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }
        if (count == 1 || padding > 2 || (padding > 0 && count + padding != 4)) {
            throw new CryptoException(PEM_LIB, "bad base64 decode");
        }
        if (count == 2) {
            out[o++] = (byte) (bits >>> 4);
        } else if (count == 3) {
            out[o++] = (byte) (bits >>> 10);
            out[o++] = (byte) (bits >>> 2);
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    /** Skips RFC 1421 header lines ({@code Name: value}) and the blank line after them, if present. */
    private static int skipHeaders(byte[] in, int p) {
        int lineEnd = lineEnd(in, p);
        boolean header = false;
        for (int i = p; i < lineEnd; i++) {
            if (in[i] == ':') {
                header = true;
                break;
            }
        }
        if (!header) {
            return p;
        }
        int q = p;
        while (q < in.length) {
            int e = lineEnd(in, q);
            if (e == q || (e == q + 1 && in[q] == '\r')) {
                return nextLine(in, e);
            }
            q = nextLine(in, e);
        }
        return q;
    }

    /**
     * Where {@code endLine} starts after {@code from}, or -1. Base64 has no '-', so the first '-' ends the body:
     * a single-byte scan instead of a pattern search.
     */
    private static int endLine(byte[] in, byte[] endLine, int from) {
        for (int i = from; i < in.length; i++) {
            if (in[i] == '-') {
                return startsWith(in, i, endLine) ? i : indexOf(in, endLine, i + 1);
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] in, int at, byte[] pattern) {
        if (at + pattern.length > in.length) {
            return false;
        }
        for (int j = 0; j < pattern.length; j++) {
            if (in[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(byte[] in, int p) {
        while (p < in.length && in[p] != '\n') {
            p++;
        }
        return p;
    }

    private static int nextLine(byte[] in, int lineEnd) {
        return Math.min(lineEnd + 1, in.length);
    }

    private static int indexOf(byte[] in, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= in.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (in[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
