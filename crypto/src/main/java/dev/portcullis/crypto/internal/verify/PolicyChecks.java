package dev.portcullis.crypto.internal.verify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * OpenSSL 3.0's {@code check_policy} / {@code X509_policy_check}, run only with {@code POLICY_CHECK} (which every
 * policy flag turns on).
 *
 * <p>Certificates other than the trust anchor are read leaf-wards from the top, as {@code tree_init} does: a
 * malformed certificatePolicies (or duplicate policy OIDs), policyConstraints (with neither field), policyMappings
 * (mapping anyPolicy) or inhibitAnyPolicy is error 42 at each such certificate. The explicit-policy counter starts at
 * 0 with {@code EXPLICIT_POLICY}, else at n + 1, counts down for every non-self-issued certificate and is lowered by
 * requireExplicitPolicy; when it reaches 0 an explicit policy is required. Because the pyOpenSSL API offers no
 * initial ("user") policy set, OpenSSL's user-constrained policy set is then always empty, so a required explicit
 * policy always ends in 43 "no explicit policy" (reported with no current certificate) — whatever the policy tree
 * holds — and without the requirement the tree never makes verification fail. The RFC 5280 policy tree itself is
 * therefore not built: with no user policy set its contents cannot change the verdict.
 */
final class PolicyChecks {
    private static final String ANY_POLICY = "2.5.29.32.0";

    private PolicyChecks() {
    }

    static boolean check(VerifyContext ctx) {
        List<CertInfo> chain = ctx.chain;
        int n = chain.size() - 1; // the trust anchor is not part of the RFC 5280 path
        if (n == 0) {
            return true;
        }
        int explicit = ctx.params.has(VerifyParams.EXPLICIT_POLICY) ? 0 : n + 1;
        boolean empty = false;
        boolean invalid = false;
        for (int i = n - 1; i >= 0 && (explicit > 0 || !empty); i--) {
            CertInfo x = chain.get(i);
            Extensions exts = x.cert.getTBSCertificate().getExtensions();
            int explicitSkip;
            try {
                boolean policies = hasPolicies(exts); // always read: a malformed extension is an error even past an empty level
                if (!policies) {
                    empty = true;
                }
                explicitSkip = requireExplicitPolicy(exts);
                checkMappingsAndInhibit(exts);
            } catch (RuntimeException e) {
                invalid = true;
                break;
            }
            if (explicit > 0) {
                if (!x.selfIssued) {
                    explicit--;
                }
                if (explicitSkip >= 0 && explicitSkip < explicit) {
                    explicit = explicitSkip;
                }
            }
        }
        if (invalid) {
            return reportInvalid(ctx, n);
        }
        if (explicit == 0) {
            ctx.currentCert = null;
            ctx.error = VerifyError.NO_EXPLICIT_POLICY.code();
            return ctx.callback.verify(false, ctx);
        }
        return true;
    }

    /** Every non-anchor certificate with a bad policy extension is reported (42), as OpenSSL's check_policy does. */
    private static boolean reportInvalid(VerifyContext ctx, int n) {
        for (int i = 0; i < n; i++) {
            CertInfo x = ctx.chain.get(i);
            Extensions exts = x.cert.getTBSCertificate().getExtensions();
            try {
                hasPolicies(exts);
                requireExplicitPolicy(exts);
                checkMappingsAndInhibit(exts);
            } catch (RuntimeException e) {
                if (!ctx.fail(x, i, VerifyError.INVALID_POLICY_EXTENSION.code())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether certificatePolicies is present; malformed, empty or with duplicate OIDs throws. */
    private static boolean hasPolicies(Extensions exts) {
        Extension e = exts == null ? null : exts.getExtension(Extension.certificatePolicies);
        if (e == null) {
            return false;
        }
        PolicyInformation[] infos = CertificatePolicies.getInstance(e.getParsedValue()).getPolicyInformation();
        if (infos.length == 0) {
            throw new IllegalArgumentException("empty certificatePolicies");
        }
        Set<String> seen = new HashSet<>();
        for (PolicyInformation info : infos) {
            if (!seen.add(info.getPolicyIdentifier().getId())) {
                throw new IllegalArgumentException("duplicate policy " + info.getPolicyIdentifier());
            }
        }
        return true;
    }

    /** requireExplicitPolicy skip count, -1 when absent; policyConstraints with neither field throws. */
    private static int requireExplicitPolicy(Extensions exts) {
        Extension pc = exts == null ? null : exts.getExtension(Extension.policyConstraints);
        if (pc == null) {
            return -1;
        }
        ASN1Sequence seq = ASN1Sequence.getInstance(pc.getParsedValue());
        if (seq.size() == 0) {
            throw new IllegalArgumentException("empty policyConstraints");
        }
        int require = -1;
        for (int i = 0; i < seq.size(); i++) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(seq.getObjectAt(i));
            int v = ASN1Integer.getInstance(t, false).intValueExact();
            if (t.getTagNo() == 0) {
                require = v;
            }
        }
        return require;
    }

    /** policyMappings must not map to or from anyPolicy; inhibitAnyPolicy must be an INTEGER. */
    private static void checkMappingsAndInhibit(Extensions exts) {
        if (exts == null) {
            return;
        }
        Extension pm = exts.getExtension(Extension.policyMappings);
        if (pm != null) {
            ASN1Sequence maps = ASN1Sequence.getInstance(pm.getParsedValue());
            for (int i = 0; i < maps.size(); i++) {
                ASN1Sequence pair = ASN1Sequence.getInstance(maps.getObjectAt(i));
                for (int j = 0; j < 2; j++) {
                    if (ANY_POLICY.equals(ASN1ObjectIdentifier.getInstance(pair.getObjectAt(j)).getId())) {
                        throw new IllegalArgumentException("anyPolicy in a policy mapping");
                    }
                }
            }
        }
        Extension ia = exts.getExtension(Extension.inhibitAnyPolicy);
        if (ia != null) {
            ASN1Integer.getInstance(ia.getParsedValue()).intValueExact();
        }
    }
}
