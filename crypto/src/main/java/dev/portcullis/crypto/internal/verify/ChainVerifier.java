package dev.portcullis.crypto.internal.verify;

import java.util.List;

/**
 * The verification engine: OpenSSL 3.0's {@code X509_verify_cert} over Bouncy Castle structures.
 *
 * <p>Order of work, as {@code verify_chain}: a security-level check of the leaf key; chain building
 * ({@link ChainBuilder}); per-certificate extension checks ({@link ExtensionChecks}); security level of the chain;
 * host/e-mail/IP identity of the leaf (62–64); CRLs ({@link RevocationChecks}); signatures and validity periods
 * from the anchor down ({@link SignatureChecks}); name constraints ({@link NameConstraintChecks}); policies
 * ({@link PolicyChecks}) when {@code POLICY_CHECK} is set. Every finding goes through the one
 * {@link VerifyCallback}; without a callback the first one ends verification.
 *
 * <p>Not performed: DANE, Suite B, RFC 3779 resource checks, auxiliary ("TRUSTED CERTIFICATE") trust settings,
 * CRL path validation for CRLs signed off the certificate path (such CRLs are not selected), a caller-supplied
 * initial policy set (pyOpenSSL has none).
 */
public final class ChainVerifier {
    private ChainVerifier() {
    }

    /**
     * Verifies {@code leaf} against {@code store}.
     *
     * @param store trust anchors, CRLs, hashed directories and default parameters
     * @param leaf the certificate to verify
     * @param untrusted intermediates that may be used (may be {@code null}, as OpenSSL's NULL stack)
     * @param params parameters for this verification ({@code null}: the store's), not modified
     * @param callback the verify callback ({@code null}: stop at the first error)
     */
    public static VerifyOutcome verify(TrustStore store, CertInfo leaf, List<CertInfo> untrusted, VerifyParams params,
            VerifyCallback callback) {
        VerifyParams p = params != null ? params.copy() : store.paramsCopy();
        VerifyContext ctx = new VerifyContext(store, p, leaf, untrusted == null ? null : List.copyOf(untrusted), callback);
        ctx.chain.add(leaf);
        ctx.numUntrusted = 1;
        boolean ok = ExtensionChecks.keyStrongEnough(leaf, p.authLevel)
                || ctx.fail(leaf, 0, VerifyError.EE_KEY_TOO_SMALL.code());
        ok = ok && verifyChain(ctx);
        if (!ok && ctx.error == 0) {
            ctx.error = VerifyError.UNSPECIFIED.code();
        }
        return new VerifyOutcome(ok, ctx.error, ctx.errorDepth, ctx.currentCert, List.copyOf(ctx.chain));
    }

    private static boolean verifyChain(VerifyContext ctx) {
        return ChainBuilder.build(ctx)
                && ExtensionChecks.checkExtensions(ctx)
                && ExtensionChecks.checkAuthLevel(ctx)
                && checkId(ctx)
                && RevocationChecks.check(ctx)
                && SignatureChecks.internalVerify(ctx)
                && NameConstraintChecks.check(ctx)
                && (!ctx.params.has(VerifyParams.POLICY_CHECK) || PolicyChecks.check(ctx));
    }

    /** {@code check_id}: the leaf must match a configured host name, e-mail address and IP address. */
    private static boolean checkId(VerifyContext ctx) {
        VerifyParams p = ctx.params;
        CertInfo leaf = ctx.leaf;
        if (!p.hosts.isEmpty() && p.hosts.stream().noneMatch(h -> IdentityMatcher.matchesHost(leaf, h, p.hostFlags))
                && !ctx.fail(leaf, 0, VerifyError.HOSTNAME_MISMATCH.code())) {
            return false;
        }
        if (p.email != null && !IdentityMatcher.matchesEmail(leaf, p.email, p.hostFlags)
                && !ctx.fail(leaf, 0, VerifyError.EMAIL_MISMATCH.code())) {
            return false;
        }
        return p.ip == null || IdentityMatcher.matchesIp(leaf, p.ip) || ctx.fail(leaf, 0, VerifyError.IP_ADDRESS_MISMATCH.code());
    }
}
