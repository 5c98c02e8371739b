package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.BasicConstraints;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The one-line extensions: basicConstraints, keyUsage, nsCertType, extendedKeyUsage,
 * subjectKeyIdentifier, the Netscape strings (nsComment, nsBaseUrl, …), policyConstraints,
 * inhibitAnyPolicy, TLS feature, and the CRL ones (cRLNumber, deltaCRLIndicator, reasonCode,
 * invalidityDate).
 */
final class SimpleExtensionText {
    static final String[] KEY_USAGE = {"Digital Signature", "Non Repudiation", "Key Encipherment",
        "Data Encipherment", "Key Agreement", "Certificate Sign", "CRL Sign", "Encipher Only", "Decipher Only"};
    static final String[] NS_CERT_TYPE = {"SSL Client", "SSL Server", "S/MIME", "Object Signing", "Unused",
        "SSL CA", "S/MIME CA", "Object Signing CA"};
    /** CRL reason codes by value (RFC 5280 §5.3.1); 7 is unused. */
    static final String[] CRL_REASONS = {"Unspecified", "Key Compromise", "CA Compromise", "Affiliation Changed",
        "Superseded", "Cessation Of Operation", "Certificate Hold", null, "Remove From CRL", "Privilege Withdrawn",
        "AA Compromise"};

    private SimpleExtensionText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("2.5.29.19", SimpleExtensionText::basicConstraints);
        printers.put("2.5.29.15", (out, v, indent) -> bitNames(out, v, indent, KEY_USAGE));
        printers.put("2.16.840.1.113730.1.1", (out, v, indent) -> bitNames(out, v, indent, NS_CERT_TYPE));
        printers.put("2.5.29.37", SimpleExtensionText::extendedKeyUsage);
        printers.put("2.5.29.14", (out, v, indent) ->
            Indent.spaces(out, indent).append(Hex.colons(ASN1OctetString.getInstance(v).getOctets())));
        for (String ns : new String[] {"2", "3", "4", "7", "8", "12", "13"}) {
            printers.put("2.16.840.1.113730.1." + ns, SimpleExtensionText::netscapeString);
        }
        printers.put("2.5.29.36", SimpleExtensionText::policyConstraints);
        printers.put("2.5.29.54", SimpleExtensionText::integer);
        printers.put("2.5.29.20", SimpleExtensionText::integer);
        printers.put("2.5.29.27", SimpleExtensionText::integer);
        printers.put("1.3.6.1.5.5.7.1.24", SimpleExtensionText::tlsFeature);
        printers.put("2.5.29.21", SimpleExtensionText::reasonCode);
        printers.put("2.5.29.24", (out, v, indent) -> Indent.spaces(out, indent).append(ValueText.time(v)));
    }

    private static void basicConstraints(StringBuilder out, ASN1Primitive value, int indent) {
        BasicConstraints bc = BasicConstraints.getInstance(value);
        List<ConfValue> items = new ArrayList<>();
        items.add(new ConfValue("CA", bc.isCA() ? "TRUE" : "FALSE"));
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        for (ASN1Encodable e : seq) {
            if (e instanceof ASN1Integer) {
                items.add(new ConfValue("pathlen", ValueText.integer(((ASN1Integer) e).getValue())));
            }
        }
        ConfValue.print(out, items, indent, false);
    }

    /** {@code i2v_ASN1_BIT_STRING}: the names of the set bits, in table order. */
    private static void bitNames(StringBuilder out, ASN1Primitive value, int indent, String[] names) {
        byte[] bits = bitBytes(ASN1BitString.getInstance(value));
        List<ConfValue> items = new ArrayList<>();
        for (int bit = 0; bit < names.length; bit++) {
            if (isSet(bits, bit)) {
                items.add(new ConfValue(null, names[bit]));
            }
        }
        ConfValue.printNonEmpty(out, items, indent, false);
    }

    /** The bit string's bytes with the unused trailing bits cleared, as OpenSSL keeps them. */
    static byte[] bitBytes(ASN1BitString bits) {
        byte[] bytes = bits.getBytes().clone();
        if (bytes.length > 0) {
            bytes[bytes.length - 1] &= (byte) (0xff << bits.getPadBits());
        }
        return bytes;
    }

    static boolean isSet(byte[] bits, int bit) {
        int index = bit / 8;
        return index < bits.length && (bits[index] & (0x80 >> (bit % 8))) != 0;
    }

    private static void extendedKeyUsage(StringBuilder out, ASN1Primitive value, int indent) {
        List<ConfValue> items = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            items.add(new ConfValue(null, ObjectNames.text(ASN1ObjectIdentifier.getInstance(e))));
        }
        ConfValue.printNonEmpty(out, items, indent, false);
    }

    /** {@code i2s_ASN1_IA5STRING}: the text up to a NUL; an empty string cannot be printed. */
    private static void netscapeString(StringBuilder out, ASN1Primitive value, int indent) {
        RawString raw = RawString.of(value);
        if (raw.tag() != 22 || raw.content().length == 0) {
            throw new IllegalArgumentException("not a non-empty IA5String");
        }
        Indent.spaces(out, indent).append(raw.cString());
    }

    private static void policyConstraints(StringBuilder out, ASN1Primitive value, int indent) {
        List<ConfValue> items = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(e);
            BigInteger n = ASN1Integer.getInstance(tagged, false).getValue();
            String name = tagged.getTagNo() == 0 ? "Require Explicit Policy" : "Inhibit Policy Mapping";
            items.add(new ConfValue(name, ValueText.integer(n)));
        }
        ConfValue.printNonEmpty(out, items, indent, false);
    }

    private static void integer(StringBuilder out, ASN1Primitive value, int indent) {
        Indent.spaces(out, indent).append(ValueText.integer(ASN1Integer.getInstance(value).getValue()));
    }

    private static void tlsFeature(StringBuilder out, ASN1Primitive value, int indent) {
        List<ConfValue> items = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            BigInteger n = ASN1Integer.getInstance(e).getValue();
            String name = n.intValue() == 5 ? "status_request" : n.intValue() == 17 ? "status_request_v2" : n.toString();
            items.add(new ConfValue(null, n.bitLength() < 31 ? name : n.toString()));
        }
        ConfValue.printNonEmpty(out, items, indent, false);
    }

    private static void reasonCode(StringBuilder out, ASN1Primitive value, int indent) {
        BigInteger code = ASN1Enumerated.getInstance(value).getValue();
        Indent.spaces(out, indent).append(reasonName(code));
    }

    /** {@code i2s_ASN1_ENUMERATED_TABLE} over the CRL reasons: the display name, else the number. */
    static String reasonName(BigInteger code) {
        if (code.signum() >= 0 && code.compareTo(BigInteger.valueOf(CRL_REASONS.length)) < 0) {
            String name = CRL_REASONS[code.intValue()];
            if (name != null) {
                return name;
            }
        }
        return ValueText.integer(code);
    }
}
