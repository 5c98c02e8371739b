package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Certificate;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The configuration syntax of the one-line extensions: basicConstraints ({@code CA:TRUE,pathlen:0}),
 * keyUsage and nsCertType (bit names, short or long), extendedKeyUsage (object names or OIDs),
 * subjectKeyIdentifier ({@code hash}, {@code none} or hex), the Netscape strings, policyConstraints,
 * inhibitAnyPolicy and TLS feature.
 */
final class SimpleExtensionParser {
    private static final String[] KEY_USAGE_SHORT = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final String[] NS_CERT_TYPE_SHORT = {"client", "server", "email", "objsign", "reserved",
        "sslCA", "emailCA", "objCA"};

    private SimpleExtensionParser() {
    }

    /** What the parsers may need besides the text. */
    record Context(Certificate subject, Certificate issuer) {
    }

    /** A parser from configuration text to the extension's value. */
    interface ValueParser {
        ASN1Encodable parse(String value, Context context);
    }

    static void register(Map<String, ValueParser> parsers) {
        parsers.put("2.5.29.19", (v, c) -> basicConstraints(ConfList.parse(v)));
        parsers.put("2.5.29.15", (v, c) -> bits(ConfList.parse(v), KEY_USAGE_SHORT, SimpleExtensionText.KEY_USAGE));
        parsers.put("2.16.840.1.113730.1.1",
            (v, c) -> bits(ConfList.parse(v), NS_CERT_TYPE_SHORT, SimpleExtensionText.NS_CERT_TYPE));
        parsers.put("2.5.29.37", (v, c) -> extendedKeyUsage(ConfList.parse(v)));
        parsers.put("1.3.6.1.5.5.7.48.1.4", (v, c) -> extendedKeyUsage(ConfList.parse(v)));
        parsers.put("2.5.29.14", SimpleExtensionParser::subjectKeyIdentifier);
        for (String ns : new String[] {"2", "3", "4", "7", "8", "12", "13"}) {
            parsers.put("2.16.840.1.113730.1." + ns, (v, c) -> new DERIA5String(v, false));
        }
        parsers.put("2.5.29.36", (v, c) -> policyConstraints(ConfList.parse(v)));
        parsers.put("2.5.29.54", (v, c) -> new ASN1Integer(decimal(v)));
        parsers.put("1.3.6.1.5.5.7.1.24", (v, c) -> tlsFeature(ConfList.parse(v)));
        parsers.put("2.5.29.33", (v, c) -> policyMappings(ConfList.parse(v)));
        parsers.put("1.2.643.100.111", (v, c) -> new org.bouncycastle.asn1.DERUTF8String(v));
        // OCSP noCheck and the CT poison ignore their text and hold a NULL.
        parsers.put("1.3.6.1.5.5.7.48.1.5", (v, c) -> org.bouncycastle.asn1.DERNull.INSTANCE);
        parsers.put("1.3.6.1.4.1.11129.2.4.3", (v, c) -> org.bouncycastle.asn1.DERNull.INSTANCE);
    }

