package dev.portcullis.crypto.internal.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSL 3's {@code build_chain}: extends the chain from the leaf with issuers from the trust store and the
 * untrusted list until a trust anchor is reached, and reports why when none is.
 *
 * <p>Issuers are found by subject name, then filtered by authority/subject key identifier, issuer serial and
 * key-type agreement ({@link CertInfo#likelyIssued}); among several candidates the first one valid at the
 * verification time wins, else the one expiring last. With {@code TRUSTED_FIRST} (the default) the trust store is
 * asked first at every step; otherwise the untrusted list is followed first and, when that fails, shorter
 * "alternative" chains are tried by dropping untrusted certificates from the top one at a time. Each untrusted
 * certificate is used at most once, so loops in the untrusted list end; the depth limit ends loops in the store.
 */
final class ChainBuilder {
    private static final int S_UNTRUSTED = 1;
    private static final int S_TRUSTED = 2;
    private static final int S_ALTERNATE = 4;

    enum Trust { TRUSTED, REJECTED, UNTRUSTED }

    private final VerifyContext ctx;
    private final VerifyParams params;
    private final int maxDepth;

    private ChainBuilder(VerifyContext ctx) {
        this.ctx = ctx;
        this.params = ctx.params;
        this.maxDepth = params.depth + 1;
    }

    /** Builds {@code ctx.chain}; {@code false} when verification must stop (the callback refused an error). */
    static boolean build(VerifyContext ctx) {
        return new ChainBuilder(ctx).run();
    }

    private boolean run() {
        List<CertInfo> chain = ctx.chain;
        List<CertInfo> untrusted = ctx.untrusted == null ? null : new ArrayList<>(ctx.untrusted);
        int search = untrusted != null ? S_UNTRUSTED : 0;
        boolean mayAlternate = false;
        if (search == 0 || params.has(VerifyParams.TRUSTED_FIRST)) {
            search |= S_TRUSTED;
        } else if (!params.has(VerifyParams.NO_ALT_CHAINS)) {
            mayAlternate = true;
        }
        Trust trust = Trust.UNTRUSTED;
        int altUntrusted = 0;
        while (search != 0) {
            int num = chain.size();
            ctx.errorDepth = num - 1;
            if ((search & S_TRUSTED) != 0) {
                int i = (search & S_ALTERNATE) != 0 ? altUntrusted : num;
                CertInfo curr = chain.get(i - 1);
                CertInfo issuer = num > maxDepth ? null : trustedIssuer(curr);
                if (issuer != null) {
                    boolean selfSigned = curr.selfSigned;
                    boolean ok = true;
                    if ((search & S_ALTERNATE) != 0) {
                        search &= ~S_ALTERNATE;
                        while (num > i) {
                            chain.remove(--num);
                        }
                        ctx.numUntrusted = num;
                    }
                    if (!selfSigned) {
                        chain.add(issuer);
                        selfSigned = issuer.selfSigned;
                    } else if (!curr.sameAs(issuer)) {
                        ok = false; // a self-signed impostor with a trusted certificate's name
                    } else {
                        ctx.numUntrusted = --num;
                        chain.set(num, issuer);
                    }
                    if (ok) {
                        search &= ~S_UNTRUSTED;
                        trust = checkTrust(num);
                        if (trust != Trust.UNTRUSTED) {
                            break;
                        }
                        if (!selfSigned) {
                            continue;
                        }
                    }
                }
                if ((search & S_UNTRUSTED) == 0) {
                    if ((search & S_ALTERNATE) != 0 && --altUntrusted > 0) {
                        continue;
                    }
                    if (!mayAlternate || (search & S_ALTERNATE) != 0 || ctx.numUntrusted < 2) {
                        break;
                    }
                    search |= S_ALTERNATE;
                    altUntrusted = ctx.numUntrusted - 1;
                }
            }
            if ((search & S_UNTRUSTED) != 0) {
                num = chain.size();
                CertInfo curr = chain.get(num - 1);
                CertInfo issuer = curr.selfSigned || num > maxDepth ? null : bestIssuer(true, untrusted, curr);
                if (issuer == null) {
                    search &= ~S_UNTRUSTED;
                    search |= S_TRUSTED;
                    continue;
                }
                untrusted.remove(issuer);
                chain.add(issuer);
                ctx.numUntrusted++;
            }
        }
        return conclude(trust);
    }

    /** The end of {@code build_chain}: a last chance for direct (partial-chain) trust, then the error if untrusted. */
    private boolean conclude(Trust trust) {
        List<CertInfo> chain = ctx.chain;
        int num = chain.size();
        if (num <= maxDepth && trust == Trust.UNTRUSTED && num == ctx.numUntrusted) {
            trust = checkTrust(num);
        }
        if (trust == Trust.TRUSTED) {
            return true;
        }
        if (trust == Trust.REJECTED) {
            return false;
        }
        if (ctx.error != 0) {
            return ctx.fail(null, num - 1, ctx.error);
        }
        if (num > maxDepth && !ctx.fail(null, num - 1, VerifyError.CERT_CHAIN_TOO_LONG.code())) {
            return false;
        }
        if (chain.get(num - 1).selfSigned) {
            return ctx.fail(null, num - 1, num == 1 ? VerifyError.DEPTH_ZERO_SELF_SIGNED_CERT.code()
                    : VerifyError.SELF_SIGNED_CERT_IN_CHAIN.code());
        }
        return ctx.fail(null, num - 1, ctx.numUntrusted < num ? VerifyError.UNABLE_TO_GET_ISSUER_CERT.code()
                : VerifyError.UNABLE_TO_GET_ISSUER_CERT_LOCALLY.code());
    }

    /**
     * {@code check_trust}: a certificate from the store at or above {@code numUntrusted} is an anchor when it is
     * self-signed, or any store certificate is with PARTIAL_CHAIN; with PARTIAL_CHAIN a leaf that is itself in the
     * store is trusted directly.
     */
    private Trust checkTrust(int numUntrusted) {
        List<CertInfo> chain = ctx.chain;
        int num = chain.size();
        for (int i = numUntrusted; i < num; i++) {
            CertInfo x = chain.get(i);
            if (x.selfSigned && !x.invalid) {
                return Trust.TRUSTED;
            }
        }
        boolean partial = params.has(VerifyParams.PARTIAL_CHAIN);
        if (numUntrusted < num) {
            return partial ? Trust.TRUSTED : Trust.UNTRUSTED;
        }
        if (partial) {
            CertInfo leaf = chain.get(0);
            for (CertInfo c : ctx.store.certsBySubject(leaf.subject)) {
                if (c.sameAs(leaf)) {
                    chain.set(0, c);
                    ctx.numUntrusted = 0;
                    return Trust.TRUSTED;
                }
            }
        }
        return Trust.UNTRUSTED;
    }

    /** {@code X509_STORE_CTX_get1_issuer}: the best trusted issuer of {@code x}, duplicates allowed. */
    private CertInfo trustedIssuer(CertInfo x) {
        return bestIssuer(false, ctx.store.certsBySubject(x.issuer), x);
    }

    /** {@code get0_best_issuer_sk}: the first time-valid candidate that likely issued {@code x}, else the latest-expiring. */
    private CertInfo bestIssuer(boolean noDup, List<CertInfo> candidates, CertInfo x) {
        CertInfo best = null;
        boolean allowSelf = x.selfIssued && ctx.chain.size() == 1;
        for (CertInfo candidate : candidates) {
            if (noDup && !allowSelf && inChain(candidate)) {
                continue;
            }
            if (CertInfo.likelyIssued(candidate, x) != 0) {
                continue;
            }
            if (ctx.checkCertTime(candidate, -1)) {
                return candidate;
            }
            if (best == null || candidate.notAfter > best.notAfter) {
                best = candidate;
            }
        }
        return best;
    }

    private boolean inChain(CertInfo c) {
        for (CertInfo x : ctx.chain) {
            if (x.sameAs(c)) {
                return true;
            }
        }
        return false;
    }
}
