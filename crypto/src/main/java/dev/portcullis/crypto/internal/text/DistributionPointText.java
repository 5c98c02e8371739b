package dev.portcullis.crypto.internal.text;

import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;

/**
 * crlDistributionPoints, freshestCRL (RFC 5280 §4.2.1.13, §4.2.1.15) and the CRL's
 * issuingDistributionPoint (§5.2.5), as OpenSSL 3.0 prints them ({@code Full Name:} followed by the
 * names indented by two). OpenSSL 3.0 writes no newline between the last name and a following
 * {@code Reasons:} or {@code Only …} line ({@code URI:http://x/a.crlReasons:}); this is reproduced,
 * since the text dumps must match it.
 */
final class DistributionPointText {
    private static final String[] REASON_FLAGS = {"Unused", "Key Compromise", "CA Compromise",
        "Affiliation Changed", "Superseded", "Cessation Of Operation", "Certificate Hold", "Privilege Withdrawn",
        "AA Compromise"};

    private DistributionPointText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("2.5.29.31", DistributionPointText::distributionPoints);
        printers.put("2.5.29.46", DistributionPointText::distributionPoints);
        printers.put("2.5.29.28", DistributionPointText::issuingDistributionPoint);
    }

    private static void distributionPoints(StringBuilder out, ASN1Primitive value, int indent) {
        int i = 0;
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            if (i++ > 0) {
                out.append('\n');
            }
            DistributionPoint point = DistributionPoint.getInstance(e);
            if (point.getDistributionPoint() != null) {
                pointName(out, point.getDistributionPoint(), indent);
            }
            if (point.getReasons() != null) {
                reasons(out, "Reasons", point.getReasons(), indent);
            }
            if (point.getCRLIssuer() != null) {
                Indent.spaces(out, indent).append("CRL Issuer:\n");
                names(out, point.getCRLIssuer(), indent);
            }
        }
    }

    private static void issuingDistributionPoint(StringBuilder out, ASN1Primitive value, int indent) {
        IssuingDistributionPoint idp = IssuingDistributionPoint.getInstance(value);
        if (idp.getDistributionPoint() != null) {
            pointName(out, idp.getDistributionPoint(), indent);
        }
        if (idp.onlyContainsUserCerts()) {
            Indent.spaces(out, indent).append("Only User Certificates\n");
        }
        if (idp.onlyContainsCACerts()) {
            Indent.spaces(out, indent).append("Only CA Certificates\n");
        }
        if (idp.isIndirectCRL()) {
            Indent.spaces(out, indent).append("Indirect CRL\n");
        }
        if (idp.getOnlySomeReasons() != null) {
            reasons(out, "Only Some Reasons", idp.getOnlySomeReasons(), indent);
        }
        if (idp.onlyContainsAttributeCerts()) {
            Indent.spaces(out, indent).append("Only Attribute Certificates\n");
        }
        if (idp.getDistributionPoint() == null && !idp.onlyContainsUserCerts() && !idp.onlyContainsCACerts()
            && !idp.isIndirectCRL() && idp.getOnlySomeReasons() == null && !idp.onlyContainsAttributeCerts()) {
            Indent.spaces(out, indent).append("<EMPTY>\n");
        }
    }

    private static void pointName(StringBuilder out, DistributionPointName name, int indent) {
        if (name.getType() == DistributionPointName.FULL_NAME) {
            Indent.spaces(out, indent).append("Full Name:\n");
            names(out, GeneralNames.getInstance(name.getName()), indent);
        } else {
            RDN rdn = RDN.getInstance(ASN1Set.getInstance(name.getName()));
            Indent.spaces(out, indent).append("Relative Name:\n");
            Indent.spaces(out, indent + 2).append(NameText.print(new X500Name(new RDN[] {rdn}))).append('\n');
        }
    }

    private static void names(StringBuilder out, GeneralNames names, int indent) {
        GeneralName[] all = names.getNames();
        for (int i = 0; i < all.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            Indent.spaces(out, indent + 2).append(GeneralNameText.print(all[i]));
        }
    }

    private static void reasons(StringBuilder out, String title, ReasonFlags flags, int indent) {
        Indent.spaces(out, indent).append(title).append(":\n");
        Indent.spaces(out, indent + 2);
        byte[] bits = SimpleExtensionText.bitBytes(flags);
        boolean first = true;
        for (int bit = 0; bit < REASON_FLAGS.length; bit++) {
            if (SimpleExtensionText.isSet(bits, bit)) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(REASON_FLAGS[bit]);
            }
        }
        out.append(first ? "<EMPTY>\n" : "\n");
    }
}
