package dev.portcullis.compat.internal;

/**
 * The PKCS#11 numbers NSS stores in its tables: object classes, attribute types (each attribute is a column
 * named {@code "a" + hex(type)}), key types and trust values. Numeric on purpose: NSS's own headers alias some
 * names to different numbers depending on build flags (nssdb-format.md §4.2).
 */
public final class Pkcs11 {
    private Pkcs11() {
    }

    // object classes (CKA_CLASS)
    public static final long CKO_CERTIFICATE = 0x1L;
    public static final long CKO_PUBLIC_KEY = 0x2L;
    public static final long CKO_PRIVATE_KEY = 0x3L;
    public static final long CKO_SECRET_KEY = 0x4L;
    /** PKCS#11 3.2 trust object, written by NSS 3.114 and later. */
    public static final long CKO_TRUST = 0xBL;
    /** NSS's classic vendor trust object. */
    public static final long CKO_NSS_TRUST = 0xCE534353L;

    // attributes
    public static final long CKA_CLASS = 0x0L;
    public static final long CKA_LABEL = 0x3L;
    public static final long CKA_VALUE = 0x11L;
    public static final long CKA_CERTIFICATE_TYPE = 0x80L;
    public static final long CKA_ISSUER = 0x81L;
    public static final long CKA_SERIAL_NUMBER = 0x82L;
    public static final long CKA_NAME_HASH_ALGORITHM = 0x8CL;
    public static final long CKA_KEY_TYPE = 0x100L;
    public static final long CKA_SUBJECT = 0x101L;
    public static final long CKA_ID = 0x102L;
    public static final long CKA_MODULUS = 0x120L;
    public static final long CKA_PUBLIC_EXPONENT = 0x122L;
    public static final long CKA_PRIVATE_EXPONENT = 0x123L;
    public static final long CKA_PRIME_1 = 0x124L;
    public static final long CKA_PRIME_2 = 0x125L;
    public static final long CKA_EXPONENT_1 = 0x126L;
    public static final long CKA_EXPONENT_2 = 0x127L;
    public static final long CKA_COEFFICIENT = 0x128L;
    public static final long CKA_PRIME = 0x130L;
    public static final long CKA_SUBPRIME = 0x131L;
    public static final long CKA_BASE = 0x132L;
    public static final long CKA_EC_PARAMS = 0x180L;
    public static final long CKA_EC_POINT = 0x181L;
    public static final long CKA_PKCS_TRUST_SERVER_AUTH = 0x62CL;
    public static final long CKA_PKCS_TRUST_CLIENT_AUTH = 0x62DL;
    public static final long CKA_PKCS_TRUST_CODE_SIGNING = 0x62EL;
    public static final long CKA_PKCS_TRUST_EMAIL_PROTECTION = 0x62FL;
    public static final long CKA_HASH_OF_CERTIFICATE = 0x635L;
    public static final long CKA_SEED = 0x637L;
    public static final long CKA_NSS_EMAIL = 0xCE534352L;
    public static final long CKA_NSS_OVERRIDE_EXTENSIONS = 0xCE534369L;
    public static final long CKA_NSS_TRUST_SERVER_AUTH = 0xCE536358L;
    public static final long CKA_NSS_TRUST_CLIENT_AUTH = 0xCE536359L;
    public static final long CKA_NSS_TRUST_CODE_SIGNING = 0xCE53635AL;
    public static final long CKA_NSS_TRUST_EMAIL_PROTECTION = 0xCE53635BL;
    public static final long CKA_NSS_TRUST_STEP_UP_APPROVED = 0xCE536360L;
    public static final long CKA_NSS_CERT_SHA1_HASH = 0xCE5363B4L;
    public static final long CKA_NSS_CERT_MD5_HASH = 0xCE5363B5L;
    /** The public value NSS keeps beside a private key (RSA modulus or raw EC point). */
    public static final long CKA_NSS_DB = 0xD5A0DB00L;

    // key types (CKA_KEY_TYPE)
    public static final long CKK_RSA = 0x0L;
    public static final long CKK_DSA = 0x1L;
    public static final long CKK_DH = 0x2L;
    public static final long CKK_EC = 0x3L;

    /** CKM_SHA256, the hash named by a PKCS#11 3.2 trust object's CKA_NAME_HASH_ALGORITHM. */
    public static final long CKM_SHA256 = 0x250L;
    public static final long CKM_SHA_1 = 0x220L;

    // classic NSS trust values
    public static final long CKT_NSS_TRUSTED = 0xCE534351L;
    public static final long CKT_NSS_TRUSTED_DELEGATOR = 0xCE534352L;
    public static final long CKT_NSS_MUST_VERIFY_TRUST = 0xCE534353L;
    public static final long CKT_NSS_TRUST_UNKNOWN = 0xCE534355L;
    public static final long CKT_NSS_NOT_TRUSTED = 0xCE53435AL;
    public static final long CKT_NSS_VALID_DELEGATOR = 0xCE53435BL;

    // PKCS#11 3.2 trust values
    public static final long CKT_TRUST_UNKNOWN = 0L;
    public static final long CKT_TRUSTED = 1L;
    public static final long CKT_TRUST_ANCHOR = 2L;
    public static final long CKT_NOT_TRUSTED = 3L;
    public static final long CKT_TRUST_MUST_VERIFY_TRUST = 4L;

    /** Whether NSS stores {@code type} as a 4-byte big-endian CK_ULONG ({@code sftkdb_isULONGAttribute}). */
    public static boolean isUlong(long type) {
        if (type == CKA_NSS_TRUST_STEP_UP_APPROVED) {
            return false; // on NSS's list, but really a one-byte CK_BBOOL
        }
        if (type >= 0xCE536351L && type <= 0xCE53635FL) {
            return true;
        }
        return type == CKA_CLASS || type == CKA_CERTIFICATE_TYPE || type == 0x87L || type == 0x88L
                || type == CKA_KEY_TYPE || type == 0x121L || type == 0x133L || type == 0x134L || type == 0x160L
                || type == 0x161L || type == 0x166L || type == 0x500L || type == CKA_NAME_HASH_ALGORITHM
                || type == 0x61DL || (type >= 0x62CL && type <= 0x632L);
    }

    /** The attributes NSS encrypts in key4.db ({@code sftkdb_isPrivateAttribute}). */
    public static boolean isEncrypted(long type) {
        return type == CKA_VALUE || (type >= CKA_PRIVATE_EXPONENT && type <= CKA_COEFFICIENT) || type == CKA_SEED;
    }

    /** The plaintext attributes NSS protects with a MAC row ({@code sftkdb_isAuthenticatedAttribute}). */
    public static boolean isAuthenticated(long type) {
        return type == CKA_MODULUS || type == CKA_PUBLIC_EXPONENT
                || (type >= CKA_NSS_TRUST_SERVER_AUTH && type <= CKA_NSS_TRUST_EMAIL_PROTECTION)
                || type == CKA_NSS_TRUST_STEP_UP_APPROVED || type == CKA_NSS_CERT_SHA1_HASH
                || type == CKA_NSS_CERT_MD5_HASH || type == CKA_NSS_OVERRIDE_EXTENSIONS
                || (type >= CKA_PKCS_TRUST_SERVER_AUTH && type <= CKA_PKCS_TRUST_EMAIL_PROTECTION)
                || type == CKA_HASH_OF_CERTIFICATE || type == CKA_NAME_HASH_ALGORITHM;
    }
}
