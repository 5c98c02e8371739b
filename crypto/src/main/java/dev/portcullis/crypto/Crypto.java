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

    private static final java.util.Set<String> CERTIFICATE_LABELS = java.util.Set.of("CERTIFICATE", "X509 CERTIFICATE");
    private static final java.util.Set<String> REQUEST_LABELS =
            java.util.Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

    /**
     * Reads a certificate (pyOpenSSL's {@code load_certificate}).
     *
     * <p>{@link #FILETYPE_PEM}: anything before the first {@code -----BEGIN CERTIFICATE-----} (or the old
     * {@code X509 CERTIFICATE}) block is skipped, as are blocks with other labels; the first certificate is read
     * and anything after it ignored. {@link #FILETYPE_ASN1}: DER; bytes after the certificate are ignored.
     * The certificate keeps its exact encoding, so {@link #dumpCertificate} gives the same bytes back.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM or FILETYPE_ASN1" for another type
     * @throws CryptoException for bad data, e.g. {@code [('PEM routines', '', 'no start line')]} or
     *     {@code [('asn1 encoding routines', '', 'not enough data')]}
     */
    public static X509 loadCertificate(int type, byte[] buffer) {
        return new X509(dev.portcullis.crypto.internal.pem.FileTypes.load(type, buffer, CERTIFICATE_LABELS,
                dev.portcullis.crypto.internal.x509.CertificateModel::read));
    }

    /** {@link #loadCertificate(int, byte[])} for text (pyOpenSSL ASCII-encodes a {@code str} buffer). */
    public static X509 loadCertificate(int type, String buffer) {
        return loadCertificate(type, dev.portcullis.crypto.internal.pem.FileTypes.ascii(buffer));
    }

    /**
     * Writes a certificate (pyOpenSSL's {@code dump_certificate}): PEM ({@code -----BEGIN CERTIFICATE-----}, 64
     * characters a line), DER, or the text {@code openssl x509 -text -noout} prints.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT"
     * @throws CryptoException for a certificate that was never signed
     */
    public static byte[] dumpCertificate(int type, X509 certificate) {
        if (certificate == null) {
            throw new IllegalArgumentException("certificate must be an X509, not null");
        }
        return dev.portcullis.crypto.internal.pem.FileTypes.dump(type, "CERTIFICATE",
                () -> certificate.model().encoding(),
                () -> pendingText());
    }

    /**
     * Checks that {@code signature} is {@code cert}'s key's signature of {@code data} under the named digest
     * (pyOpenSSL's {@code verify}, removed in 24.3; Ed25519/Ed448 ignore the digest). Returns normally when valid.
     *
     * @throws IllegalArgumentException "No such digest method" for an unknown digest, or a {@code null} argument
     * @throws CryptoException when the signature does not verify
     */
    public static void verify(X509 cert, byte[] signature, byte[] data, String digest) {
        if (cert == null || signature == null || data == null) {
            throw new IllegalArgumentException("cert, signature and data must not be null");
        }
        dev.portcullis.crypto.internal.Digests.byName(digest);
        dev.portcullis.crypto.internal.Signatures.verify(cert.getPubkey().toJavaPublicKey(), signature, data, digest);
    }

    private static String pendingText() {
        throw new IllegalStateException("PENDING: text printer not merged yet");
    }

    // ---- certificate requests: loadCertificateRequest, dumpCertificateRequest ----

    /**
     * Reads a certificate signing request (pyOpenSSL's {@code load_certificate_request}): PEM
     * ({@code CERTIFICATE REQUEST} or the old {@code NEW CERTIFICATE REQUEST}; the first one found) or DER.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM or FILETYPE_ASN1" for another type
     * @throws CryptoException for bad data
     */
    public static X509Req loadCertificateRequest(int type, byte[] buffer) {
        return new X509Req(dev.portcullis.crypto.internal.pem.FileTypes.load(type, buffer, REQUEST_LABELS,
                dev.portcullis.crypto.internal.x509.RequestModel::read));
    }

    /** {@link #loadCertificateRequest(int, byte[])} for ASCII text. */
    public static X509Req loadCertificateRequest(int type, String buffer) {
        return loadCertificateRequest(type, dev.portcullis.crypto.internal.pem.FileTypes.ascii(buffer));
    }

    /**
     * Writes a certificate signing request: PEM ({@code -----BEGIN CERTIFICATE REQUEST-----}), DER, or the text
     * {@code openssl req -text -noout} prints.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT"
     * @throws CryptoException for a request that was never signed
     */
    public static byte[] dumpCertificateRequest(int type, X509Req request) {
        if (request == null) {
            throw new IllegalArgumentException("request must be an X509Req, not null");
        }
        return dev.portcullis.crypto.internal.pem.FileTypes.dump(type, "CERTIFICATE REQUEST",
                () -> request.model().encoding(),
                () -> pendingText());
    }

    // ---- containers and revocation: loadPkcs12, loadPkcs7Data, loadCrl, dumpCrl ----
}
