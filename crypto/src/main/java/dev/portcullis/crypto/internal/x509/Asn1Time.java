package dev.portcullis.crypto.internal.x509;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import dev.portcullis.crypto.internal.der.Der;

/**
 * An X.509 {@code Time} (RFC 5280 §4.1.2.5): a UTCTime ({@code YYMMDDHHMMSSZ}) or GeneralizedTime
 * ({@code YYYYMMDDHHMMSSZ}), kept as the exact text it was read or set with.
 *
 * <p>Validation follows OpenSSL's {@code ASN1_TIME_check}: minutes are required, seconds optional, a
 * GeneralizedTime may carry a fraction ({@code .123}), and the zone is {@code Z} or {@code ±hhmm} with an
 * offset of at most 12 hours. {@link #fromText(String)} is {@code ASN1_TIME_set_string}: it tries UTCTime first,
 * then GeneralizedTime, and stores the text verbatim.
 */
public record Asn1Time(int tag, String text) {
    /** Parses OpenSSL-style time text; {@code null} when it is neither a valid UTCTime nor GeneralizedTime. */
    public static Asn1Time fromText(String text) {
        if (parse(Der.UTC_TIME, text) != null) {
            return new Asn1Time(Der.UTC_TIME, text);
        }
        if (parse(Der.GENERALIZED_TIME, text) != null) {
            return new Asn1Time(Der.GENERALIZED_TIME, text);
        }
        return null;
    }

    /** A time element's content as read from DER; {@code null} when it does not validate. */
    public static Asn1Time fromDer(int tag, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return parse(tag, text) == null ? null : new Asn1Time(tag, text);
    }

    /**
     * OpenSSL's {@code ASN1_TIME_adj}/{@code X509_gmtime_adj} result for {@code instant}: UTCTime for years
     * 1950–2049 (as RFC 5280 requires), GeneralizedTime otherwise, always with seconds and {@code Z}.
     */
    public static Asn1Time of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("time out of range for X.509: year " + year);
        }
        boolean utc = year >= 1950 && year < 2050;
        StringBuilder text = new StringBuilder(15);
        if (utc) {
            twoDigits(text, year % 100);
        } else {
            twoDigits(text, year / 100);
            twoDigits(text, year % 100);
        }
        twoDigits(text, t.getMonthValue());
        twoDigits(text, t.getDayOfMonth());
        twoDigits(text, t.getHour());
        twoDigits(text, t.getMinute());
        twoDigits(text, t.getSecond());
        return new Asn1Time(utc ? Der.UTC_TIME : Der.GENERALIZED_TIME, text.append('Z').toString());
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10 % 10)).append((char) ('0' + value % 10));
    }

    /**
     * {@link #of(Instant)} for now plus {@code seconds} ({@code X509_gmtime_adj}).
     *
     * @throws IllegalArgumentException when the result is outside years 0–9999
     */
    public static Asn1Time nowPlus(long seconds) {
        try {
            return of(Instant.now().plusSeconds(seconds));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("time out of range for X.509: now + " + seconds + " s", e);
        }
    }

    /** The DER element. */
    public byte[] encode() {
        return Der.tlv(tag, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The instant this time denotes (zone offsets applied, fractions dropped), or {@code null} when not valid. */
    public Instant instant() {
        return parse(tag, text);
    }

    /**
     * pyOpenSSL's {@code get_notBefore()} text: a GeneralizedTime as stored; a UTCTime converted by
     * {@code ASN1_TIME_to_generalizedtime}, i.e. normalised to {@code YYYYMMDDHHMMSSZ} in UTC.
     *
     * @throws dev.portcullis.crypto.CryptoException for a UTCTime read from a certificate that is not a valid time
     */
    public String generalizedText() {
        if (tag == Der.GENERALIZED_TIME) {
            return text;
        }
        Instant instant = instant();
        if (instant == null) {
            throw new dev.portcullis.crypto.CryptoException(dev.portcullis.crypto.internal.der.DerReader.ASN1_LIB,
                    "invalid time format");
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return String.format("%04d%02d%02d%02d%02d%02dZ", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /** Validates {@code text} as a time of type {@code tag}; returns its instant or {@code null}. */
    private static Instant parse(int tag, String text) {
        int p = 0;
        int year;
        if (tag == Der.UTC_TIME) {
            int yy = digits(text, p, 2);
            if (yy < 0) {
                return null;
            }
            year = yy < 50 ? 2000 + yy : 1900 + yy;
            p = 2;
        } else if (tag == Der.GENERALIZED_TIME) {
            year = digits(text, p, 4);
            p = 4;
        } else {
            return null;
        }
        int month = digits(text, p, 2);
        int day = digits(text, p + 2, 2);
        int hour = digits(text, p + 4, 2);
        int minute = digits(text, p + 6, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        p += 8;
        int second = 0;
        if (p < text.length() && Character.isDigit(text.charAt(p))) {
            second = digits(text, p, 2);
            if (second < 0 || second > 59) {
                return null;
            }
            p += 2;
            if (tag == Der.GENERALIZED_TIME && p < text.length() && text.charAt(p) == '.') {
                int q = p + 1;
                while (q < text.length() && Character.isDigit(text.charAt(q))) {
                    q++;
                }
                if (q == p + 1) {
                    return null;
                }
                p = q;
            }
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long offsetSeconds;
        if (p == text.length() - 1 && text.charAt(p) == 'Z') {
            offsetSeconds = 0;
        } else if (p == text.length() - 5 && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
            int oh = digits(text, p + 1, 2);
            int om = digits(text, p + 3, 2);
            if (oh < 0 || oh > 12 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (text.charAt(p) == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
        } else {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC)
                .minusSeconds(offsetSeconds);
    }

    /** The ASCII decimal number in {@code text[from, from+count)}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
