package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.bouncycastle.asn1.ASN1Encodable;

/** OpenSSL's renderings of integers and times inside text dumps. */
final class ValueText {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private ValueText() {
    }

    /** {@code i2s_ASN1_INTEGER}: decimal below 128 bits, else {@code 0x} and upper-case hex in whole bytes. */
    static String integer(BigInteger value) {
        if (value.abs().bitLength() < 128) {
            return value.toString();
        }
        String hex = value.abs().toString(16).toUpperCase(java.util.Locale.ROOT);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return (value.signum() < 0 ? "-0x" : "0x") + hex;
    }

    /**
     * {@code ASN1_TIME_print}: {@code Mar 25 12:36:58 2009 GMT} (day padded with a space, fractions of a
     * second kept as written). A time with a {@code ±hhmm} offset is converted to UTC, and shown with GMT too.
     */
    static String time(ASN1Encodable time) {
        RawString raw = RawString.of(time);
        String text = new String(raw.content(), StandardCharsets.US_ASCII);
        boolean utc = raw.tag() == 23;
        try {
            return timeText(text, utc);
        } catch (RuntimeException e) {
            return "Bad time value";
        }
    }

    private static String timeText(String text, boolean utcTime) {
        int at = 0;
        int year;
        if (utcTime) {
            year = Integer.parseInt(text.substring(0, 2));
            year += year < 50 ? 2000 : 1900;
            at = 2;
        } else {
            year = Integer.parseInt(text.substring(0, 4));
            at = 4;
        }
        int month = Integer.parseInt(text.substring(at, at + 2));
        int day = Integer.parseInt(text.substring(at + 2, at + 4));
        int hour = Integer.parseInt(text.substring(at + 4, at + 6));
        int minute = Integer.parseInt(text.substring(at + 6, at + 8));
        at += 8;
        int second = 0;
        if (at + 1 < text.length() && Character.isDigit(text.charAt(at))) {
            second = Integer.parseInt(text.substring(at, at + 2));
            at += 2;
        }
        String fraction = "";
        if (!utcTime && at < text.length() && text.charAt(at) == '.') {
            int end = at + 1;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            fraction = text.substring(at, end);
            at = end;
        }
        LocalDateTime t = LocalDateTime.of(year, month, day, hour, minute, second);
        boolean gmt = at < text.length() && text.charAt(at) == 'Z';
        if (!gmt && at < text.length()) {
            int sign = text.charAt(at) == '-' ? -1 : 1;
            int offsetMinutes = Integer.parseInt(text.substring(at + 1, at + 3)) * 60 + Integer.parseInt(text.substring(at + 3, at + 5));
            t = t.atOffset(ZoneOffset.ofTotalSeconds(sign * offsetMinutes * 60)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        StringBuilder out = new StringBuilder(28).append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            out.append(' ');
        }
        out.append(t.getDayOfMonth()).append(' ');
        twoDigits(out, t.getHour()).append(':');
        twoDigits(out, t.getMinute()).append(':');
        twoDigits(out, t.getSecond());
        return out.append(fraction).append(' ').append(t.getYear()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int n) {
        return out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** {@code i2a_ASN1_INTEGER}: upper-case hex in whole bytes ({@code 00} for zero), {@code -} for negatives. */
    static String hexInteger(BigInteger value) {
        String hex = value.abs().toString(16).toUpperCase(java.util.Locale.ROOT);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return (value.signum() < 0 ? "-" : "") + hex;
    }
}
