package dev.portcullis.crypto.internal.verify;

import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.Extensions;

/**
 * OpenSSL 3.0's {@code check_extensions} and {@code check_auth_level}: per-certificate checks on the built chain,
 * leaf first — unhandled critical extensions, proxy certificates, CA-ness of issuers, the {@code X509_STRICT}
 * RFC 5280 rules, purpose, and basicConstraints path lengths; then key and digest strength at a security level.
 */
final class ExtensionChecks {
    private ExtensionChecks() {
    }

    static boolean checkExtensions(VerifyContext ctx) {
        VerifyParams p = ctx.params;
        List<CertInfo> chain = ctx.chain;
        int num = chain.size();
        boolean allowProxy = p.has(VerifyParams.ALLOW_PROXY_CERTS);
        boolean strict = p.has(VerifyParams.X509_STRICT);
        int mustBeCa = -1;
        long plen = 0;
        long proxyPathLength = 0;
        for (int i = 0; i < num; i++) {
            CertInfo x = chain.get(i);
            if (!p.has(VerifyParams.IGNORE_CRITICAL) && x.unsupportedCritical
                    && !ctx.fail(x, i, VerifyError.UNHANDLED_CRITICAL_EXTENSION.code())) {
                return false;
            }
            if (!allowProxy && x.proxy && !ctx.fail(x, i, VerifyError.PROXY_CERTIFICATES_NOT_ALLOWED.code())) {
                return false;
            }
            int ret = x.checkCa();
            boolean bad = switch (mustBeCa) {
                case -1 -> strict && ret != 1 && ret != 0;
                case 0 -> ret != 0;
                default -> ret == 0 || ((i + 1 < num || strict) && ret != 1);
            };
            int code = mustBeCa == 0 ? VerifyError.INVALID_NON_CA.code() : VerifyError.INVALID_CA.code();
            if (bad && !ctx.fail(x, i, code)) {
                return false;
            }
            if (num > 1 && !checkCurve(ctx, x, i)) {
                return false;
            }
            if (strict && num > 1 && !strictChecks(ctx, x, i, num)) {
                return false;
            }
            if (p.purpose > 0 && !checkPurpose(ctx, x, i, mustBeCa)) {
                return false;
            }
            if (i > 1 && x.pathLen != -1 && plen > x.pathLen + proxyPathLength
                    && !ctx.fail(x, i, VerifyError.PATH_LENGTH_EXCEEDED.code())) {
                return false;
            }
            if (i > 0 && !x.selfIssued) {
                plen++;
            }
            if (x.proxy) {
                if (x.proxyPathLen != -1) {
                    if (proxyPathLength > x.proxyPathLen
                            && !ctx.fail(x, i, VerifyError.PROXY_PATH_LENGTH_EXCEEDED.code())) {
                        return false;
                    }
                    proxyPathLength = x.proxyPathLen;
                }
                proxyPathLength++;
                mustBeCa = 0;
            } else {
                mustBeCa = 1;
            }
        }
        return true;
    }

    /** {@code check_curve}: in a chain of two or more, EC keys must name their curve (explicit parameters: 94). */
    private static boolean checkCurve(VerifyContext ctx, CertInfo x, int depth) {
        if (!SignatureAlgorithms.EC.equals(x.keyType)) {
            return true;
        }
        ASN1Encodable params = x.cert.getSubjectPublicKeyInfo().getAlgorithm().getParameters();
        if (params instanceof ASN1ObjectIdentifier) {
            return true;
        }
        int err = params instanceof ASN1Sequence ? VerifyError.EC_KEY_EXPLICIT_PARAMS.code() : VerifyError.UNSPECIFIED.code();
        return ctx.fail(x, depth, err);
    }

    /** {@code check_purpose}: store certificates have no auxiliary trust here, so the purpose rules always apply. */
    private static boolean checkPurpose(VerifyContext ctx, CertInfo x, int depth, int mustBeCa) {
        int r = Purposes.check(x, ctx.params.purpose, mustBeCa > 0);
        if (r > 0 || (r < 0 && !ctx.params.has(VerifyParams.X509_STRICT))) {
            return true;
        }
        return ctx.fail(x, depth, VerifyError.INVALID_PURPOSE.code());
    }

