package dev.portcullis.crypto.internal.text;

import java.util.Arrays;
import java.util.Map;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;

/**
 * nameConstraints (RFC 5280 §4.2.1.10): {@code Permitted:} and {@code Excluded:} headings, each subtree
 * indented by two; IP subtrees as address/mask ({@code IP:192.168.0.0/255.255.0.0}).
 */
final class NameConstraintsText {
    private NameConstraintsText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("2.5.29.30", NameConstraintsText::print);
    }

    private static void print(StringBuilder out, ASN1Primitive value, int indent) {
        NameConstraints constraints = NameConstraints.getInstance(value);
        GeneralSubtree[] permitted = constraints.getPermittedSubtrees();
        GeneralSubtree[] excluded = constraints.getExcludedSubtrees();
        subtrees(out, permitted, indent, "Permitted");
        if (permitted != null && excluded != null) {
            out.append('\n');
        }
        subtrees(out, excluded, indent, "Excluded");
    }

    private static void subtrees(StringBuilder out, GeneralSubtree[] trees, int indent, String title) {
        if (trees == null || trees.length == 0) {
            return;
        }
        Indent.spaces(out, indent).append(title).append(":\n");
        for (int i = 0; i < trees.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            Indent.spaces(out, indent + 2);
            GeneralName base = trees[i].getBase();
            if (base.getTagNo() == GeneralName.iPAddress) {
                out.append("IP:").append(addressAndMask(ASN1OctetString.getInstance(base.getName()).getOctets()));
            } else {
                out.append(GeneralNameText.print(base));
            }
        }
    }

    /** {@code print_nc_ipadd}: the first half is the address, the second the mask. */
    private static String addressAndMask(byte[] ip) {
        int first = ip.length >= 16 ? 16 : ip.length >= 4 ? 4 : ip.length;
        return GeneralNameText.ipAddress(Arrays.copyOfRange(ip, 0, first)) + "/"
            + GeneralNameText.ipAddress(Arrays.copyOfRange(ip, first, ip.length));
    }
}
