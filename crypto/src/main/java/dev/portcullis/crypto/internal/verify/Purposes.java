package dev.portcullis.crypto.internal.verify;

import static dev.portcullis.crypto.internal.verify.CertInfo.KU_CRL_SIGN;
import static dev.portcullis.crypto.internal.verify.CertInfo.KU_DIGITAL_SIGNATURE;
import static dev.portcullis.crypto.internal.verify.CertInfo.KU_KEY_AGREEMENT;
import static dev.portcullis.crypto.internal.verify.CertInfo.KU_KEY_ENCIPHERMENT;
import static dev.portcullis.crypto.internal.verify.CertInfo.KU_NON_REPUDIATION;

/**
 * OpenSSL's {@code X509_check_purpose} for the standard purposes (v3_purp.c): extended key usage, key usage and
 * Netscape cert type rules for end entities, and the CA test for issuers.
 */
public final class Purposes {
    /** {@code X509_PURPOSE_SSL_CLIENT}. */
    public static final int SSL_CLIENT = 1;
    /** {@code X509_PURPOSE_SSL_SERVER}. */
    public static final int SSL_SERVER = 2;
    /** {@code X509_PURPOSE_NS_SSL_SERVER}. */
    public static final int NS_SSL_SERVER = 3;
    /** {@code X509_PURPOSE_SMIME_SIGN}. */
    public static final int SMIME_SIGN = 4;
    /** {@code X509_PURPOSE_SMIME_ENCRYPT}. */
    public static final int SMIME_ENCRYPT = 5;
    /** {@code X509_PURPOSE_CRL_SIGN}. */
    public static final int CRL_SIGN = 6;
    /** {@code X509_PURPOSE_ANY}. */
    public static final int ANY = 7;
    /** {@code X509_PURPOSE_OCSP_HELPER}. */
    public static final int OCSP_HELPER = 8;
    /** {@code X509_PURPOSE_TIMESTAMP_SIGN}. */
    public static final int TIMESTAMP_SIGN = 9;

    private static final int NS_SSL_CLIENT = 0x80;
    private static final int NS_SSL_SERVER_BIT = 0x40;
    private static final int NS_SMIME = 0x20;
    private static final int NS_SSL_CA = 0x04;
    private static final int NS_SMIME_CA = 0x02;

    private Purposes() {
    }

    static boolean isKnown(int purpose) {
        return purpose >= SSL_CLIENT && purpose <= TIMESTAMP_SIGN;
    }

    /** 1 when {@code x} suits {@code purpose}, 0 when not, -1 when the certificate's extensions are invalid. */
    static int check(CertInfo x, int purpose, boolean requireCa) {
        if (x.invalid) {
            return -1;
        }
        return switch (purpose) {
            case SSL_CLIENT -> sslClient(x, requireCa);
            case SSL_SERVER -> sslServer(x, requireCa);
            case NS_SSL_SERVER -> nsSslServer(x, requireCa);
            case SMIME_SIGN -> smime(x, requireCa, KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION);
            case SMIME_ENCRYPT -> smime(x, requireCa, KU_KEY_ENCIPHERMENT);
            case CRL_SIGN -> requireCa ? x.checkCa() : kuReject(x, KU_CRL_SIGN) ? 0 : 1;
            case OCSP_HELPER -> requireCa ? x.checkCa() : 1;
            case TIMESTAMP_SIGN -> requireCa ? x.checkCa() : timestamp(x);
            default -> 1;
        };
    }

    private static boolean kuReject(CertInfo x, int usage) {
        return x.hasKeyUsage && (x.keyUsage & usage) == 0;
    }

    private static boolean xkuReject(CertInfo x, int usage) {
        return x.hasExtKeyUsage && (x.extKeyUsage & usage) == 0;
    }

    private static boolean nsReject(CertInfo x, int usage) {
        return x.hasNsCertType && (x.nsCertType & usage) == 0;
    }

    private static int sslCa(CertInfo x) {
        int ca = x.checkCa();
        if (ca == 0) {
            return 0;
        }
        return ca == 5 && (x.nsCertType & NS_SSL_CA) != 0 ? 0 : 1;
    }

    private static int sslClient(CertInfo x, boolean requireCa) {
        if (xkuReject(x, CertInfo.XKU_SSL_CLIENT)) {
            return 0;
        }
        if (requireCa) {
            return sslCa(x);
        }
        return kuReject(x, KU_DIGITAL_SIGNATURE | KU_KEY_AGREEMENT) || nsReject(x, NS_SSL_CLIENT) ? 0 : 1;
    }

    private static int sslServer(CertInfo x, boolean requireCa) {
        if (xkuReject(x, CertInfo.XKU_SSL_SERVER | CertInfo.XKU_SGC)) {
            return 0;
        }
        if (requireCa) {
            return sslCa(x);
        }
        return nsReject(x, NS_SSL_SERVER_BIT) || kuReject(x, KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_AGREEMENT) ? 0 : 1;
    }

    private static int nsSslServer(CertInfo x, boolean requireCa) {
        int ret = sslServer(x, requireCa);
        if (ret == 0 || requireCa) {
            return ret;
        }
        return kuReject(x, KU_KEY_ENCIPHERMENT) ? 0 : ret;
    }

    private static int smime(CertInfo x, boolean requireCa, int leafUsage) {
        if (xkuReject(x, CertInfo.XKU_SMIME)) {
            return 0;
        }
        if (requireCa) {
            int ca = x.checkCa();
            if (ca == 0) {
                return 0;
            }
            return ca != 5 || (x.nsCertType & NS_SMIME_CA) != 0 ? ca : 0;
        }
        int ret = 1;
        if (x.hasNsCertType) {
            if ((x.nsCertType & NS_SMIME) != 0) {
                ret = 1;
            } else if ((x.nsCertType & NS_SSL_CLIENT) != 0) {
                ret = 2;
            } else {
                return 0;
            }
        }
        return kuReject(x, leafUsage) ? 0 : ret;
    }

    private static int timestamp(CertInfo x) {
        int allowed = KU_NON_REPUDIATION | KU_DIGITAL_SIGNATURE;
        if (x.hasKeyUsage && ((x.keyUsage & ~allowed) != 0 || (x.keyUsage & allowed) == 0)) {
            return 0;
        }
        if (!x.hasExtKeyUsage || x.extKeyUsage != CertInfo.XKU_TIMESTAMP) {
            return 0;
        }
        var ext = x.cert.getTBSCertificate().getExtensions().getExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage);
        return ext != null && !ext.isCritical() ? 0 : 1;
    }
}
