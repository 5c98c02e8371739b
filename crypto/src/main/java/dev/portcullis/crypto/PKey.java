package dev.portcullis.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;

import dev.portcullis.crypto.internal.Bc;
import dev.portcullis.crypto.internal.keys.Curves;
import dev.portcullis.crypto.internal.keys.DsaKeyGenerator;
import dev.portcullis.crypto.internal.keys.KeyKind;
import dev.portcullis.crypto.internal.keys.KeyPairs;
import dev.portcullis.crypto.internal.keys.KeySizes;
import dev.portcullis.crypto.internal.keys.RsaKeyCheck;
import dev.portcullis.crypto.internal.keys.RsaKeyGenerator;
import dev.portcullis.rand.Rand;

/**
 * pyOpenSSL's {@code crypto.PKey}: an asymmetric key pair, or only its public half (OpenSSL's {@code EVP_PKEY}).
 *
 * <p>A new {@code PKey()} is empty ({@link #type()} and {@link #bits()} are 0) until {@link #generateKey} fills it,
 * exactly as in pyOpenSSL. Keys also come from {@link Crypto#loadPrivateKey}, {@link Crypto#loadPublicKey}, a
 * certificate's public key, or a {@code java.security} key via {@link #fromJavaKey} / {@link #fromJavaKeyPair}.
 *
 * <p>Beyond pyOpenSSL: static factories for elliptic-curve keys on any named curve and for the RFC 8410 keys
 * ({@code generateEc}, {@code generateEd25519}, {@code generateEd448}, {@code generateX25519}, {@code generateX448}).
 *
 * <p>Like pyOpenSSL's class, a {@code PKey} has identity equality. It is mutable only through {@link #generateKey},
 * so share one between threads only once it is generated.
 */
public final class PKey {
    private static final int RSA_MIN_BITS = 512;
    private static final int RSA_MAX_BITS = 16384;
    private static final java.math.BigInteger RSA_PUBLIC_EXPONENT = RSAKeyGenParameterSpec.F4;

    private KeyKind kind;
    private PublicKey publicKey;
    private PrivateKey privateKey;

    /** An empty key: {@code type() == 0}, {@code bits() == 0}; fill it with {@link #generateKey}. */
    public PKey() {
    }

