package dev.portcullis.crypto.internal.pkcs12;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A PKCS#12 password in the two shapes the format distinguishes (RFC 7292 appendix B.1): an <em>absent</em>
 * password (OpenSSL's {@code NULL}), which the PKCS#12 key derivation sees as zero bytes, and a given one, even an
 * empty one, which it sees as a NUL-terminated BMPString ({@code ""} becomes {@code 00 00}).
 *
 * <p>The given bytes are used as they are for PBES2 and PBMAC1, and converted as OpenSSL's {@code OPENSSL_utf82uni}
 * converts them for the PKCS#12 schemes: valid UTF-8 becomes UTF-16BE, anything else is taken byte for byte as
 * ISO-8859-1.
 */
public final class Pkcs12Password {
    private static final Pkcs12Password ABSENT = new Pkcs12Password(null);

    private final byte[] bytes;

    private Pkcs12Password(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The absent password (OpenSSL's {@code NULL}). */
    public static Pkcs12Password absent() {
        return ABSENT;
    }

    /** A given password (a copy of {@code bytes} is kept); {@code null} means absent. */
    public static Pkcs12Password of(byte[] bytes) {
        return bytes == null ? ABSENT : new Pkcs12Password(bytes.clone());
    }

    /** Whether this is the absent password. */
    public boolean isAbsent() {
        return bytes == null;
    }

    /** Whether this is absent or empty: OpenSSL then tries both forms. */
    public boolean isAbsentOrEmpty() {
        return bytes == null || bytes.length == 0;
    }

    /** The bytes PBES2 and PBMAC1 use: the password as given (none when absent). */
    public byte[] raw() {
        return bytes == null ? new byte[0] : bytes.clone();
    }

    /** The bytes the PKCS#12 key derivation uses: a NUL-terminated BMPString, or nothing when absent. */
    public byte[] bmp() {
        if (bytes == null) {
            return new byte[0];
        }
        char[] chars = chars(bytes);
        byte[] out = new byte[chars.length * 2 + 2];
        for (int i = 0; i < chars.length; i++) {
            out[2 * i] = (byte) (chars[i] >>> 8);
            out[2 * i + 1] = (byte) chars[i];
        }
        Arrays.fill(chars, '\0');
        return out;
    }

    private static char[] chars(byte[] bytes) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] out = new char[decoded.remaining()];
            decoded.get(out);
            return out;
        } catch (CharacterCodingException e) {
            char[] out = new char[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                out[i] = (char) (bytes[i] & 0xff);
            }
            return out;
        }
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return bytes == null ? "<absent password>" : "<password>";
    }
}
