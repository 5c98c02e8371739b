package dev.portcullis.crypto.internal.x509;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.Der;

/**
 * OpenSSL's canonical form of one name attribute ({@code asn1_string_canon} in {@code x_name.c}), the basis of
 * name comparison and of the {@code X509_NAME_hash} used for hashed certificate directories.
 */
final class Canonical {
    private Canonical() {
    }

    /** The canonical {@code AttributeTypeAndValue} element of {@code entry}. */
    static byte[] entry(NameModel.Entry entry) {
        if (!isText(entry.tag())) {
            return entry.encode();
        }
        byte[] utf8;
        try {
            utf8 = AttributeStrings.decode(entry.tag(), entry.value()).getBytes(StandardCharsets.UTF_8);
        } catch (CryptoException e) {
            // OpenSSL cannot canonicalise such a value either; comparing the raw bytes is the stable choice.
            return entry.encode();
        }
        return Der.tlv(Der.SEQUENCE, Der.oid(entry.oid()), Der.tlv(Der.UTF8_STRING, fold(utf8)));
    }

    /** The string types OpenSSL canonicalises ({@code ASN1_MASK_CANON}); others are compared as they are. */
    private static boolean isText(int tag) {
        return switch (tag) {
            case Der.UTF8_STRING, Der.BMP_STRING, Der.UNIVERSAL_STRING, Der.PRINTABLE_STRING, Der.T61_STRING,
                    Der.IA5_STRING, Der.VISIBLE_STRING -> true;
            default -> false;
        };
    }

    /** Trims ASCII white space, collapses inner runs of it to one space and lower-cases ASCII letters. */
    static byte[] fold(byte[] utf8) {
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
            if (b < 0) {
                out.write(b);
                i++;
            } else if (isSpace(b)) {
                out.write(' ');
                while (i < to && isSpace(utf8[i])) {
                    i++;
                }
            } else {
                out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
                i++;
            }
        }
        return out.toByteArray();
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
