package dev.portcullis.crypto.internal.verify;

import java.util.List;

import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * OpenSSL 3.0's CRL checking ({@code check_revocation}, {@code check_cert_crl}, {@code get_crl_score},
 * {@code check_crl}, {@code cert_crl}): with {@code CRL_CHECK} the leaf, with {@code CRL_CHECK_ALL} every
 * certificate of the chain is looked up in the best-scoring CRL of its issuer.
 *
 * <p>Supported: CRLs issued by the certificate's issuer (or by a certificate higher on the same path with the same
 * name), authority key identifier matching, issuing distribution point scope (only-user / only-CA / only-attribute
 * and distribution point names against the certificate's CRL distribution points), validity (11, 12, 15, 16),
 * cRLSign key usage (35), signature (8), unhandled critical CRL extensions (36), "revoked" (23) and the missing
 * CRL (3). Not supported (as OpenSSL without {@code X509_V_FLAG_EXTENDED_CRL_SUPPORT}/{@code USE_DELTAS}, which
 * pyOpenSSL cannot set): indirect CRLs, partitioned-by-reason CRLs and delta CRLs, which are never selected.
 */
final class RevocationChecks {
    private static final int SCORE_NOCRITICAL = 0x100;
    private static final int SCORE_SCOPE = 0x080;
    private static final int SCORE_TIME = 0x040;
    private static final int SCORE_ISSUER_NAME = 0x020;
    private static final int SCORE_VALID = SCORE_NOCRITICAL | SCORE_TIME | SCORE_SCOPE;
    private static final int SCORE_ISSUER_CERT = 0x018;
    private static final int SCORE_SAME_PATH = 0x008;
    private static final int SCORE_AKID = 0x004;
    private static final int ALL_REASONS = 0x807f;

    private RevocationChecks() {
    }

    static boolean check(VerifyContext ctx) {
        VerifyParams p = ctx.params;
        if (!p.has(VerifyParams.CRL_CHECK)) {
            return true;
        }
        int last = 0;
        if (p.has(VerifyParams.CRL_CHECK_ALL)) {
            // with PARTIAL_CHAIN, checking stops before the first trusted certificate (revocation_check_end)
            last = p.has(VerifyParams.PARTIAL_CHAIN) ? ctx.numUntrusted - 1 : ctx.chain.size() - 1;
        }
        for (int i = 0; i <= last; i++) {
            ctx.errorDepth = i;
            if (!checkCert(ctx)) {
                return false;
            }
        }
        return true;
    }

    private static boolean checkCert(VerifyContext ctx) {
        CertInfo x = ctx.chain.get(ctx.errorDepth);
        ctx.currentCert = x;
        ctx.currentCrlIssuer = null;
        ctx.currentCrlScore = 0;
        ctx.currentReasons = 0;
        if (x.proxy) {
            return true;
        }
        while (ctx.currentReasons != ALL_REASONS) {
            int lastReasons = ctx.currentReasons;
            CrlInfo crl = bestCrl(ctx, x);
            if (crl == null) {
                return ctx.failCrl(VerifyError.UNABLE_TO_GET_CRL.code());
            }
            ctx.currentCrl = crl;
            if (!checkCrl(ctx, crl) || !certAgainstCrl(ctx, crl, x)) {
                return false;
            }
            ctx.currentCrl = null;
            if (lastReasons == ctx.currentReasons) {
                return ctx.failCrl(VerifyError.UNABLE_TO_GET_CRL.code());
            }
        }
        return true;
    }

    /** {@code get_crl_sk} over the store's CRLs for the certificate's issuer: highest score, newest on ties. */
    private static CrlInfo bestCrl(VerifyContext ctx, CertInfo x) {
        List<CrlInfo> crls = ctx.store.crlsByIssuer(x.issuer);
        CrlInfo best = null;
        int bestScore = 0;
        int bestReasons = 0;
        CertInfo bestIssuer = null;
        for (CrlInfo crl : crls) {
            int[] reasons = {ctx.currentReasons};
            CertInfo[] issuer = {null};
            int score = score(ctx, crl, x, reasons, issuer);
            if (score < bestScore || score == 0) {
                continue;
            }
            if (score == bestScore && best != null && crl.lastUpdate <= best.lastUpdate) {
                continue;
            }
            best = crl;
            bestScore = score;
            bestReasons = reasons[0];
            bestIssuer = issuer[0];
        }
        if (best != null) {
            ctx.currentCrlIssuer = bestIssuer;
            ctx.currentCrlScore = bestScore;
            ctx.currentReasons = bestReasons;
        }
        return best;
    }

    private static int score(VerifyContext ctx, CrlInfo crl, CertInfo x, int[] reasons, CertInfo[] issuer) {
        if ((crl.idpFlags & CrlInfo.IDP_INVALID) != 0 || crl.baseCrlNumber != null) {
            return 0;
        }
        if ((crl.idpFlags & (CrlInfo.IDP_INDIRECT | CrlInfo.IDP_REASONS)) != 0) {
            return 0;
        }
        if (!x.issuer.equals(crl.issuer)) {
            return 0;
        }
        int score = SCORE_ISSUER_NAME;
        if (!crl.unhandledCritical) {
            score |= SCORE_NOCRITICAL;
        }
        if (crlTimeOk(ctx, crl, false)) {
            score |= SCORE_TIME;
        }
        score = akidCheck(ctx, crl, issuer, score);
        if ((score & SCORE_AKID) == 0) {
            return 0;
        }
        int scope = scopeReasons(x, crl, score);
        if (scope >= 0) {
            if ((scope & ~reasons[0]) == 0) {
                return 0;
            }
            reasons[0] |= scope;
            score |= SCORE_SCOPE;
        }
        return score;
    }

    /** {@code crl_akid_check}: the CRL issuer is the certificate's issuer in the chain, or a same-name cert higher up. */
    private static int akidCheck(VerifyContext ctx, CrlInfo crl, CertInfo[] issuer, int score) {
        List<CertInfo> chain = ctx.chain;
        int cidx = ctx.errorDepth;
        if (cidx != chain.size() - 1) {
            cidx++;
        }
        CertInfo candidate = chain.get(cidx);
        if (matches(crl, candidate) && (score & SCORE_ISSUER_NAME) != 0) {
            issuer[0] = candidate;
            return score | SCORE_AKID | SCORE_ISSUER_CERT;
        }
        for (cidx++; cidx < chain.size(); cidx++) {
            candidate = chain.get(cidx);
            if (matches(crl, candidate)) {
                issuer[0] = candidate;
                return score | SCORE_AKID | SCORE_SAME_PATH;
            }
        }
        return score;
    }

    private static boolean matches(CrlInfo crl, CertInfo issuer) {
        return issuer.subject.equals(crl.issuer) && CertInfo.checkAkid(issuer, crl.authorityKeyId) == 0;
    }

    /** {@code crl_crldp_check}: the reasons the CRL covers for {@code x}, or -1 when {@code x} is out of its scope. */
    private static int scopeReasons(CertInfo x, CrlInfo crl, int score) {
        if ((crl.idpFlags & CrlInfo.IDP_ONLYATTR) != 0) {
            return -1;
        }
        if (x.ca ? (crl.idpFlags & CrlInfo.IDP_ONLYUSER) != 0 : (crl.idpFlags & CrlInfo.IDP_ONLYCA) != 0) {
            return -1;
        }
        DistributionPointName idpName = crl.idp == null ? null : crl.idp.getDistributionPoint();
        if (x.crlDistPoints != null) {
            for (DistributionPoint dp : x.crlDistPoints.getDistributionPoints()) {
                if (crlIssuerMatches(dp, crl, score) && (crl.idp == null || samePoint(x, dp.getDistributionPoint(), idpName, crl))) {
                    return ALL_REASONS & dpReasons(dp);
                }
            }
        }
        return idpName == null && (score & SCORE_ISSUER_NAME) != 0 ? ALL_REASONS : -1;
    }

    private static int dpReasons(DistributionPoint dp) {
        if (dp.getReasons() == null) {
            return ALL_REASONS;
        }
        byte[] b = dp.getReasons().getBytes();
        int r = (b.length > 0 ? b[0] & 0xff : 0) | (b.length > 1 ? (b[1] & 0xff) << 8 : 0);
        return r & ALL_REASONS;
    }

    private static boolean crlIssuerMatches(DistributionPoint dp, CrlInfo crl, int score) {
        if (dp.getCRLIssuer() == null) {
            return (score & SCORE_ISSUER_NAME) != 0;
        }
        for (GeneralName g : dp.getCRLIssuer().getNames()) {
            if (g.getTagNo() == GeneralName.directoryName
                    && CanonicalName.of(org.bouncycastle.asn1.x500.X500Name.getInstance(g.getName())).equals(crl.issuer)) {
                return true;
            }
        }
        return false;
    }

    /** {@code idp_check_dp} for full names (any common GeneralName); relative names compare as equal names only. */
    private static boolean samePoint(CertInfo x, DistributionPointName a, DistributionPointName b, CrlInfo crl) {
        if (a == null || b == null) {
            return true;
        }
        if (a.getType() != DistributionPointName.FULL_NAME || b.getType() != DistributionPointName.FULL_NAME) {
            return a.equals(b);
        }
        for (GeneralName ga : GeneralNames.getInstance(a.getName()).getNames()) {
            for (GeneralName gb : GeneralNames.getInstance(b.getName()).getNames()) {
                if (ga.equals(gb)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code check_crl}: issuer key usage, scope, validity and signature of the chosen CRL. */
    private static boolean checkCrl(VerifyContext ctx, CrlInfo crl) {
        int cnum = ctx.errorDepth;
        int chnum = ctx.chain.size() - 1;
        CertInfo issuer;
        if (ctx.currentCrlIssuer != null) {
            issuer = ctx.currentCrlIssuer;
        } else if (cnum < chnum) {
            issuer = ctx.chain.get(cnum + 1);
        } else {
            issuer = ctx.chain.get(chnum);
            if (CertInfo.likelyIssued(issuer, issuer) != 0 && !ctx.failCrl(VerifyError.UNABLE_TO_GET_CRL_ISSUER.code())) {
                return false;
            }
        }
        if (issuer.hasKeyUsage && (issuer.keyUsage & CertInfo.KU_CRL_SIGN) == 0
                && !ctx.failCrl(VerifyError.KEYUSAGE_NO_CRL_SIGN.code())) {
            return false;
        }
        if ((ctx.currentCrlScore & SCORE_SCOPE) == 0 && !ctx.failCrl(VerifyError.DIFFERENT_CRL_SCOPE.code())) {
            return false;
        }
        if ((ctx.currentCrlScore & SCORE_SAME_PATH) == 0 && !ctx.failCrl(VerifyError.CRL_PATH_VALIDATION_ERROR.code())) {
            return false;
        }
        if ((crl.idpFlags & CrlInfo.IDP_INVALID) != 0 && !ctx.failCrl(VerifyError.INVALID_EXTENSION.code())) {
            return false;
        }
        if ((ctx.currentCrlScore & SCORE_TIME) == 0 && !crlTimeOk(ctx, crl, true)) {
            return false;
        }
        KeyVerifier key = issuer.verifier();
        if (key == null) {
            return ctx.failCrl(VerifyError.UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY.code());
        }
        boolean valid = crl.signatureVerifiedBy(issuer, key);
        return valid || ctx.failCrl(VerifyError.CRL_SIGNATURE_FAILURE.code());
    }

    /** {@code ossl_x509_check_crl_time}; with {@code notify} each problem goes to the callback. */
    private static boolean crlTimeOk(VerifyContext ctx, CrlInfo crl, boolean notify) {
        if (ctx.params.has(VerifyParams.NO_CHECK_TIME)) {
            return true;
        }
        long now = ctx.params.now();
        if (crl.lastUpdate == Asn1Times.INVALID || crl.lastUpdate > now) {
            int err = crl.lastUpdate == Asn1Times.INVALID ? VerifyError.ERROR_IN_CRL_LAST_UPDATE_FIELD.code()
                    : VerifyError.CRL_NOT_YET_VALID.code();
            if (!notify || !ctx.failCrl(err)) {
                return false;
            }
        }
        if (crl.nextUpdate != null) {
            long next = crl.nextUpdate;
            if (next == Asn1Times.INVALID || next <= now) {
                int err = next == Asn1Times.INVALID ? VerifyError.ERROR_IN_CRL_NEXT_UPDATE_FIELD.code()
                        : VerifyError.CRL_HAS_EXPIRED.code();
                if (!notify || !ctx.failCrl(err)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code cert_crl}: unhandled critical CRL extensions, then whether the serial is listed. */
    private static boolean certAgainstCrl(VerifyContext ctx, CrlInfo crl, CertInfo x) {
        if (!ctx.params.has(VerifyParams.IGNORE_CRITICAL) && crl.unhandledCritical
                && !ctx.failCrl(VerifyError.UNHANDLED_CRITICAL_CRL_EXTENSION.code())) {
            return false;
        }
        Integer reason = crl.revocationOf(x.cert.getSerialNumber().getValue());
        if (reason != null && reason != CrlInfo.REASON_REMOVE_FROM_CRL) {
            return ctx.failCrl(VerifyError.CERT_REVOKED.code());
        }
        return true;
    }
}
