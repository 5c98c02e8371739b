package dev.portcullis.crypto;

/**
 * pyOpenSSL's {@code OpenSSL.crypto} module functions and constants.
 *
 * <p>Every function keeps pyOpenSSL's name in camelCase ({@code load_certificate} → {@link Crypto}{@code .loadCertificate})
 * and its semantics; constants keep their names and OpenSSL's values.
 */
public final class Crypto {
    /** PEM: base64 between {@code -----BEGIN …-----} lines. OpenSSL's {@code SSL_FILETYPE_PEM}. */
    public static final int FILETYPE_PEM = 1;
    /** DER (binary ASN.1). OpenSSL's {@code SSL_FILETYPE_ASN1}. */
    public static final int FILETYPE_ASN1 = 2;
    /** Human-readable text as {@code openssl x509 -text} prints it; for dumping only (a pyOpenSSL invention). */
    public static final int FILETYPE_TEXT = 65535;

    /** RSA keys ({@code EVP_PKEY_RSA}). */
    public static final int TYPE_RSA = 6;
    /** DSA keys ({@code EVP_PKEY_DSA}). */
    public static final int TYPE_DSA = 116;
    /** Diffie-Hellman keys ({@code EVP_PKEY_DH}). */
    public static final int TYPE_DH = 28;
    /** Elliptic-curve keys ({@code EVP_PKEY_EC}). */
    public static final int TYPE_EC = 408;
    /** Ed25519 keys ({@code EVP_PKEY_ED25519}); pyOpenSSL has no constant but {@code PKey.type()} returns this value. */
    public static final int TYPE_ED25519 = 1087;
    /** Ed448 keys ({@code EVP_PKEY_ED448}); pyOpenSSL has no constant but {@code PKey.type()} returns this value. */
    public static final int TYPE_ED448 = 1088;

    private Crypto() {
    }

    // ---- keys: loadPrivateKey, dumpPrivateKey, loadPublicKey, dumpPublicKey, sign, verify, curves ----

    // ---- certificates: loadCertificate, dumpCertificate ----

    // ---- certificate requests: loadCertificateRequest, dumpCertificateRequest ----

    // ---- containers and revocation: loadPkcs12, loadPkcs7Data, loadCrl, dumpCrl ----
}
