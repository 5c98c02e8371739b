package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The inline directory-name form Portcullis accepts where OpenSSL wants a configuration section
 * ({@code dirName:/C=US/O=Example/CN=x}), in the syntax of {@code openssl req -subj}: RDNs introduced by
 * {@code /}, several attributes of one RDN joined by {@code +}, {@code \} escaping the next character.
 * Each attribute gets the string type OpenSSL gives it from a section with its default
 * {@code string_mask = utf8only}: PrintableString for {@code C}, {@code serialNumber} and
 * {@code dnQualifier}, IA5String for {@code emailAddress} and {@code DC}, UTF8String otherwise.
 * (pyOpenSSL has no configuration database, so there a {@code dirName} always fails; a value not starting
 * with {@code /} still fails that way here.)
 */
final class InlineNameParser {
    private InlineNameParser() {
    }

    static boolean isInline(String value) {
        return value != null && value.startsWith("/");
    }

    static X500Name parse(String text) {
        List<RDN> rdns = new ArrayList<>();
        List<AttributeTypeAndValue> current = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        int at = 1;
        while (at <= text.length()) {
            char c = at < text.length() ? text.charAt(at) : '/';
            if (c == '\\' && at + 1 < text.length()) {
                token.append(text.charAt(at + 1));
                at += 2;
                continue;
            }
            if (c == '/' || c == '+') {
                current.add(attribute(token.toString()));
                token.setLength(0);
                if (c == '/') {
                    rdns.add(new RDN(current.toArray(new AttributeTypeAndValue[0])));
                    current.clear();
                }
            } else {
                token.append(c);
            }
            at++;
        }
        return new X500Name(rdns.toArray(new RDN[0]));
    }

    private static AttributeTypeAndValue attribute(String item) {
        int eq = item.indexOf('=');
        if (eq <= 0 || eq == item.length() - 1) {
            throw V3Error.of("dirname error");
        }
        String type = item.substring(0, eq);
        ASN1ObjectIdentifier oid = ObjectNames.parse(type).orElseThrow(() ->
            V3Error.from("X509 routines", "invalid field name", "dirname error"));
        return new AttributeTypeAndValue(oid, value(ObjectNames.shortText(oid), item.substring(eq + 1)));
    }

    private static ASN1Encodable value(String shortName, String text) {
        switch (shortName) {
            case "C":
            case "serialNumber":
            case "dnQualifier":
                if (!DERPrintableString.isPrintableString(text) || ("C".equals(shortName) && text.length() != 2)) {
                    throw V3Error.from("asn1 encoding routines", "illegal characters", "dirname error");
                }
                return new DERPrintableString(text);
            case "emailAddress":
            case "DC":
                if (!text.chars().allMatch(ch -> ch < 0x80)) {
                    throw V3Error.from("asn1 encoding routines", "illegal characters", "dirname error");
                }
                return new DERIA5String(text);
            default:
                return new DERUTF8String(text);
        }
    }
}
