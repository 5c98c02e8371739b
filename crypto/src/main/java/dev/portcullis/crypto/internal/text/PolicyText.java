package dev.portcullis.crypto.internal.text;

import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.NoticeReference;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.UserNotice;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * certificatePolicies (RFC 5280 §4.2.1.4): one {@code Policy:} line per policy, its qualifiers indented
 * by two ({@code CPS: uri}, {@code User Notice:} with {@code Organization:}, {@code Numbers:} and
 * {@code Explicit Text:} indented by four).
 */
final class PolicyText {
    private static final String CPS = "1.3.6.1.5.5.7.2.1";
    private static final String USER_NOTICE = "1.3.6.1.5.5.7.2.2";

    private PolicyText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("2.5.29.32", PolicyText::print);
    }

    private static void print(StringBuilder out, ASN1Primitive value, int indent) {
        ASN1Sequence policies = ASN1Sequence.getInstance(value);
        for (int i = 0; i < policies.size(); i++) {
            PolicyInformation info = PolicyInformation.getInstance(policies.getObjectAt(i));
            Indent.spaces(out, indent).append("Policy: ").append(ObjectNames.text(info.getPolicyIdentifier()));
            if (info.getPolicyQualifiers() != null) {
                out.append('\n');
                qualifiers(out, info.getPolicyQualifiers(), indent + 2);
            }
            if (i < policies.size() - 1) {
                out.append('\n');
            }
        }
    }

    private static void qualifiers(StringBuilder out, ASN1Sequence qualifiers, int indent) {
        for (int i = 0; i < qualifiers.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            PolicyQualifierInfo q = PolicyQualifierInfo.getInstance(qualifiers.getObjectAt(i));
            String id = q.getPolicyQualifierId().getId();
            if (CPS.equals(id)) {
                Indent.spaces(out, indent).append("CPS: ").append(RawString.of(q.getQualifier()).cString());
            } else if (USER_NOTICE.equals(id)) {
                Indent.spaces(out, indent).append("User Notice:\n");
                notice(out, UserNotice.getInstance(q.getQualifier()), indent + 2);
            } else {
                Indent.spaces(out, indent + 2).append("Unknown Qualifier: ")
                    .append(ObjectNames.text(q.getPolicyQualifierId()));
            }
        }
    }

    private static void notice(StringBuilder out, UserNotice notice, int indent) {
        NoticeReference ref = notice.getNoticeRef();
        if (ref != null) {
            Indent.spaces(out, indent).append("Organization: ")
                .append(RawString.of(ref.getOrganization()).cString()).append('\n');
            ASN1Integer[] numbers = ref.getNoticeNumbers();
            Indent.spaces(out, indent).append(numbers.length > 1 ? "Numbers: " : "Number: ");
            for (int i = 0; i < numbers.length; i++) {
                if (i > 0) {
                    out.append(", ");
                }
                out.append(ValueText.integer(numbers[i].getValue()));
            }
            if (notice.getExplicitText() != null) {
                out.append('\n');
            }
        }
        if (notice.getExplicitText() != null) {
            ASN1Encodable text = notice.getExplicitText();
            Indent.spaces(out, indent).append("Explicit Text: ").append(RawString.of(text).cString());
        }
    }
}
