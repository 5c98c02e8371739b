package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.DERVisibleString;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The simple part of OpenSSL's {@code ASN1_generate_nconf} mini-language ({@code TYPE:value}), enough for
 * {@code ASN1:} generic extensions and otherName values: {@code UTF8}/{@code UTF8String},
 * {@code IA5}/{@code IA5STRING}, {@code PRINTABLE}/{@code PRINTABLESTRING}, {@code VISIBLE}/{@code VISIBLESTRING},
 * {@code BMP}/{@code BMPSTRING}, {@code INT}/{@code INTEGER} (decimal or {@code 0x} hex), {@code BOOL}/{@code BOOLEAN}
 * ({@code TRUE}, {@code true}, {@code Y}, {@code YES}…), {@code NULL}, {@code OID}/{@code OBJECT},
 * {@code OCT}/{@code OCTETSTRING} (text). Sequences, explicit tagging and modifiers are not supported and fail
 * like an unknown type ({@code ('ASN1 routines', '', 'unknown tag')}).
 */
final class Asn1Generator {
    private static final String ASN1 = "asn1 encoding routines";

    private Asn1Generator() {
    }

    static ASN1Encodable generate(String text) {
        int colon = text.indexOf(':');
        String type = ConfList.stripSpaces(colon < 0 ? text : text.substring(0, colon)).toUpperCase(java.util.Locale.ROOT);
        String value = colon < 0 ? null : text.substring(colon + 1);
        switch (type) {
            case "UTF8": case "UTF8STRING":
                return new DERUTF8String(need(value));
            case "IA5": case "IA5STRING":
                return new DERIA5String(need(value), false);
            case "PRINTABLE": case "PRINTABLESTRING":
                return new DERPrintableString(need(value), false);
            case "VISIBLE": case "VISIBLESTRING":
                return new DERVisibleString(need(value));
            case "BMP": case "BMPSTRING":
                return new DERBMPString(need(value));
            case "OCT": case "OCTETSTRING":
                return new DEROctetString(need(value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "BITSTR": case "BITSTRING":
                String bits = need(value);
                int nul = bits.indexOf('\0');
                return new org.bouncycastle.asn1.DERBitString(
                    (nul < 0 ? bits : bits.substring(0, nul)).getBytes(java.nio.charset.StandardCharsets.UTF_8), 0);
            case "INT": case "INTEGER":
                return new ASN1Integer(integer(need(value)));
            case "BOOL": case "BOOLEAN":
                return ASN1Boolean.getInstance(bool(need(value)));
            case "NULL":
                if (value != null && !value.isEmpty()) {
                    throw V3Error.from(ASN1, "illegal null value");
                }
                return DERNull.INSTANCE;
            case "OID": case "OBJECT":
                ASN1ObjectIdentifier oid = ObjectNames.parse(ConfList.stripSpaces(need(value))).orElseThrow(() ->
                    V3Error.from(ASN1, "illegal object"));
                return oid;
            default:
                throw V3Error.from(ASN1, "unknown tag");
        }
    }

    private static String need(String value) {
        if (value == null) {
            throw V3Error.from(ASN1, "missing value");
        }
        return value;
    }

    private static BigInteger integer(String value) {
        String v = ConfList.stripSpaces(value);
        try {
            boolean neg = v.startsWith("-");
            String digits = neg ? v.substring(1) : v;
            BigInteger n = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
            return neg ? n.negate() : n;
        } catch (NumberFormatException e) {
            throw V3Error.from(ASN1, "illegal integer");
        }
    }

    private static boolean bool(String value) {
        switch (ConfList.stripSpaces(value)) {
            case "TRUE": case "true": case "Y": case "y": case "YES": case "yes":
                return true;
            case "FALSE": case "false": case "N": case "n": case "NO": case "no":
                return false;
            default:
                throw V3Error.from(ASN1, "illegal boolean");
        }
    }
}
