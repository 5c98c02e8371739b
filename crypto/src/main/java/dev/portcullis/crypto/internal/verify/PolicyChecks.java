package dev.portcullis.crypto.internal.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * A deliberately small form of RFC 5280 §6.1 certificate-policy processing, run (as in OpenSSL) only with
 * {@code POLICY_CHECK}: malformed policy extensions give 42, and when an explicit policy is required (the
 * {@code EXPLICIT_POLICY} flag, or a requireExplicitPolicy constraint that has come into force) but the
 * intersection of the chain's certificatePolicies (anyPolicy matching everything, unless inhibited) is empty,
 * the result is 43 "no explicit policy".
 *
 * <p>Not implemented: policy mappings (the chain's mapped policies are treated as unmapped), policy qualifiers,
 * a caller-supplied initial policy set (always anyPolicy), and OpenSSL's {@code NOTIFY_POLICY} callback.
 */
final class PolicyChecks {
    private static final String ANY_POLICY = "2.5.29.32.0";

    private PolicyChecks() {
    }

    static boolean check(VerifyContext ctx) {
        List<CertInfo> chain = ctx.chain;
        int n = chain.size() - 1; // the trust anchor (last) takes no part
        VerifyParams p = ctx.params;
        int explicit = p.has(VerifyParams.EXPLICIT_POLICY) ? 0 : n + 1;
        int inhibitAny = p.has(VerifyParams.INHIBIT_ANY) ? 0 : n + 1;
        Set<String> valid = null; // null = {anyPolicy}
        boolean empty = false;
        for (int i = n - 1, processed = 1; i >= 0; i--, processed++) {
            CertInfo x = chain.get(i);
            Extensions exts = x.cert.getTBSCertificate().getExtensions();
            Set<String> policies;
            int[] constraints;
            try {
                policies = policiesOf(exts);
                constraints = constraintsOf(exts);
            } catch (RuntimeException e) {
                if (!ctx.fail(x, i, VerifyError.INVALID_POLICY_EXTENSION.code())) {
                    return false;
                }
                continue;
            }
            if (policies == null) {
                empty = true;
            } else if (!empty) {
                boolean anyAllowed = inhibitAny > 0 || (x.selfIssued && i > 0);
                if (!anyAllowed) {
                    policies.remove(ANY_POLICY);
                }
                if (valid == null) {
                    valid = policies.contains(ANY_POLICY) ? null : policies;
                } else if (!policies.contains(ANY_POLICY)) {
                    valid.retainAll(policies);
                }
                empty = valid != null && valid.isEmpty();
            }
            if (!x.selfIssued || i == 0) {
                explicit--;
                inhibitAny--;
            }
            if (constraints[0] >= 0) {
                explicit = Math.min(explicit, constraints[0]);
            }
            if (constraints[1] >= 0) {
                inhibitAny = Math.min(inhibitAny, constraints[1]);
            }
        }
        if (explicit <= 0 && empty) {
            ctx.currentCert = null;
            ctx.error = VerifyError.NO_EXPLICIT_POLICY.code();
            return ctx.callback.verify(false, ctx);
        }
        return true;
    }

    private static Set<String> policiesOf(Extensions exts) {
        Extension e = exts == null ? null : exts.getExtension(Extension.certificatePolicies);
        if (e == null) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (PolicyInformation info : CertificatePolicies.getInstance(e.getParsedValue()).getPolicyInformation()) {
            if (!out.add(info.getPolicyIdentifier().getId())) {
                throw new IllegalArgumentException("duplicate policy");
            }
        }
        return out;
    }

    /** requireExplicitPolicy and inhibitAnyPolicy skip counts (-1 when absent). */
    private static int[] constraintsOf(Extensions exts) {
        int[] out = {-1, -1};
        if (exts == null) {
            return out;
        }
        Extension pc = exts.getExtension(Extension.policyConstraints);
        if (pc != null) {
            ASN1Sequence seq = ASN1Sequence.getInstance(pc.getParsedValue());
            for (int i = 0; i < seq.size(); i++) {
                ASN1TaggedObject t = ASN1TaggedObject.getInstance(seq.getObjectAt(i));
                if (t.getTagNo() == 0) {
                    out[0] = ASN1Integer.getInstance(t, false).intValueExact();
                }
            }
        }
        Extension ia = exts.getExtension(Extension.inhibitAnyPolicy);
        if (ia != null) {
            out[1] = ASN1Integer.getInstance(ia.getParsedValue()).intValueExact();
        }
        return out;
    }
}
