package dev.portcullis.crypto.internal.x509;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.ObjectNames;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * How a text value becomes an ASN.1 string inside a distinguished name: OpenSSL's string table
 * ({@code tbl_standard} in {@code a_strnid.c}) under its default {@code utf8only} mask.
 *
 * <p>Each known attribute has a string type and a length range in characters: {@code countryName} is a
 * PrintableString of exactly 2, {@code commonName} a UTF8String of 1 to 64 ({@code ub_common_name}),
 * {@code emailAddress} an IA5String of 1 to 128, {@code domainComponent} an IA5String, and so on. Attributes
 * outside the table are UTF8Strings of any length. The checks run in OpenSSL's order (too short, too long, then
 * the character repertoire) and fail with OpenSSL's reasons.
 */
public final class AttributeStrings {
    private record Rule(int tag, int min, int max) {
    }

    private static final int UB_NAME = 32768;
    private static final Rule DEFAULT = new Rule(Der.UTF8_STRING, -1, -1);
    private static final Map<ASN1ObjectIdentifier, Rule> RULES = new HashMap<>();

    static {
        rule("CN", Der.UTF8_STRING, 1, 64);
        rule("C", Der.PRINTABLE_STRING, 2, 2);
        rule("L", Der.UTF8_STRING, 1, 128);
        rule("ST", Der.UTF8_STRING, 1, 128);
        rule("O", Der.UTF8_STRING, 1, 64);
        rule("OU", Der.UTF8_STRING, 1, 64);
        rule("emailAddress", Der.IA5_STRING, 1, 128);
        rule("unstructuredName", Der.UTF8_STRING, 1, -1);
        rule("challengePassword", Der.UTF8_STRING, 1, -1);
        rule("unstructuredAddress", Der.UTF8_STRING, 1, -1);
        rule("GN", Der.UTF8_STRING, 1, UB_NAME);
        rule("SN", Der.UTF8_STRING, 1, UB_NAME);
        rule("initials", Der.UTF8_STRING, 1, UB_NAME);
        rule("serialNumber", Der.PRINTABLE_STRING, 1, 64);
        rule("friendlyName", Der.BMP_STRING, -1, -1);
        rule("name", Der.UTF8_STRING, 1, UB_NAME);
        rule("dnQualifier", Der.PRINTABLE_STRING, -1, -1);
        rule("DC", Der.IA5_STRING, 1, -1);
        rule("CSPName", Der.BMP_STRING, -1, -1);
        rule("jurisdictionC", Der.PRINTABLE_STRING, 2, 2);
        rule("INN", Der.NUMERIC_STRING, 1, 12);
        rule("OGRN", Der.NUMERIC_STRING, 1, 13);
        rule("SNILS", Der.NUMERIC_STRING, 1, 11);
        rule("c3", Der.PRINTABLE_STRING, 3, 3);
        rule("n3", Der.NUMERIC_STRING, 3, 3);
        rule("dnsName", Der.UTF8_STRING, 0, -1);
        rule("id-on-SmtpUTF8Mailbox", Der.UTF8_STRING, 1, 128);
    }

    private AttributeStrings() {
    }

    private static void rule(String shortName, int tag, int min, int max) {
        ASN1ObjectIdentifier oid = ObjectNames.parse(shortName)
                .orElseThrow(() -> new IllegalStateException("object table lacks " + shortName));
        RULES.put(oid, new Rule(tag, min, max));
    }

    /**
     * The DER contents and tag of {@code value} as the value of attribute {@code oid}: returns the full
     * string element (tag, length, contents).
     *
     * @throws CryptoException ({@code asn1 encoding routines}, {@code string too short} / {@code string too long}
     *     / {@code illegal characters}) when OpenSSL would refuse the value
     */
    public static byte[] encode(ASN1ObjectIdentifier oid, String value) {
        Rule rule = RULES.getOrDefault(oid, DEFAULT);
        int chars = value.codePointCount(0, value.length());
        if (rule.min > 0 && chars < rule.min) {
            throw DerReader.error("string too short");
        }
        if (rule.max > 0 && chars > rule.max) {
            throw DerReader.error("string too long");
        }
        if (!value.codePoints().allMatch(c -> fits(rule.tag, c))) {
            throw DerReader.error("illegal characters");
        }
        byte[] content = switch (rule.tag) {
            case Der.BMP_STRING -> value.getBytes(StandardCharsets.UTF_16BE);
            case Der.UTF8_STRING -> value.getBytes(StandardCharsets.UTF_8);
            default -> value.getBytes(StandardCharsets.ISO_8859_1);
        };
        return Der.tlv(rule.tag, content);
    }

    /**
     * OpenSSL's {@code ASN1_STRING_to_UTF8}: the text of a string element with {@code tag} and {@code content}.
     * BMPString is UTF-16BE, UniversalString UTF-32BE, UTF8String must be valid UTF-8, and the one-byte string
     * types (PrintableString, IA5String, T61String, …) map each byte to the code point of the same value.
     *
     * @throws CryptoException when the bytes do not form a valid string of that type, or the type is not a string
     */
    public static String decode(int tag, byte[] content) {
        switch (tag) {
            case Der.UTF8_STRING:
                return strict(StandardCharsets.UTF_8, content);
            case Der.BMP_STRING:
                if (content.length % 2 != 0) {
                    throw DerReader.error("invalid bmpstring length");
                }
                return strict(StandardCharsets.UTF_16BE, content);
            case Der.UNIVERSAL_STRING:
                if (content.length % 4 != 0) {
                    throw DerReader.error("invalid universalstring length");
                }
                return strict(java.nio.charset.Charset.forName("UTF-32BE"), content);
            case Der.NUMERIC_STRING, Der.PRINTABLE_STRING, Der.T61_STRING, 0x15, Der.IA5_STRING, 0x19,
                    Der.VISIBLE_STRING, 0x1b:
                return new String(content, StandardCharsets.ISO_8859_1);
            default:
                throw DerReader.error("unknown format");
        }
    }

    private static String strict(java.nio.charset.Charset charset, byte[] content) {
        if (charset == StandardCharsets.UTF_8 && isAscii(content)) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw DerReader.error("invalid utf8string");
        }
    }

    private static boolean isAscii(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(int tag, int c) {
        return switch (tag) {
            case Der.PRINTABLE_STRING -> isPrintable(c);
            case Der.IA5_STRING -> c < 0x80;
            case Der.NUMERIC_STRING -> c == ' ' || (c >= '0' && c <= '9');
            case Der.BMP_STRING -> c <= 0xffff;
            default -> !Character.isSurrogate((char) c) || c > 0xffff;
        };
    }

    /** X.680's PrintableString repertoire: letters, digits, space and {@code '()+,-./:=?}. */
    private static boolean isPrintable(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || " '()+,-./:=?".indexOf(c) >= 0;
    }
}
