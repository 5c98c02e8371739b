package dev.portcullis.crypto;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import dev.portcullis.crypto.internal.crl.RevokedEntry;
import dev.portcullis.crypto.internal.x509.Asn1Time;

/**
 * One revoked certificate in a {@link CRL} (RFC 5280 §5.1.2.6): its serial number, when it was revoked, and
 * optionally why. pyOpenSSL's {@code crypto.Revoked}, removed in pyOpenSSL 24.3 and back here.
 *
 * <p>As in pyOpenSSL, the serial number is hexadecimal text ({@code "03AB"}) and the date ASN.1 time text
 * ({@code "20250101000000Z"}); pyOpenSSL's {@code bytes} become {@code String}. {@link CRL#addRevoked} and
 * {@link CRL#getRevoked} copy, so changing a {@code Revoked} never changes a CRL. Not thread-safe while being
 * modified.
 */
public final class Revoked {
    /** pyOpenSSL's reason strings, in code order (RFC 5280 §5.3.1 codes 0 to 6; {@code removeFromCRL} left out). */
    private static final List<String> REASONS = List.of("unspecified", "keyCompromise", "CACompromise",
            "affiliationChanged", "superseded", "cessationOfOperation", "certificateHold");

    private final RevokedEntry entry;

    /** A new revocation: serial {@code "00"}, no date, no reason. */
    public Revoked() {
        this(new RevokedEntry());
    }

    Revoked(RevokedEntry entry) {
        this.entry = entry;
    }

    RevokedEntry entry() {
        return entry;
    }

    /**
     * Sets the serial number from hexadecimal text as OpenSSL's {@code BN_hex2bn} reads it: an optional
     * {@code -}, then the leading hex digits; anything after them is ignored ({@code "31ppp"} gives {@code 31}).
     *
     * @throws IllegalArgumentException "bad hex string" when there is no hex digit, or for {@code null}
     */
    public void setSerial(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("bad hex string");
        }
        boolean negative = hex.startsWith("-");
        int start = negative ? 1 : 0;
        int end = start;
        while (end < hex.length() && Character.digit(hex.charAt(end), 16) >= 0 && hex.charAt(end) < 0x80) {
            end++;
        }
        if (end == start) {
            throw new IllegalArgumentException("bad hex string");
        }
        BigInteger value = new BigInteger(hex.substring(start, end), 16);
        entry.setSerial(negative ? value.negate() : value);
    }

    /** Sets the serial number (beyond pyOpenSSL). */
    public void setSerial(BigInteger serial) {
        if (serial == null) {
            throw new IllegalArgumentException("serial must be an integer, not null");
        }
        entry.setSerial(serial);
    }

    /**
     * The serial number as OpenSSL's {@code i2a_ASN1_INTEGER} prints it: upper-case hex, two digits a byte
     * ({@code 0x10B} gives {@code "010B"}, zero {@code "00"}, minus five {@code "-05"}).
     */
    public String getSerial() {
        BigInteger serial = entry.serial();
        byte[] magnitude = serial.abs().toByteArray();
        int from = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        StringBuilder text = new StringBuilder(serial.signum() < 0 ? "-" : "");
        for (int i = from; i < magnitude.length; i++) {
            text.append(Character.toUpperCase(Character.forDigit((magnitude[i] >> 4) & 0xf, 16)));
            text.append(Character.toUpperCase(Character.forDigit(magnitude[i] & 0xf, 16)));
        }
        return text.toString();
    }

    /** The serial number as a number (beyond pyOpenSSL). */
    public BigInteger getSerialNumber() {
        return entry.serial();
    }

    /**
     * Sets the revocation date from ASN.1 time text ({@code "20250101000000Z"}, offsets such as {@code +0530}
     * and UTCTime {@code "250101000000Z"} work too; stored as given).
     *
     * @throws IllegalArgumentException "Invalid string" for text that is not an ASN.1 time
     */
    public void setRevDate(String when) {
        entry.setRevocationDate(parseTime(when));
    }

    /** The revocation date as GeneralizedTime text ({@code YYYYMMDDhhmmssZ}; UTCTime converted), or {@code null}. */
    public String getRevDate() {
        Asn1Time date = entry.revocationDate();
        return date == null ? null : date.generalizedText();
    }

    /**
     * Sets why the certificate was revoked (the {@code cRLReason} entry extension, RFC 5280 §5.3.1), or removes the
     * reason for {@code null}. The text is one of {@link #allReasons()}, compared case-insensitively with spaces
     * removed, so the display forms {@link #getReason()} returns ({@code "Key Compromise"}) work too.
     *
     * @throws IllegalArgumentException for any other text
     */
    public void setReason(String reason) {
        if (reason == null) {
            entry.setReason(-1);
            return;
        }
        String wanted = reason.toLowerCase(Locale.ROOT).replace(" ", "");
        for (int code = 0; code < REASONS.size(); code++) {
            if (REASONS.get(code).toLowerCase(Locale.ROOT).equals(wanted)) {
                entry.setReason(code);
                return;
            }
        }
        throw new IllegalArgumentException("'" + reason + "' is not a revocation reason; expected one of "
                + REASONS);
    }

    /**
     * The reason as OpenSSL prints it ({@code "Unspecified"}, {@code "Key Compromise"}, {@code "CA Compromise"},
     * {@code "Affiliation Changed"}, {@code "Superseded"}, {@code "Cessation Of Operation"},
     * {@code "Certificate Hold"}, and for loaded lists also {@code "Remove From CRL"}, {@code "Privilege Withdrawn"},
     * {@code "AA Compromise"}), or {@code null} when there is none.
     */
    public String getReason() {
        return entry.reasonText();
    }

    /**
     * The reason strings {@link #setReason} accepts, in RFC 5280 code order: {@code unspecified},
     * {@code keyCompromise}, {@code CACompromise}, {@code affiliationChanged}, {@code superseded},
     * {@code cessationOfOperation}, {@code certificateHold} (a new modifiable list each call).
     */
    public static List<String> allReasons() {
        return new java.util.ArrayList<>(REASONS);
    }

    static Asn1Time parseTime(String when) {
        if (when == null) {
            throw new IllegalArgumentException("when must be a string, not null");
        }
        Asn1Time time = Asn1Time.fromText(when);
        if (time == null) {
            throw new IllegalArgumentException("Invalid string");
        }
        return time;
    }

    /** The serial, date and reason. */
    @Override
    public String toString() {
        return "<Revoked serial=" + getSerial() + " date=" + getRevDate() + " reason=" + getReason() + ">";
    }
}
