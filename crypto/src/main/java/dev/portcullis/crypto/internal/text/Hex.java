package dev.portcullis.crypto.internal.text;

/** OpenSSL's hex renderings of byte strings. */
final class Hex {
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code OPENSSL_buf2hexstr}: upper-case pairs joined by {@code :} ({@code AB:CD:EF}); empty for no bytes. */
    static String colons(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            appendUpper(out, bytes[i]);
        }
        return out.toString();
    }

    /** Two upper-case hex digits. */
    static void appendUpper(StringBuilder out, int b) {
        out.append(UPPER[(b >> 4) & 0xf]).append(UPPER[b & 0xf]);
    }

    /** Two lower-case hex digits. */
    static void appendLower(StringBuilder out, int b) {
        out.append(LOWER[(b >> 4) & 0xf]).append(LOWER[b & 0xf]);
    }

    /** Upper-case hex without separators. */
    static String upper(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            appendUpper(out, b);
        }
        return out.toString();
    }

    /**
     * OpenSSL's block dump of key parts and signatures ({@code ASN1_buf_print}): lower-case pairs, each
     * followed by {@code :} except the very last, {@code perLine} bytes per line, every line preceded by
     * {@code indent} spaces and ended by a newline.
     */
    static void blocks(StringBuilder out, byte[] bytes, int perLine, int indent) {
        for (int i = 0; i < bytes.length; i++) {
            if (i % perLine == 0) {
                if (i > 0) {
                    out.append('\n');
                }
                Indent.spaces(out, indent);
            }
            appendLower(out, bytes[i]);
            if (i != bytes.length - 1) {
                out.append(':');
            }
        }
        out.append('\n');
    }
}
