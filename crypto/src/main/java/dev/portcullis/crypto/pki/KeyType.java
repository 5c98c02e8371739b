package dev.portcullis.crypto.pki;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKey;

/**
 * The key a {@link CertificateBuilder} generates when it is not given one, with the signature digest that goes
 * with it.
 *
 * <p>{@link #EC_P256} is the default: small, fast to generate and to sign with, and accepted by every TLS stack in
 * use. RSA sizes are for code that must talk to RSA-only peers; Ed25519 for modern-only ones (no TLS 1.2 ECDHE_RSA
 * peer and few browsers accept Ed25519 certificates).
 */
public enum KeyType {
    /** ECDSA on NIST P-256 (secp256r1, OpenSSL's {@code prime256v1}), signed with SHA-256. */
    EC_P256("EC", "prime256v1", 0, "sha256"),
    /** ECDSA on NIST P-384 (secp384r1), signed with SHA-384. */
    EC_P384("EC", "secp384r1", 0, "sha384"),
    /** RSA with a 2048-bit modulus, signed with SHA-256 (PKCS#1 v1.5). */
    RSA_2048("RSA", null, 2048, "sha256"),
    /** RSA with a 3072-bit modulus, signed with SHA-256. */
    RSA_3072("RSA", null, 3072, "sha256"),
    /** RSA with a 4096-bit modulus, signed with SHA-512. */
    RSA_4096("RSA", null, 4096, "sha512"),
    /** Ed25519 (RFC 8410); the digest is fixed by the algorithm. */
    ED25519("Ed25519", null, 0, "sha512");

    private final String algorithm;
    private final String curve;
    private final int bits;
    private final String digest;

    KeyType(String algorithm, String curve, int bits, String digest) {
        this.algorithm = algorithm;
        this.curve = curve;
        this.bits = bits;
        this.digest = digest;
    }

    /** The OpenSSL digest name certificates signed by a key of this type use by default. */
    public String defaultDigest() {
        return digest;
    }

    /**
     * A fresh key pair of this type, from the library's randomness source (RSA through the JDK's generator, the
     * fastest measured here; elliptic-curve and Edwards keys through Bouncy Castle's).
     */
    public PKey generate() {
        if (curve != null) {
            return PKey.generateEc(curve);
        }
        if (algorithm.equals("Ed25519")) {
            return PKey.generateEd25519();
        }
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_RSA, bits);
        return key;
    }
}