    private static ASN1Encodable basicConstraints(List<ConfValue> items) {
        boolean ca = false;
        BigInteger pathLen = null;
        for (ConfValue item : items) {
            if ("CA".equals(item.name())) {
                ca = bool(item.value());
            } else if ("pathlen".equals(item.name())) {
                pathLen = integer(item.value(), "invalid number");
            } else {
                throw V3Error.of("invalid name");
            }
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (ca) {
            v.add(ASN1Boolean.TRUE);
        }
        if (pathLen != null) {
            v.add(new ASN1Integer(pathLen));
        }
        return new DERSequence(v);
    }

    /** {@code X509V3_get_value_bool}. */
    static boolean bool(String value) {
        if (value != null) {
            switch (value) {
                case "TRUE": case "true": case "Y": case "y": case "YES": case "yes":
                    return true;
                case "FALSE": case "false": case "N": case "n": case "NO": case "no":
                    return false;
                default:
                    break;
            }
        }
        throw V3Error.of("invalid boolean string");
    }

    /** {@code s2i_ASN1_INTEGER}: decimal or {@code 0x} hex, optionally negative. */
    static BigInteger integer(String value, String reason) {
        if (value == null) {
            throw V3Error.of(reason);
        }
        try {
            boolean neg = value.startsWith("-");
            String digits = neg ? value.substring(1) : value;
            BigInteger n = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
            return neg ? n.negate() : n;
        } catch (NumberFormatException e) {
            throw V3Error.of("bn dec2bn error");
        }
    }

    private static BigInteger decimal(String value) {
        return integer(ConfList.stripSpaces(value), "bn dec2bn error");
    }

    /** {@code v2i_ASN1_BIT_STRING}: each name (short or long form) sets its bit; unknown names fail. */
    private static ASN1Encodable bits(List<ConfValue> items, String[] shortNames, String[] longNames) {
        int flags = 0;
        for (ConfValue item : items) {
            int bit = indexOf(item.name(), shortNames, longNames);
            if (bit < 0 || item.value() != null) {
                throw V3Error.of("unknown bit string argument");
            }
            flags |= 1 << bit;
        }
        // DER named bit strings drop trailing zero bits, as OpenSSL does.
        return new DERBitString(reverseBits(flags), padBits(flags));
    }

    private static int indexOf(String name, String[] shortNames, String[] longNames) {
        for (int i = 0; i < shortNames.length; i++) {
            if (shortNames[i].equals(name) || longNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] reverseBits(int flags) {
        int highest = 31 - Integer.numberOfLeadingZeros(flags);
        if (flags == 0) {
            return new byte[0];
        }
        byte[] out = new byte[highest / 8 + 1];
        for (int bit = 0; bit <= highest; bit++) {
            if ((flags & (1 << bit)) != 0) {
                out[bit / 8] |= (byte) (0x80 >> (bit % 8));
            }
        }
        return out;
    }

    private static int padBits(int flags) {
        if (flags == 0) {
            return 0;
        }
        int highest = 31 - Integer.numberOfLeadingZeros(flags);
        return 7 - highest % 8;
    }

    private static ASN1Encodable extendedKeyUsage(List<ConfValue> items) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ConfValue item : items) {
            String text = item.value() != null ? item.value() : item.name();
            v.add(ObjectNames.parse(text).orElseThrow(() ->
                V3Error.from("object identifier routines", "unknown object name", "invalid object identifier")));
        }
        return new DERSequence(v);
    }

    private static ASN1Encodable subjectKeyIdentifier(String value, Context context) {
        if ("none".equals(value)) {
            return new DEROctetString(new byte[0]);
        }
        if (!"hash".equals(value)) {
            return new DEROctetString(hex(value, Function.identity()));
        }
        if (context.subject() == null) {
            throw V3Error.of("no subject details");
        }
        return new DEROctetString(KeyIds.sha1(context.subject().getSubjectPublicKeyInfo()));
    }

    /** {@code OPENSSL_hexstr2buf}: hex pairs, optionally separated by colons. */
    static byte[] hex(String text, Function<V3Error, V3Error> wrap) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ':') {
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw wrap.apply(V3Error.from("common libcrypto routines", "odd number of digits"));
            }
            int hi = Character.digit(text.charAt(i), 16);
            int lo = Character.digit(text.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw wrap.apply(V3Error.from("common libcrypto routines", "illegal hex digit"));
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    private static ASN1Encodable policyConstraints(List<ConfValue> items) {
        ASN1Integer require = null;
        ASN1Integer inhibit = null;
        for (ConfValue item : items) {
            if ("requireExplicitPolicy".equals(item.name())) {
                require = new ASN1Integer(integer(item.value(), "invalid number"));
            } else if ("inhibitPolicyMapping".equals(item.name())) {
                inhibit = new ASN1Integer(integer(item.value(), "invalid number"));
            } else {
                throw V3Error.of("invalid name");
            }
        }
        if (require == null && inhibit == null) {
            throw V3Error.of("illegal empty extension");
        }
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (require != null) {
            v.add(new DERTaggedObject(false, 0, require));
        }
        if (inhibit != null) {
            v.add(new DERTaggedObject(false, 1, inhibit));
        }
        return new DERSequence(v);
    }

    /** {@code issuerPolicy:subjectPolicy} pairs, each an object name or dotted OID. */
    private static ASN1Encodable policyMappings(List<ConfValue> items) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ConfValue item : items) {
            if (item.value() == null) {
                throw V3Error.of("invalid object identifier");
            }
            ASN1Encodable issuer = policy(item.name());
            ASN1Encodable subject = policy(item.value());
            v.add(new DERSequence(new ASN1Encodable[] {issuer, subject}));
        }
        return new DERSequence(v);
    }

    private static ASN1Encodable policy(String text) {
        return ObjectNames.parse(text).orElseThrow(() -> Character.isDigit(text.charAt(0))
            ? V3Error.of("invalid object identifier")
            : V3Error.from("object identifier routines", "unknown object name", "invalid object identifier"));
    }

    private static ASN1Encodable tlsFeature(List<ConfValue> items) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (ConfValue item : items) {
            String text = item.value() != null ? item.value() : item.name();
            long n;
            if ("status_request".equalsIgnoreCase(text)) {
                n = 5;
            } else if ("status_request_v2".equalsIgnoreCase(text)) {
                n = 17;
            } else {
                try {
                    n = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw V3Error.of("invalid syntax");
                }
                if (n < 0 || n > 65535) {
                    throw V3Error.of("invalid syntax");
                }
            }
            v.add(new ASN1Integer(n));
        }
        return new DERSequence(v);
    }
}
