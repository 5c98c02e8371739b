package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERGeneralizedTime;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * Less common extensions OpenSSL 3.0 prints: policyMappings ({@code issuerPolicy:subjectPolicy, …}),
 * privateKeyUsagePeriod ({@code Not Before: …, Not After: …}), the CT precertificate poison
 * ({@code NULL}), OCSP noCheck (an empty value) and holdInstructionCode (the instruction's name).
 */
final class MiscExtensionText {
    private MiscExtensionText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("2.5.29.33", MiscExtensionText::policyMappings);
        printers.put("2.5.29.16", MiscExtensionText::privateKeyUsagePeriod);
        printers.put("1.3.6.1.4.1.11129.2.4.3", (out, v, indent) -> {
            ASN1Null.getInstance(v);
            Indent.spaces(out, indent).append("NULL");
        });
        printers.put("1.3.6.1.5.5.7.48.1.5", (out, v, indent) -> ASN1Null.getInstance(v));
        printers.put("2.5.29.23", MiscExtensionText::holdInstruction);
        printers.put("1.3.6.1.5.5.7.1.14", MiscExtensionText::proxyCertInfo);
        printers.put("1.3.101.1.4.1", MiscExtensionText::strongExtranetId);
        printers.put("1.2.643.100.111", MiscExtensionText::subjectSignTool);
        printers.put("1.2.643.100.112", MiscExtensionText::issuerSignTool);
    }

    /**
     * OpenSSL's {@code i2r_object} checks that writing the indent produced output, so at indent 0 (pyOpenSSL's
     * {@code str()}) it fails while the text dumps show the name.
     */
    private static void holdInstruction(StringBuilder out, ASN1Primitive value, int indent) {
        if (indent <= 0) {
            throw new IllegalArgumentException("OpenSSL cannot print holdInstructionCode without an indent");
        }
        Indent.spaces(out, indent).append(ObjectNames.text(ASN1ObjectIdentifier.getInstance(value)));
    }

    /** RFC 3820 proxyCertInfo: path length ({@code infinite} when absent), policy language and text. */
    private static void proxyCertInfo(StringBuilder out, ASN1Primitive value, int indent) {
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        int at = 0;
        Indent.spaces(out, indent).append("Path Length Constraint: ");
        if (seq.getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Integer) {
            out.append(ValueText.hexInteger(((org.bouncycastle.asn1.ASN1Integer) seq.getObjectAt(at++)).getValue()));
        } else {
            out.append("infinite");
        }
        out.append('\n');
        ASN1Sequence policy = ASN1Sequence.getInstance(seq.getObjectAt(at));
        Indent.spaces(out, indent).append("Policy Language: ")
            .append(ObjectNames.text(ASN1ObjectIdentifier.getInstance(policy.getObjectAt(0))));
        if (policy.size() > 1) {
            out.append('\n');
            Indent.spaces(out, indent).append("Policy Text: ").append(RawString.of(policy.getObjectAt(1)).cString());
        }
    }

    /** The Strong Extranet ID: version, then one {@code Zone: n, User: text} line per id. */
    private static void strongExtranetId(StringBuilder out, ASN1Primitive value, int indent) {
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        long version = org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(0)).longValueExact();
        Indent.spaces(out, indent).append("Version: ").append(version + 1).append(" (0x")
            .append(Long.toHexString(version).toUpperCase(java.util.Locale.ROOT)).append(')');
        for (ASN1Encodable e : ASN1Sequence.getInstance(seq.getObjectAt(1))) {
            ASN1Sequence id = ASN1Sequence.getInstance(e);
            out.append('\n');
            Indent.spaces(out, indent).append("Zone: ")
                .append(ValueText.integer(org.bouncycastle.asn1.ASN1Integer.getInstance(id.getObjectAt(0)).getValue()))
                .append(", User: ").append(RawString.of(id.getObjectAt(1)).dotted());
        }
    }

    /** The Russian signing-tool extensions: the subject's tool as text (a non-empty UTF8String). */
    private static void subjectSignTool(StringBuilder out, ASN1Primitive value, int indent) {
        RawString tool = RawString.of(value);
        if (tool.tag() != 12 || tool.content().length == 0) {
            throw new IllegalArgumentException("not a non-empty UTF8String");
        }
        Indent.spaces(out, indent).append(tool.utf8());
    }

    /** The issuer's four tool strings, one labelled line each. */
    private static void issuerSignTool(StringBuilder out, ASN1Primitive value, int indent) {
        String[] labels = {"signTool    : ", "cATool      : ", "signToolCert: ", "cAToolCert  : "};
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        for (int i = 0; i < seq.size() && i < labels.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            Indent.spaces(out, indent).append(labels[i]).append(RawString.of(seq.getObjectAt(i)).utf8());
        }
    }

    private static void policyMappings(StringBuilder out, ASN1Primitive value, int indent) {
        List<ConfValue> items = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            ASN1Sequence pair = ASN1Sequence.getInstance(e);
            items.add(new ConfValue(ObjectNames.text(ASN1ObjectIdentifier.getInstance(pair.getObjectAt(0))),
                ObjectNames.text(ASN1ObjectIdentifier.getInstance(pair.getObjectAt(1)))));
        }
        ConfValue.printNonEmpty(out, items, indent, false);
    }

    private static void privateKeyUsagePeriod(StringBuilder out, ASN1Primitive value, int indent) {
        String notBefore = null;
        String notAfter = null;
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(e);
            String time = ValueText.time(DERGeneralizedTime.getInstance(tagged, false));
            if (tagged.getTagNo() == 0) {
                notBefore = time;
            } else {
                notAfter = time;
            }
        }
        Indent.spaces(out, indent);
        if (notBefore != null) {
            out.append("Not Before: ").append(notBefore);
            if (notAfter != null) {
                out.append(", ");
            }
        }
        if (notAfter != null) {
            out.append("Not After: ").append(notAfter);
        }
    }
}