    private PKey(KeyKind kind, PublicKey publicKey, PrivateKey privateKey) {
        this.kind = kind;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /**
     * Generates a new key pair of the given type into this object, replacing any key it held (pyOpenSSL's
     * {@code generate_key}).
     *
     * <p>{@link Crypto#TYPE_RSA}: an RSA key with public exponent 65537 and a modulus of exactly {@code bits} bits
     * (512 to 16384, as OpenSSL allows), its two prime searches run side by side (see the benchmark figures in the
     * README). {@link Crypto#TYPE_DSA}: fresh DSA parameters and a key; as OpenSSL, the
     * size of p is rounded up to a multiple of 64 bits, with a 160-bit q below 2048 bits and a 256-bit q from 2048
     * bits on. Randomness comes from {@link Rand#secureRandom()}.
     *
     * @param type {@link Crypto#TYPE_RSA} or {@link Crypto#TYPE_DSA}
     * @param bits the key size in bits
     * @throws IllegalArgumentException RSA with {@code bits <= 0} ("Invalid number of bits", pyOpenSSL's ValueError)
     * @throws CryptoException an unknown type ("No such key type"), an RSA size OpenSSL refuses
     *     ({@code ('rsa routines', '', 'key size too small')}), or a DSA size it cannot generate (no entries)
     */
    public void generateKey(int type, int bits) {
        KeyPair pair;
        if (type == Crypto.TYPE_RSA) {
            pair = generateRsa(bits);
        } else if (type == Crypto.TYPE_DSA) {
            pair = DsaKeyGenerator.generate(bits);
        } else {
            throw new CryptoException("No such key type");
        }
        this.kind = KeyKind.of(pair.getPublic());
        this.publicKey = pair.getPublic();
        this.privateKey = pair.getPrivate();
    }

    private static KeyPair generateRsa(int bits) {
        if (bits <= 0) {
            throw new IllegalArgumentException("Invalid number of bits");
        }
        if (bits < RSA_MIN_BITS) {
            throw new CryptoException("rsa routines", "key size too small");
        }
        if (bits > RSA_MAX_BITS) {
            throw new CryptoException("rsa routines", "key size too large");
        }
        return RsaKeyGenerator.generate(bits, RSA_PUBLIC_EXPONENT);
    }

    /**
     * A new elliptic-curve key pair on a named curve (beyond pyOpenSSL, whose {@code generate_key} refuses
     * {@code TYPE_EC}). The public key is encoded with the curve's OID, as OpenSSL writes named-curve keys.
     *
     * @param curveName an OpenSSL curve name ({@code prime256v1}, {@code secp384r1}, {@code brainpoolP256r1}; see
     *     {@link Crypto#getEllipticCurves()}) or a NIST name ({@code P-256}, {@code P-384}, {@code P-521})
     * @throws IllegalArgumentException "unknown curve name" for a curve Portcullis does not know
     */
    public static PKey generateEc(String curveName) {
        String bcName = Curves.bcName(curveName);
        if (bcName == null) {
            throw new IllegalArgumentException("unknown curve name: " + curveName);
        }
        return generated("EC", new ECGenParameterSpec(bcName));
    }

    /** A new elliptic-curve key pair on {@code curve}; see {@link #generateEc(String)}. */
    public static PKey generateEc(EllipticCurve curve) {
        if (curve == null) {
            throw new IllegalArgumentException("curve must not be null");
        }
        return generateEc(curve.getName());
    }

    /** A new Ed25519 signing key pair (RFC 8032, RFC 8410); {@code type()} 1087, {@code bits()} 256. */
    public static PKey generateEd25519() {
        return generated("Ed25519", null);
    }

    /** A new Ed448 signing key pair (RFC 8032, RFC 8410); {@code type()} 1088, {@code bits()} 456. */
    public static PKey generateEd448() {
        return generated("Ed448", null);
    }

    /** A new X25519 key-agreement key pair (RFC 7748); {@code type()} 1034, {@code bits()} 253. It cannot sign. */
    public static PKey generateX25519() {
        return generated("X25519", null);
    }

    /** A new X448 key-agreement key pair (RFC 7748); {@code type()} 1035, {@code bits()} 448. It cannot sign. */
    public static PKey generateX448() {
        return generated("X448", null);
    }

    private static PKey generated(String algorithm, AlgorithmParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, Bc.PROVIDER);
            if (spec != null) {
                generator.initialize(spec, Rand.secureRandom());
            } else {
                generator.initialize(generatorSize(algorithm), Rand.secureRandom());
            }
            KeyPair pair = generator.generateKeyPair();
            return new PKey(KeyKind.of(pair.getPublic()), pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new CryptoException("evp routines", "keygen failure", e);
        }
    }

    private static int generatorSize(String algorithm) {
        switch (algorithm) {
            case "Ed25519":
            case "X25519":
                return 255;
            default:
                return 448;
        }
    }

    /**
     * OpenSSL's key type number ({@code EVP_PKEY_get_id}): {@link Crypto#TYPE_RSA} 6, {@link Crypto#TYPE_DSA} 116,
     * {@link Crypto#TYPE_EC} 408, {@link Crypto#TYPE_ED25519} 1087, {@link Crypto#TYPE_ED448} 1088, X25519 1034,
     * X448 1035, {@link Crypto#TYPE_DH} 28, X9.42 DH 920, RSA-PSS 912; 0 for an empty key. Keys on the SM2 curve
     * are EC keys (408) here; pyOpenSSL 23 with OpenSSL 3.0 reports -1 for them.
     */
    public int type() {
        return kind == null ? 0 : kind.openSslId();
    }

    /**
     * The key size in bits as OpenSSL reports it: the RSA modulus, the DSA prime p, the EC group order (384 for
     * P-384), and fixed figures for Ed25519 (256), Ed448 (456), X25519 (253) and X448 (448); 0 for an empty key.
     */
    public int bits() {
        return kind == null ? 0 : KeySizes.bits(kind, publicKey);
    }

