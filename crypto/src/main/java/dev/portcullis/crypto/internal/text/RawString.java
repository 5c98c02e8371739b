package dev.portcullis.crypto.internal.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

import dev.portcullis.crypto.CryptoException;

/**
 * An ASN.1 value seen the way OpenSSL stores it in an {@code ASN1_STRING}: its universal tag and its
 * content octets. OpenSSL prints most strings from these raw bytes, whatever the declared type.
 *
 * @param tag the universal tag number (12 UTF8String, 19 PrintableString, 22 IA5String, 30 BMPString, …),
 *     or -1 for a constructed or non-universal value
 * @param content the content octets (for tag -1, the whole DER encoding, as OpenSSL keeps it)
 * @param der the whole DER encoding
 */
record RawString(int tag, byte[] content, byte[] der) {

    /** The tag and content octets of {@code value}. */
    static RawString of(ASN1Encodable value) {
        byte[] der;
        try {
            ASN1Primitive primitive = value.toASN1Primitive();
            der = primitive.getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("asn1 encoding routines", "wrong tag", e);
        }
        int first = der[0] & 0xff;
        boolean universalPrimitive = (first & 0xe0) == 0 && (first & 0x1f) != 0x1f;
        int at = 1;
        int lengthByte = der[at++] & 0xff;
        if (lengthByte > 0x80) {
            at += lengthByte - 0x80;
        }
        byte[] content = java.util.Arrays.copyOfRange(der, at, der.length);
        return universalPrimitive ? new RawString(first, content, der) : new RawString(-1, der, der);
    }

    /** The content octets decoded as UTF-8 (how pyOpenSSL turns OpenSSL's raw output into text). */
    String utf8() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** The content octets up to the first NUL, as C's {@code %.*s} prints them. */
    String cString() {
        int end = 0;
        while (end < content.length && content[end] != 0) {
            end++;
        }
        return new String(content, 0, end, StandardCharsets.UTF_8);
    }

    /** {@code ASN1_STRING_print}: bytes outside printable ASCII (except CR and LF) become {@code .}. */
    String dotted() {
        return dots(content);
    }

    /** {@code ASN1_STRING_print} over arbitrary bytes. */
    static String dots(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            boolean printable = (b >= ' ' && b <= '~') || b == '\n' || b == '\r';
            out.append(printable ? (char) b : '.');
        }
        return out.toString();
    }
}
