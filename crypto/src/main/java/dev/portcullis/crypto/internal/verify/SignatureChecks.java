package dev.portcullis.crypto.internal.verify;

import java.util.List;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * OpenSSL's {@code internal_verify}: from the top of the chain down to the leaf, checks that each issuer's key
 * usage allows signing, the signature, and the validity period, then gives the callback its per-depth
 * "ok" notification. The trust anchor's own signature is checked only with {@code CHECK_SS_SIGNATURE}.
 */
final class SignatureChecks {
    private SignatureChecks() {
    }

    static boolean internalVerify(VerifyContext ctx) {
        List<CertInfo> chain = ctx.chain;
        int n = chain.size() - 1;
        CertInfo xi = chain.get(n);
        CertInfo xs = xi;
        ctx.errorDepth = n;
        if (CertInfo.likelyIssued(xi, xi) != 0 && !ctx.params.has(VerifyParams.PARTIAL_CHAIN)) {
            if (n > 0) {
                n--;
                ctx.errorDepth = n;
                xs = chain.get(n);
            } else if (!ctx.fail(xi, 0, VerifyError.UNABLE_TO_VERIFY_LEAF_SIGNATURE.code())) {
                return false;
            }
        }
        while (n >= 0) {
            if (xs != xi || (ctx.params.has(VerifyParams.CHECK_SS_SIGNATURE) && xi.selfSigned)) {
                int issuerDepth = n + (xs == xi ? 0 : 1);
                int ret = xs == xi && !xi.ca ? 0 : CertInfo.signingAllowed(xi, xs);
                if (ret != 0 && !ctx.fail(xi, issuerDepth, ret)) {
                    return false;
                }
                KeyVerifier key = xi.verifier();
                if (key == null) {
                    if (!ctx.fail(xi, issuerDepth, VerifyError.UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY.code())) {
                        return false;
                    }
                } else if (!xs.signatureVerifiedBy(xi, key) && !ctx.fail(xs, n, VerifyError.CERT_SIGNATURE_FAILURE.code())) {
                    return false;
                }
            }
            if (!ctx.checkCertTime(xs, n)) {
                return false;
            }
            if (!ctx.succeed(xs, xi, n)) {
                return false;
            }
            if (--n >= 0) {
                xi = xs;
                xs = chain.get(n);
            }
        }
        return true;
    }

    /** {@code X509_verify}: the outer and inner algorithm identifiers agree and the signature verifies. */
    static boolean verifyCertificate(CertInfo subject, KeyVerifier key) {
        AlgorithmIdentifier outer = subject.cert.getSignatureAlgorithm();
        if (!outer.equals(subject.cert.getTBSCertificate().getSignature())) {
            return false;
        }
        try {
            return key.verify(outer, DerSlices.firstElement(subject.der), subject.cert.getSignature().getOctets());
        } catch (RuntimeException e) {
            return false; // a signature BIT STRING with unused bits
        }
    }
}
