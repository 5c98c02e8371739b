package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1UTCTime;

/**
 * Reads certificate and CRL times the way OpenSSL 3.0's {@code X509_cmp_time} accepts them: only the RFC 5280
 * forms {@code YYMMDDHHMMSSZ} (UTCTime, years 1950–2049) and {@code YYYYMMDDHHMMSSZ} (GeneralizedTime),
 * digits only, with valid field ranges. Anything else is a "format error" (codes 13–16), not a time.
 */
final class Asn1Times {
    /** Marker for a time field OpenSSL would reject. */
    static final long INVALID = Long.MIN_VALUE;

    private Asn1Times() {
    }

    /** Seconds since the epoch, or {@link #INVALID}. */
    static long epochSeconds(ASN1Encodable time) {
        if (time == null) {
            return INVALID;
        }
        ASN1Primitive p = time.toASN1Primitive();
        String text;
        int yearDigits;
        if (p instanceof ASN1UTCTime) {
            text = contents(p);
            yearDigits = 2;
        } else if (p instanceof ASN1GeneralizedTime) {
            text = contents(p);
            yearDigits = 4;
        } else {
            return INVALID;
        }
        if (text == null || text.length() != yearDigits + 11 || text.charAt(text.length() - 1) != 'Z') {
            return INVALID;
        }
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
        }
        int year = Integer.parseInt(text.substring(0, yearDigits));
        if (yearDigits == 2) {
            year += year < 50 ? 2000 : 1900;
        }
        int at = yearDigits;
        try {
            LocalDateTime t = LocalDateTime.of(year, num(text, at), num(text, at + 2), num(text, at + 4),
                    num(text, at + 6), num(text, at + 8));
            return t.toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    private static int num(String s, int at) {
        return Integer.parseInt(s.substring(at, at + 2));
    }

    /** The raw characters of a time primitive (its DER contents octets). */
    private static String contents(ASN1Primitive p) {
        try {
            byte[] der = p.getEncoded();
            int len = der[1] & 0xff;
            int off = 2;
            if (len > 0x7f) {
                return null;
            }
            return new String(der, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