    /**
     * Checks the consistency of an RSA private key (OpenSSL's {@code RSA_check_key}): e odd and above 1, p and q
     * prime, n = pq, de ≡ 1 mod lcm(p-1, q-1), and the CRT values.
     *
     * @return {@code true} when the key is consistent
     * @throws IllegalArgumentException for a public-only key ("public key only", pyOpenSSL's TypeError) or a
     *     non-RSA or empty key ("Only RSA keys can currently be checked.")
     * @throws CryptoException listing OpenSSL's reasons, e.g. {@code ('rsa routines', '', 'p not prime')}
     */
    public boolean check() {
        if (kind != null && privateKey == null) {
            throw new IllegalArgumentException("public key only");
        }
        if (kind != KeyKind.RSA) {
            throw new IllegalArgumentException("Only RSA keys can currently be checked.");
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new CryptoException("rsa routines", "value missing");
        }
        RsaKeyCheck.check(crt);
        return true;
    }

    /** True when this key holds a private half (false for empty and public-only keys). */
    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    /**
     * The public half as a {@code java.security.PublicKey} (the public side of pyOpenSSL's
     * {@code to_cryptography_key}); an RSA key gives an {@code RSAPublicKey}, an EC key an {@code ECPublicKey}, and so on.
     *
     * @throws CryptoException for an empty key
     */
    public PublicKey toJavaPublicKey() {
        requireInitialized();
        return publicKey;
    }

    /**
     * The private half as a {@code java.security.PrivateKey}: the step where secret key material leaves Portcullis
     * (the private side of pyOpenSSL's {@code to_cryptography_key}).
     *
     * @throws CryptoException for an empty key or a public-only key
     */
    public PrivateKey toJavaPrivateKey() {
        requireInitialized();
        if (privateKey == null) {
            throw new CryptoException("public key only");
        }
        return privateKey;
    }

    /**
     * A {@code PKey} for a {@code java.security} key (pyOpenSSL's {@code from_cryptography_key}). A public key gives a
     * public-only {@code PKey}; a private key gives a full key pair, its public half computed from the private values.
     *
     * <p>Unlike pyOpenSSL, which refuses X25519 keys here ({@code TypeError("Unsupported key type")}), every key type
     * {@link #type()} lists is accepted, X25519, X448, DH and RSA-PSS included.
     *
     * @throws IllegalArgumentException for {@code null}, a secret key, or an algorithm OpenSSL has no key type for
     *     ("Unsupported key type")
     */
    public static PKey fromJavaKey(Key key) {
        if (key instanceof PublicKey pub) {
            return new PKey(KeyKind.of(pub), pub, null);
        }
        if (key instanceof PrivateKey priv) {
            KeyKind kind = KeyKind.of(priv);
            return new PKey(kind, publicOf(priv), priv);
        }
        throw new IllegalArgumentException("Unsupported key type: "
                + (key == null ? "null" : key.getClass().getName()));
    }

    /**
     * A {@code PKey} for a {@code java.security.KeyPair} (both halves kept as given).
     *
     * @throws IllegalArgumentException for a pair without a public key, or halves of different algorithms
     */
    public static PKey fromJavaKeyPair(KeyPair pair) {
        if (pair == null || pair.getPublic() == null) {
            throw new IllegalArgumentException("key pair must have a public key");
        }
        if (pair.getPrivate() == null) {
            return fromJavaKey(pair.getPublic());
        }
        KeyKind kind = KeyKind.of(pair.getPublic());
        if (KeyKind.of(pair.getPrivate()) != kind) {
            throw new IllegalArgumentException("public and private key are of different types");
        }
        return new PKey(kind, pair.getPublic(), pair.getPrivate());
    }

    private static PublicKey publicOf(PrivateKey key) {
        try {
            return KeyPairs.publicKeyOf(key);
        } catch (CryptoException e) {
            throw new IllegalArgumentException("cannot derive the public key of this " + key.getAlgorithm()
                    + " private key", e);
        }
    }

    private void requireInitialized() {
        if (kind == null) {
            throw new CryptoException(List.of(new CryptoException.Entry("evp routines", "", "key is not initialized")));
        }
    }

    /** A short description with the type and size, never key material. */
    @Override
    public String toString() {
        if (kind == null) {
            return "<PKey empty>";
        }
        return "<PKey " + kind.jcaName() + " " + bits() + " bits" + (privateKey == null ? " public>" : ">");
    }
}
