package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The three ways OpenSSL 3.0 writes a distinguished name on one line.
 *
 * <ul>
 *   <li>{@link #oneline(X500Name)}: {@code X509_NAME_oneline}, {@code /C=US/CN=x}: pyOpenSSL's
 *       {@code repr(X509Name)}, {@code DirName:} in subjectAltName and authorityKeyIdentifier.
 *       Values are their raw bytes; bytes outside printable ASCII become {@code \xHH}, and {@code /}
 *       and {@code +} are escaped with a backslash; entries of one multi-valued RDN are joined by
 *       {@code +}.</li>
 *   <li>{@link #print(X500Name)}: {@code X509_NAME_print_ex(.., XN_FLAG_ONELINE)},
 *       {@code C = US, O = "Test, Inc.", CN = x}: the {@code Issuer:}/{@code Subject:} lines of
 *       {@code openssl x509 -text} and {@code DirName:} in name constraints and CRL distribution points.
 *       Values are shown as UTF-8 with every byte above 0x7F and every control character escaped as
 *       {@code \HH}, {@code "} and {@code \} backslash-escaped, and the whole value put in double quotes
 *       when it contains {@code , + ; < >} or starts with {@code #} or a space or ends with a space
 *       (RFC 2253 characters, "quoted" rather than escaped). Multi-valued RDNs are joined by {@code " + "}.</li>
 *   <li>{@link #printCompat(X500Name)}: {@code X509_NAME_print}, OpenSSL's old form used when
 *       pyOpenSSL dumps {@code FILETYPE_TEXT}: the {@code oneline} text with the {@code /} before an
 *       attribute whose short name is one or two upper-case letters turned into {@code ", "}
 *       ({@code C=US, O=x/emailAddress=e}).</li>
 * </ul>
 */
public final class NameText {
    /** OpenSSL's cap on a name rendered without a caller buffer ({@code NAME_ONELINE_MAX}). */
    private static final int ONELINE_MAX = 1024 * 1024;

    private NameText() {
    }

    /** {@code X509_NAME_oneline(name, NULL, 0)}: the whole name. */
    public static String oneline(X500Name name) {
        return oneline(name, ONELINE_MAX + 1);
    }

    /**
     * {@code X509_NAME_oneline(name, buf, bufferSize)}: like {@link #oneline(X500Name)}, but entries that
     * would not fit in {@code bufferSize - 1} characters are left out (OpenSSL stops at the last whole
     * entry that fits). pyOpenSSL's {@code repr(X509Name)} uses a 512-byte buffer; {@code DirName:} in
     * {@code subjectAltName} text uses 256.
     */
    public static String oneline(X500Name name, int bufferSize) {
        StringBuilder out = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            AttributeTypeAndValue[] entries = rdn.getTypesAndValues();
            for (int i = 0; i < entries.length; i++) {
                StringBuilder entry = new StringBuilder();
                entry.append(i == 0 ? '/' : '+');
                entry.append(onelineField(entries[i].getType())).append('=');
                appendOnelineValue(entry, RawString.of(entries[i].getValue()));
                if (out.length() + entry.length() > bufferSize - 1) {
                    return out.toString();
                }
                out.append(entry);
            }
        }
        return out.toString();
    }

    /** The {@code -nameopt} forms {@link #print(X500Name, Format)} writes. */
    public enum Format {
        /** {@code oneline}, OpenSSL 3.0's default: {@code C = US, O = "A, B", CN = x + UID = y}. */
        ONELINE(", ", " + ", " = ", false, DnValueEscaper.Style.ONELINE),
        /** {@code RFC2253}: last RDN first, {@code CN=x+UID=y,O=A\, B,C=US}, unknown attribute types as {@code #hex}. */
        RFC2253(",", "+", "=", true, DnValueEscaper.Style.RFC2253),
        /** {@code utf8,sep_comma_plus,sname}: {@code C=US,O=A, B,CN=x+UID=y} with UTF-8 text and no escaping. */
        UTF8(",", "+", "=", false, DnValueEscaper.Style.UTF8);

        final String rdnSeparator;
        final String valueSeparator;
        final String equals;
        final boolean reversed;
        final DnValueEscaper.Style style;

        Format(String rdnSeparator, String valueSeparator, String equals, boolean reversed, DnValueEscaper.Style style) {
            this.rdnSeparator = rdnSeparator;
            this.valueSeparator = valueSeparator;
            this.equals = equals;
            this.reversed = reversed;
            this.style = style;
        }
    }

    /** {@code X509_NAME_print_ex(out, name, 0, XN_FLAG_ONELINE)}. */
    public static String print(X500Name name) {
        return print(name, Format.ONELINE);
    }

    /**
     * {@code X509_NAME_print_ex} with the flags of {@code -nameopt oneline}, {@code RFC2253} or
     * {@code utf8,sep_comma_plus,sname}.
     */
    public static String print(X500Name name, Format format) {
        StringBuilder out = new StringBuilder();
        RDN[] rdns = name.getRDNs();
        for (int r = 0; r < rdns.length; r++) {
            if (r > 0) {
                out.append(format.rdnSeparator);
            }
            AttributeTypeAndValue[] entries = rdns[format.reversed ? rdns.length - 1 - r : r].getTypesAndValues();
            for (int i = 0; i < entries.length; i++) {
                if (i > 0) {
                    out.append(format.valueSeparator);
                }
                AttributeTypeAndValue entry = entries[format.reversed ? entries.length - 1 - i : i];
                java.util.Optional<String> field = ObjectNames.shortName(entry.getType());
                out.append(field.orElse(entry.getType().getId())).append(format.equals);
                RawString value = RawString.of(entry.getValue());
                if (field.isEmpty() && format.style.dumpUnknownFields) {
                    out.append('#').append(Hex.upper(value.der()));
                } else {
                    DnValueEscaper.append(out, value, format.style);
                }
            }
        }
        return out.toString();
    }

    /** {@code X509_NAME_print(out, name, 0)}: the pre-1.0 form pyOpenSSL's text dumps still show. */
    public static String printCompat(X500Name name) {
        String line = oneline(name);
        if (line.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        int start = 1;
        for (int at = 1; at <= line.length(); at++) {
            if (at == line.length() || startsShortUpperField(line, at)) {
                out.append(line, start, at);
                if (at < line.length()) {
                    out.append(", ");
                }
                start = at + 1;
            }
        }
        return out.toString();
    }

    /** {@code /X=} or {@code /XY=} with upper-case ASCII letters at {@code at}. */
    private static boolean startsShortUpperField(String s, int at) {
        if (s.charAt(at) != '/' || at + 2 >= s.length() || !isUpper(s.charAt(at + 1))) {
            return false;
        }
        return s.charAt(at + 2) == '=' || (isUpper(s.charAt(at + 2)) && at + 3 < s.length() && s.charAt(at + 3) == '=');
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** The field name {@code X509_NAME_oneline} writes: the short name, else the long name or dotted OID. */
    private static String onelineField(ASN1ObjectIdentifier type) {
        return ObjectNames.shortName(type).orElseGet(() -> ObjectNames.text(type));
    }

    private static void appendOnelineValue(StringBuilder out, RawString value) {
        byte[] bytes = value.content();
        boolean[] keep = generalStringLanes(value);
        for (int j = 0; j < bytes.length; j++) {
            if (!keep[j & 3]) {
                continue;
            }
            int b = bytes[j] & 0xff;
            if (b < ' ' || b > '~') {
                out.append("\\x");
                Hex.appendUpper(out, b);
            } else {
                if (b == '/' || b == '+') {
                    out.append('\\');
                }
                out.append((char) b);
            }
        }
    }

    /**
     * OpenSSL's heuristic for a GeneralString whose length is a multiple of four: when only every fourth
     * byte is non-zero it is treated as UCS-4 and only those bytes are printed.
     */
    private static boolean[] generalStringLanes(RawString value) {
        boolean[] keep = {true, true, true, true};
        byte[] bytes = value.content();
        if (value.tag() != 27 || bytes.length % 4 != 0) {
            return keep;
        }
        boolean[] nonZero = new boolean[4];
        for (int j = 0; j < bytes.length; j++) {
            if (bytes[j] != 0) {
                nonZero[j & 3] = true;
            }
        }
        if (!(nonZero[0] || nonZero[1] || nonZero[2])) {
            keep[0] = keep[1] = keep[2] = false;
        }
        return keep;
    }
}