    /** The RFC 5280 conformance checks OpenSSL 3.0 applies with {@code X509_V_FLAG_X509_STRICT}, in its order. */
    private static boolean strictChecks(VerifyContext ctx, CertInfo x, int i, int num) {
        boolean ca = x.ca;
        int subjectEntries = x.subject.entryCount();
        if (x.pathLen != -1) {
            if (!ca && !ctx.fail(x, i, VerifyError.PATHLEN_INVALID_FOR_NON_CA.code())) {
                return false;
            }
            if ((x.keyUsage & CertInfo.KU_KEY_CERT_SIGN) == 0
                    && !ctx.fail(x, i, VerifyError.PATHLEN_WITHOUT_KU_KEY_CERT_SIGN.code())) {
                return false;
            }
        }
        if (ca && x.hasBasicConstraints && !x.basicConstraintsCritical
                && !ctx.fail(x, i, VerifyError.CA_BCONS_NOT_CRITICAL.code())) {
            return false;
        }
        if (ca) {
            if (!x.hasKeyUsage && !ctx.fail(x, i, VerifyError.CA_CERT_MISSING_KEY_USAGE.code())) {
                return false;
            }
        } else if ((x.keyUsage & CertInfo.KU_KEY_CERT_SIGN) != 0
                && !ctx.fail(x, i, VerifyError.KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA.code())) {
            return false;
        }
        if (x.issuer.isEmpty() && !ctx.fail(x, i, VerifyError.ISSUER_NAME_EMPTY.code())) {
            return false;
        }
        if ((ca || (x.keyUsage & CertInfo.KU_CRL_SIGN) != 0 || x.altNames == null) && subjectEntries == 0
                && !ctx.fail(x, i, VerifyError.SUBJECT_NAME_EMPTY.code())) {
            return false;
        }
        if (subjectEntries == 0 && x.altNames != null && !x.altNamesCritical
                && !ctx.fail(x, i, VerifyError.EMPTY_SUBJECT_SAN_NOT_CRITICAL.code())) {
            return false;
        }
        if (x.altNames != null && x.altNames.getNames().length == 0
                && !ctx.fail(x, i, VerifyError.EMPTY_SUBJECT_ALT_NAME.code())) {
            return false;
        }
        if (!x.cert.getSignatureAlgorithm().equals(x.cert.getTBSCertificate().getSignature())
                && !ctx.fail(x, i, VerifyError.SIGNATURE_ALGORITHM_INCONSISTENCY.code())) {
            return false;
        }
        if (x.cert.getVersionNumber() >= 3) {
            if (i + 1 < num && !x.selfSigned && x.authorityKeyId == null
                    && !ctx.fail(x, i, VerifyError.MISSING_AUTHORITY_KEY_IDENTIFIER.code())) {
                return false;
            }
            return !(ca && x.subjectKeyId == null) || ctx.fail(x, i, VerifyError.MISSING_SUBJECT_KEY_IDENTIFIER.code());
        }
        Extensions exts = x.cert.getTBSCertificate().getExtensions();
        return exts == null || exts.getExtensionOIDs().length == 0
                || ctx.fail(x, i, VerifyError.EXTENSIONS_REQUIRE_VERSION_3.code());
    }

    /** {@code check_auth_level}: issuer keys and non-anchor signature digests must reach the security level. */
    static boolean checkAuthLevel(VerifyContext ctx) {
        int level = ctx.params.authLevel;
        if (level <= 0) {
            return true;
        }
        int num = ctx.chain.size();
        for (int i = 0; i < num; i++) {
            CertInfo x = ctx.chain.get(i);
            if (i > 0 && !keyStrongEnough(x, level) && !ctx.fail(x, i, VerifyError.CA_KEY_TOO_SMALL.code())) {
                return false;
            }
            if (i < num - 1 && SignatureAlgorithms.signatureSecurityBits(x.cert.getSignatureAlgorithm()) < minBits(level)
                    && !ctx.fail(x, i, VerifyError.CA_MD_TOO_WEAK.code())) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code x}'s key reaches security {@code level} (used for the leaf before chain building, too). */
    static boolean keyStrongEnough(CertInfo x, int level) {
        return level <= 0 || SignatureAlgorithms.keySecurityBits(x.cert.getSubjectPublicKeyInfo()) >= minBits(level);
    }

    private static int minBits(int level) {
        int[] table = {80, 112, 128, 192, 256};
        return table[Math.min(level, table.length) - 1];
    }
}
