package dev.portcullis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Set;

import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.Signatures;
import dev.portcullis.crypto.internal.keys.KeyFiles;
import dev.portcullis.crypto.internal.keys.KeyText;
import dev.portcullis.crypto.internal.keys.Passphrase;
import dev.portcullis.crypto.internal.keys.PemCiphers;
import dev.portcullis.crypto.internal.pem.FileTypes;
import dev.portcullis.crypto.internal.x509.CertificateModel;
import dev.portcullis.crypto.internal.x509.RequestModel;
import dev.portcullis.crypto.internal.x509.TextDumps;

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

    private static final String ONLY_PEM_ENCRYPTS = "only FILETYPE_PEM key format supports encryption";
    private static final String PEM_OR_ASN1 = "type argument must be FILETYPE_PEM or FILETYPE_ASN1";
    private static final String PEM_ASN1_OR_TEXT = "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT";

    private Crypto() {
    }

    // ---- keys: loadPrivateKey, dumpPrivateKey, loadPublicKey, dumpPublicKey, sign, verify, curves ----

    /**
     * Loads a private key (pyOpenSSL's {@code load_privatekey}) that is not encrypted; an encrypted one fails with
     * {@link CryptoException}. See {@link #loadPrivateKey(int, byte[], PassphraseCallback)} for the formats.
     */
    public static PKey loadPrivateKey(int type, byte[] buffer) {
        return loadPrivateKey(type, buffer, (Passphrase) null);
    }

    /**
     * Loads a private key, decrypting it with {@code passphrase} if it is encrypted (the passphrase is ignored for a
     * key that is not). See {@link #loadPrivateKey(int, byte[], PassphraseCallback)} for the formats and errors.
     * For no passphrase use {@link #loadPrivateKey(int, byte[])} (a bare {@code null} third argument is ambiguous
     * between this overload and the callback one; {@code (byte[]) null} also works).
     */
    public static PKey loadPrivateKey(int type, byte[] buffer, byte[] passphrase) {
        return loadPrivateKey(type, buffer, Passphrase.of(passphrase));
    }

    /**
     * Loads a private key (pyOpenSSL's {@code load_privatekey}); the callback is asked for the passphrase (with
     * {@code writing == false}) only if the key is encrypted.
     *
     * <p>{@link #FILETYPE_PEM}: the first private-key block of the buffer, skipping any text and other blocks
     * (certificates, {@code EC PARAMETERS}) before it: {@code PRIVATE KEY} (PKCS#8, RFC 5208/5958),
     * {@code ENCRYPTED PRIVATE KEY} (PBES2 with PBKDF2 under any HMAC or scrypt and AES, 3DES, DES, Camellia, ARIA,
     * SEED, SM4 or Blowfish; PBES1; PKCS#12 PBE), {@code RSA PRIVATE KEY} (PKCS#1), {@code EC PRIVATE KEY} (SEC1),
     * {@code DSA PRIVATE KEY}, the last three also encrypted the legacy way ({@code Proc-Type: 4,ENCRYPTED},
     * {@code DEK-Info: AES-256-CBC,…}). RSA, RSA-PSS, DSA, EC, Ed25519, Ed448, X25519, X448 and DH keys load.
     * {@link #FILETYPE_ASN1}: DER, PKCS#8 or traditional, detected from its shape; trailing bytes are ignored.
     *
     * @throws IllegalArgumentException a passphrase with FILETYPE_ASN1 ("only FILETYPE_PEM key format supports
     *     encryption"); any other type ("type argument must be FILETYPE_PEM or FILETYPE_ASN1"); a callback result that
     *     is {@code null} ("Bytes expected") or longer than 1024 bytes ("passphrase returned by callback is too long")
     * @throws CryptoException for data that is not such a key (e.g. {@code ('PEM routines', '', 'no start line')}),
     *     an encrypted key without a passphrase, or a wrong passphrase (never a garbage key)
     */
    public static PKey loadPrivateKey(int type, byte[] buffer, PassphraseCallback passphrase) {
        return loadPrivateKey(type, buffer, Passphrase.of(passphrase));
    }

    /** {@link #loadPrivateKey(int, byte[])} for PEM text (ASCII only, as pyOpenSSL encodes a str). */
    public static PKey loadPrivateKey(int type, String buffer) {
        return loadPrivateKey(type, ascii(buffer), (Passphrase) null);
    }

    /** {@link #loadPrivateKey(int, byte[], byte[])} for PEM text. */
    public static PKey loadPrivateKey(int type, String buffer, byte[] passphrase) {
        return loadPrivateKey(type, ascii(buffer), Passphrase.of(passphrase));
    }

    /** {@link #loadPrivateKey(int, byte[], PassphraseCallback)} for PEM text. */
    public static PKey loadPrivateKey(int type, String buffer, PassphraseCallback passphrase) {
        return loadPrivateKey(type, ascii(buffer), Passphrase.of(passphrase));
    }

    private static PKey loadPrivateKey(int type, byte[] buffer, Passphrase passphrase) {
        if (type != FILETYPE_PEM && passphrase != null) {
            throw new IllegalArgumentException(ONLY_PEM_ENCRYPTS);
        }
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must not be null");
        }
        if (type == FILETYPE_PEM) {
            return KeyFiles.loadPem(buffer, passphrase);
        }
        if (type == FILETYPE_ASN1) {
            return KeyFiles.loadDer(buffer);
        }
        throw new IllegalArgumentException(PEM_OR_ASN1);
    }

    /**
     * Writes a private key without encryption (pyOpenSSL's {@code dump_privatekey(type, pkey)}).
     * See {@link #dumpPrivateKey(int, PKey, String, PassphraseCallback)}.
     */
    public static byte[] dumpPrivateKey(int type, PKey pkey) {
        return dumpPrivateKey(type, pkey, null, (Passphrase) null);
    }

    /**
     * Writes a private key, encrypted with {@code cipher} under {@code passphrase} when a cipher is given.
     * See {@link #dumpPrivateKey(int, PKey, String, PassphraseCallback)}.
     */
    public static byte[] dumpPrivateKey(int type, PKey pkey, String cipher, byte[] passphrase) {
        return dumpPrivateKey(type, pkey, cipher, Passphrase.of(passphrase));
    }

    /**
     * Writes a private key (pyOpenSSL's {@code dump_privatekey}).
     *
     * <p>{@link #FILETYPE_PEM}: PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), or with a cipher
     * {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PBES2, PBKDF2-HMAC-SHA256 (2048 iterations, 8-byte salt) and
     * the named cipher, as OpenSSL 3.0 writes it. Cipher names are OpenSSL's, case-insensitive:
     * {@code aes-128-cbc}/{@code aes128}, {@code aes-192-cbc}, {@code aes-256-cbc}/{@code aes256},
     * {@code des-ede3-cbc}/{@code des3}, {@code des-cbc}/{@code des}, {@code bf-cbc}/{@code blowfish},
     * {@code camellia-*-cbc}, {@code aria-*-cbc}, {@code seed-cbc}, {@code sm4-cbc}. The callback is called with
     * {@code writing == true}; a passphrase without a cipher is ignored, as in pyOpenSSL.
     * {@link #FILETYPE_ASN1}: the traditional DER (PKCS#1 for RSA, SEC1 for EC, OpenSSL's DSA structure; PKCS#8 for
     * Ed25519, Ed448, X25519, X448). {@link #FILETYPE_TEXT}: RSA keys only, as OpenSSL's {@code RSA_print}
     * ({@code RSA Private-Key: (2048 bit, 2 primes)}, {@code modulus:} …).
     *
     * @throws IllegalArgumentException (pyOpenSSL's TypeError/ValueError) "pkey must be a PKey"; "if a value is given
     *     for cipher one must also be given for passphrase"; "Invalid cipher name"; "only FILETYPE_PEM key format
     *     supports encryption"; "Only RSA keys are supported for FILETYPE_TEXT"; "type argument must be FILETYPE_PEM,
     *     FILETYPE_ASN1, or FILETYPE_TEXT"; a bad callback result as for loading
     * @throws CryptoException for an empty or public-only key
     */
    public static byte[] dumpPrivateKey(int type, PKey pkey, String cipher, PassphraseCallback passphrase) {
        return dumpPrivateKey(type, pkey, cipher, Passphrase.of(passphrase));
    }

    private static byte[] dumpPrivateKey(int type, PKey pkey, String cipher, Passphrase passphrase) {
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey");
        }
        PemCiphers.Spec spec = null;
        if (cipher != null) {
            if (passphrase == null) {
                throw new IllegalArgumentException(
                        "if a value is given for cipher one must also be given for passphrase");
            }
            spec = PemCiphers.byName(cipher);
            if (spec == null) {
                throw new IllegalArgumentException("Invalid cipher name");
            }
        }
        if (type != FILETYPE_PEM && passphrase != null) {
            throw new IllegalArgumentException(ONLY_PEM_ENCRYPTS);
        }
        switch (type) {
            case FILETYPE_PEM:
                return KeyFiles.dumpPem(pkey, spec, passphrase);
            case FILETYPE_ASN1:
                return KeyFiles.dumpDer(pkey);
            case FILETYPE_TEXT:
                if (pkey.type() != TYPE_RSA) {
                    throw new IllegalArgumentException("Only RSA keys are supported for FILETYPE_TEXT");
                }
                return KeyText.rsaPrint((RSAPrivateCrtKey) pkey.toJavaPrivateKey());
            default:
                throw new IllegalArgumentException(PEM_ASN1_OR_TEXT);
        }
    }

    /**
     * Loads a public key (pyOpenSSL's {@code load_publickey}): a SubjectPublicKeyInfo (RFC 5280) as PEM
     * ({@code -----BEGIN PUBLIC KEY-----}, the first such block) or DER. The result is public-only.
     *
     * @throws IllegalArgumentException for a type other than PEM or ASN1
     * @throws CryptoException for data that is not a public key
     */
    public static PKey loadPublicKey(int type, byte[] buffer) {
        if (type != FILETYPE_PEM && type != FILETYPE_ASN1) {
            throw new IllegalArgumentException(PEM_OR_ASN1);
        }
        if (buffer == null) {
            throw new IllegalArgumentException("buffer must not be null");
        }
        return KeyFiles.loadPublic(type, buffer);
    }

    /** {@link #loadPublicKey(int, byte[])} for PEM text (ASCII only). */
    public static PKey loadPublicKey(int type, String buffer) {
        return loadPublicKey(type, ascii(buffer));
    }

    /**
     * Writes the public half of a key as SubjectPublicKeyInfo PEM or DER (pyOpenSSL's {@code dump_publickey});
     * a private key gives its public half. Loading and dumping again reproduces the input byte for byte.
     *
     * @throws IllegalArgumentException for a type other than PEM or ASN1, or a null key
     * @throws CryptoException for an empty key
     */
    public static byte[] dumpPublicKey(int type, PKey pkey) {
        if (type != FILETYPE_PEM && type != FILETYPE_ASN1) {
            throw new IllegalArgumentException(PEM_OR_ASN1);
        }
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey");
        }
        return KeyFiles.dumpPublic(type, pkey);
    }

    /**
     * Signs {@code data} (pyOpenSSL's {@code sign}): the data is hashed with the named digest (any name OpenSSL
     * knows, case-insensitive: {@code sha256}, {@code SHA384}, {@code sha3-256}, {@code RSA-SHA256}…) and signed with
     * RSA PKCS#1 v1.5, DSA or ECDSA (DER-encoded); Ed25519 and Ed448 keys sign the data itself and ignore the digest.
     *
     * @return the signature bytes
     * @throws IllegalArgumentException "No such digest method" for an unknown digest, or null data
     * @throws CryptoException for an empty or public-only key, a key that cannot sign (X25519, DH), or a digest the
     *     RSA signer refuses ({@code ('Provider routines', '', 'digest not allowed')}: sm3, shake, blake2, whirlpool)
     */
    public static byte[] sign(PKey pkey, byte[] data, String digest) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        return Signatures.sign(pkey, data, digest);
    }

    /**
     * The named curves Portcullis knows (pyOpenSSL's {@code get_elliptic_curves}): the same objects on every call.
     * See {@link EllipticCurve} for the OpenSSL curves that are missing.
     */
    public static Set<EllipticCurve> getEllipticCurves() {
        return EllipticCurve.all();
    }

    /**
     * The curve with this OpenSSL short name (pyOpenSSL's {@code get_elliptic_curve}), e.g. {@code prime256v1}.
     *
     * @throws IllegalArgumentException "unknown curve name" for a name not in {@link #getEllipticCurves()}
     */
    public static EllipticCurve getEllipticCurve(String name) {
        return EllipticCurve.byName(name);
    }

    private static byte[] ascii(String text) {
        if (text == null) {
            throw new IllegalArgumentException("buffer must not be null");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                throw new IllegalArgumentException("buffer must be ASCII text; pass bytes for other data");
            }
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // ---- certificates: loadCertificate, dumpCertificate ----

    private static final Set<String> CERTIFICATE_LABELS = Set.of("CERTIFICATE", "X509 CERTIFICATE");
    private static final Set<String> REQUEST_LABELS =
            Set.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

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
        return new X509(FileTypes.load(type, buffer, CERTIFICATE_LABELS,
                CertificateModel::read));
    }

    /** {@link #loadCertificate(int, byte[])} for text (pyOpenSSL ASCII-encodes a {@code str} buffer). */
    public static X509 loadCertificate(int type, String buffer) {
        return loadCertificate(type, FileTypes.ascii(buffer));
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
        return FileTypes.dump(type, "CERTIFICATE",
                () -> certificate.model().encoding(),
                () -> TextDumps.certificate(certificate.model().encoding()));
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
        Digests.byName(digest);
        Signatures.verify(cert.getPubkey().toJavaPublicKey(), signature, data, digest);
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
        return new X509Req(FileTypes.load(type, buffer, REQUEST_LABELS,
                RequestModel::read));
    }

    /** {@link #loadCertificateRequest(int, byte[])} for ASCII text. */
    public static X509Req loadCertificateRequest(int type, String buffer) {
        return loadCertificateRequest(type, FileTypes.ascii(buffer));
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
        return FileTypes.dump(type, "CERTIFICATE REQUEST",
                () -> request.model().encoding(),
                () -> TextDumps.request(request.model().encoding()));
    }

    // ---- containers and revocation: loadPkcs12, loadPkcs7Data, loadCrl, dumpCrl ----

    /**
     * Reads a PKCS#12 file ({@code .p12}/{@code .pfx}, RFC 7292; pyOpenSSL's {@code load_pkcs12}) without a
     * passphrase: OpenSSL's absent and empty passwords are both tried.
     *
     * @see #loadPkcs12(byte[], byte[])
     */
    public static PKCS12 loadPkcs12(byte[] buffer) {
        return PKCS12.load(buffer, null);
    }

    /**
     * Reads a PKCS#12 file (pyOpenSSL's {@code load_pkcs12}): the first private key, the certificate holding its
     * public key (the one whose local key id matches when several do), the other certificates in file order as
     * {@link PKCS12#getCaCertificates()}, and that certificate's friendly name.
     *
     * <p>A {@code null} or empty passphrase tries OpenSSL's absent and empty passwords, which PKCS#12 tells apart.
     * Every scheme OpenSSL ever wrote is read, including those OpenSSL 3 refuses without {@code -legacy}
     * (40/128-bit RC2, RC4, DES and 2-key 3DES PBEs, PKCS#5 v1 PBES1), PBES2 with any PBKDF2 PRF or scrypt, the
     * SHA-1 and SHA-2 MACs and PBMAC1 (RFC 9579); BER with indefinite lengths (Windows) too. Keys: RSA, DSA, EC,
     * Ed25519, Ed448, X25519, X448.
     *
     * <p>Bounds, so that a hostile file cannot stall or exhaust the reader: at most 10,000,000 iterations per key
     * derivation and 20,000,000 for the whole file, at most 10,000 bags, 256 content infos, 8 levels of nested
     * safe contents and 48 levels of ASN.1 nesting; beyond them {@link CryptoException}
     * ({@code 'PKCS12 routines'}, {@code 'iteration count too large'}, {@code 'too many bags'}, …).
     *
     * @param passphrase the password bytes (UTF-8 for text), or {@code null} (a literal {@code null} needs a cast,
     *     {@code (byte[]) null}, or use {@link #loadPkcs12(byte[])})
     * @throws IllegalArgumentException for a {@code null} buffer
     * @throws CryptoException {@code [('PKCS12 routines', '', 'mac verify failure')]} for a wrong password or a
     *     damaged file; {@code ('asn1 encoding routines', …)} first for data that is not PKCS#12; when a
     *     passphrase is given for a file without a MAC, {@code 'mac absent'} then {@code 'mac verify failure'}
     *     (as OpenSSL 3.0); {@code ('evp routines', '', 'unsupported algorithm …')} for a scheme no one implements
     *     here; never a partly filled result
     */
    public static PKCS12 loadPkcs12(byte[] buffer, byte[] passphrase) {
        return PKCS12.load(buffer, passphrase);
    }

    /** {@link #loadPkcs12(byte[], byte[])} with a text passphrase, encoded as UTF-8 (the encoded copy is cleared). */
    public static PKCS12 loadPkcs12(byte[] buffer, char[] passphrase) {
        byte[] bytes = PKCS12.utf8(passphrase);
        try {
            return PKCS12.load(buffer, bytes);
        } finally {
            if (bytes != null) {
                java.util.Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /**
     * Reads a PKCS#7 structure (RFC 2315; pyOpenSSL's {@code load_pkcs7_data}): PEM ({@code -----BEGIN PKCS7-----},
     * {@code PKCS #7 SIGNED DATA}, or {@code CERTIFICATE}, which some CAs put on PKCS#7 and OpenSSL accepts) or
     * DER/BER. Typically a certificate bundle ({@code .p7b}) or a signed
     * message; see {@link PKCS7#getCertificates()}.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM or FILETYPE_ASN1" for another type
     * @throws CryptoException for data that is not PKCS#7
     */
    public static PKCS7 loadPkcs7Data(int type, byte[] buffer) {
        return PKCS7.load(type, buffer);
    }

    /** {@link #loadPkcs7Data(int, byte[])} for ASCII text. */
    public static PKCS7 loadPkcs7Data(int type, String buffer) {
        return PKCS7.load(type, dev.portcullis.crypto.internal.pem.FileTypes.ascii(buffer));
    }

    /**
     * Reads a certificate revocation list (RFC 5280 §5; pyOpenSSL's {@code load_crl}): PEM
     * ({@code -----BEGIN X509 CRL-----}) or DER. The list keeps its exact bytes, so {@link #dumpCrl} gives them
     * back; revoked entries are decoded only when asked for.
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM or FILETYPE_ASN1" for another type
     * @throws CryptoException for bad data
     */
    public static CRL loadCrl(int type, byte[] buffer) {
        return CRL.load(type, buffer);
    }

    /** {@link #loadCrl(int, byte[])} for ASCII text. */
    public static CRL loadCrl(int type, String buffer) {
        return CRL.load(type, dev.portcullis.crypto.internal.pem.FileTypes.ascii(buffer));
    }

    /**
     * Writes a CRL (pyOpenSSL's {@code dump_crl}): PEM ({@code -----BEGIN X509 CRL-----}), DER, or the text
     * pyOpenSSL's {@code FILETYPE_TEXT} gave ({@code X509_CRL_print}; {@link CRL#toText()} gives the
     * {@code openssl crl -text -noout} form).
     *
     * @throws IllegalArgumentException "type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT", or a
     *     {@code null} CRL
     * @throws CryptoException for a CRL that was never signed
     */
    public static byte[] dumpCrl(int type, CRL crl) {
        if (crl == null) {
            throw new IllegalArgumentException("crl must be a CRL, not null");
        }
        return crl.dump(type);
    }
}
