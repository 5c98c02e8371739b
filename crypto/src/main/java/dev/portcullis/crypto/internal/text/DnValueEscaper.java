package dev.portcullis.crypto.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One attribute value as {@code X509_NAME_print_ex} with {@code XN_FLAG_ONELINE} writes it
 * ({@code ASN1_STRFLGS_RFC2253 | ASN1_STRFLGS_ESC_QUOTE}, OpenSSL's {@code do_print_ex}).
 *
 * <p>The value is first decoded into characters by its ASN.1 type (BMPString 2 bytes each,
 * UniversalString 4, UTF8String UTF-8, the other string types 1 byte each); each character is then
 * written as UTF-8 bytes, and each byte is escaped per RFC 2253: above 0x7F or a control character as
 * {@code \HH}; {@code "} and {@code \} with a backslash; {@code , + ; < >} anywhere, {@code #} first and
 * space first or last by putting the whole value in double quotes. Values of non-string types are
 * dumped as {@code #} and the upper-case hex of their DER.
 */
final class DnValueEscaper {
    private static final int ESC_2253 = 1;
    private static final int ESC_CTRL = 2;
    private static final int ESC_MSB = 4;
    private static final int ESC_QUOTE = 8;
    private static final int FIRST = 32;
    private static final int LAST = 64;
    private static final int BACKSLASH_ESCAPE = ESC_2253 | FIRST | LAST;

    private DnValueEscaper() {
    }

    /** Which escapes apply: OpenSSL's {@code ASN1_STRFLGS_*} choices for the three name formats. */
    enum Style {
        /** {@code XN_FLAG_ONELINE}: RFC 2253 escapes, quoting instead of backslashes where RFC 2253 allows it. */
        ONELINE(ESC_2253 | ESC_CTRL | ESC_MSB | ESC_QUOTE, false),
        /** {@code XN_FLAG_RFC2253}: RFC 2253 backslash escapes; values of unknown attribute types dumped as DER. */
        RFC2253(ESC_2253 | ESC_CTRL | ESC_MSB, true),
        /** {@code -nameopt utf8}: UTF-8 text with no escaping at all. */
        UTF8(0, false);

        final int flags;
        final boolean dumpUnknownFields;

        Style(int flags, boolean dumpUnknownFields) {
            this.flags = flags;
            this.dumpUnknownFields = dumpUnknownFields;
        }
    }

    static void append(StringBuilder out, RawString value) {
        append(out, value, Style.ONELINE);
    }

    static void append(StringBuilder out, RawString value, Style style) {
        int[] chars = characters(value);
        if (chars == null) {
            out.append('#').append(Hex.upper(value.der()));
            return;
        }
        StringBuilder body = new StringBuilder(chars.length + 8);
        boolean quotes = false;
        for (int i = 0; i < chars.length; i++) {
            // OpenSSL sets the "last" flag instead of (not besides) the "first" one on a one-character value.
            int position = (style.flags & ESC_2253) == 0 ? 0 : i == chars.length - 1 ? LAST : i == 0 ? FIRST : 0;
            int c = chars[i];
            if (c < 0x80) {
                quotes |= escapeByte(body, c, position, style.flags);
                continue;
            }
            for (byte b : new String(Character.toChars(validCodePoint(c))).getBytes(StandardCharsets.UTF_8)) {
                quotes |= escapeByte(body, b & 0xff, position, style.flags);
            }
        }
        // The body holds bytes as chars 0-255; only the unescaped UTF-8 style leaves non-ASCII bytes in it.
        String text = new String(body.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (quotes) {
            out.append('"').append(text).append('"');
        } else {
            out.append(text);
        }
    }

    /** Writes one byte; true when the value must be quoted instead. */
    private static boolean escapeByte(StringBuilder out, int b, int position, int styleFlags) {
        if (b > 0x7f) {
            if ((styleFlags & ESC_MSB) == 0) {
                out.append((char) b);
                return false;
            }
            out.append('\\');
            Hex.appendUpper(out, b);
            return false;
        }
        int flags = charType(b) & (styleFlags | position);
        if ((flags & BACKSLASH_ESCAPE) != 0) {
            if ((flags & ESC_QUOTE) != 0) {
                out.append((char) b);
                return true;
            }
            out.append('\\').append((char) b);
            return false;
        }
        if ((flags & ESC_CTRL) != 0) {
            out.append('\\');
            Hex.appendUpper(out, b);
            return false;
        }
        out.append((char) b);
        return false;
    }

    /** The RFC 2253 properties of an ASCII character (OpenSSL's {@code char_type} table, in the bits used here). */
    private static int charType(int c) {
        if (c < ' ' || c == 0x7f) {
            return ESC_CTRL;
        }
        switch (c) {
            case ' ':
                return ESC_QUOTE | FIRST | LAST;
            case '#':
                return ESC_QUOTE | FIRST;
            case '+': case ',': case ';': case '<': case '>':
                return ESC_2253 | ESC_QUOTE;
            case '"': case '\\':
                return ESC_2253;
            default:
                return 0;
        }
    }

    private static int validCodePoint(int c) {
        return Character.isValidCodePoint(c) && !(c >= 0xd800 && c <= 0xdfff) ? c : 0xfffd;
    }

    /** The characters of a string value, or null when OpenSSL would dump it as DER. */
    private static int[] characters(RawString value) {
        byte[] b = value.content();
        switch (value.tag()) {
            case 12:
                return utf8CodePoints(b);
            case 18: case 19: case 20: case 22: case 23: case 24: case 26:
                int[] one = new int[b.length];
                for (int i = 0; i < b.length; i++) {
                    one[i] = b[i] & 0xff;
                }
                return one;
            case 28:
                return wide(b, 4);
            case 30:
                return wide(b, 2);
            default:
                return null;
        }
    }

    private static int[] wide(byte[] b, int width) {
        if (b.length % width != 0) {
            return null;
        }
        int[] out = new int[b.length / width];
        for (int i = 0; i < out.length; i++) {
            int c = 0;
            for (int k = 0; k < width; k++) {
                c = (c << 8) | (b[i * width + k] & 0xff);
            }
            out[i] = c;
        }
        return out;
    }

    private static int[] utf8CodePoints(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b)).toString();
            return s.codePoints().toArray();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
