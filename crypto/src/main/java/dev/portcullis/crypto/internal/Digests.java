package dev.portcullis.crypto.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.Blake2sDigest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.digests.WhirlpoolDigest;

import dev.portcullis.crypto.internal.digest.DigestAlgorithm;
import dev.portcullis.crypto.internal.digest.JdkDigest;
import dev.portcullis.crypto.internal.digest.Md5Sha1;
import dev.portcullis.crypto.internal.digest.TruncatedXof;

/**
 * OpenSSL's digest names ({@code EVP_get_digestbyname}), case-insensitively: every name and alias OpenSSL 3.0
 * lists under {@code openssl list -digest-algorithms} ({@code sha256}, {@code SHA2-256}, {@code SHA-256},
 * {@code RSA-SHA256}, {@code sha256WithRSAEncryption}, {@code ssl3-sha1}, {@code rmd160}, …) and the dotted digest
 * OIDs ({@code 2.16.840.1.101.3.4.2.1}), as pyOpenSSL 23 with OpenSSL 3.0 accepted them.
 */
public final class Digests {
    /** pyOpenSSL's message for a name OpenSSL does not know (a {@code ValueError}). */
    public static final String NO_SUCH_DIGEST = "No such digest method";

    private static final Map<String, DigestAlgorithm> BY_NAME = new HashMap<>();

    public static final DigestAlgorithm MD4 = define("md4", "1.2.840.113549.2.4", 16, MD4Digest::new,
            "rsa-md4", "md4WithRSAEncryption");
    public static final DigestAlgorithm MD5 = define("md5", "1.2.840.113549.2.5", 16, jdk("MD5"),
            "ssl3-md5", "rsa-md5", "md5WithRSAEncryption");
    public static final DigestAlgorithm MD5_SHA1 = define("md5-sha1", null, 36, Md5Sha1::new);
    public static final DigestAlgorithm SHA1 = define("sha1", "1.3.14.3.2.26", 20, jdk("SHA-1"),
            "sha-1", "ssl3-sha1", "rsa-sha1", "rsa-sha1-2", "sha1WithRSAEncryption");
    public static final DigestAlgorithm SHA224 = define("sha224", "2.16.840.1.101.3.4.2.4", 28, jdk("SHA-224"),
            "sha-224", "sha2-224", "rsa-sha224", "sha224WithRSAEncryption");
    public static final DigestAlgorithm SHA256 = define("sha256", "2.16.840.1.101.3.4.2.1", 32, jdk("SHA-256"),
            "sha-256", "sha2-256", "rsa-sha256", "sha256WithRSAEncryption");
    public static final DigestAlgorithm SHA384 = define("sha384", "2.16.840.1.101.3.4.2.2", 48, jdk("SHA-384"),
            "sha-384", "sha2-384", "rsa-sha384", "sha384WithRSAEncryption");
    public static final DigestAlgorithm SHA512 = define("sha512", "2.16.840.1.101.3.4.2.3", 64, jdk("SHA-512"),
            "sha-512", "sha2-512", "rsa-sha512", "sha512WithRSAEncryption");
    public static final DigestAlgorithm SHA512_224 = define("sha512-224", "2.16.840.1.101.3.4.2.5", 28,
            jdk("SHA-512/224"), "sha-512/224", "sha2-512/224", "rsa-sha512/224", "sha512-224WithRSAEncryption");
    public static final DigestAlgorithm SHA512_256 = define("sha512-256", "2.16.840.1.101.3.4.2.6", 32,
            jdk("SHA-512/256"), "sha-512/256", "sha2-512/256", "rsa-sha512/256", "sha512-256WithRSAEncryption");
    public static final DigestAlgorithm SHA3_224 = define("sha3-224", "2.16.840.1.101.3.4.2.7", 28, jdk("SHA3-224"),
            "rsa-sha3-224", "id-rsassa-pkcs1-v1_5-with-sha3-224");
    public static final DigestAlgorithm SHA3_256 = define("sha3-256", "2.16.840.1.101.3.4.2.8", 32, jdk("SHA3-256"),
            "rsa-sha3-256", "id-rsassa-pkcs1-v1_5-with-sha3-256");
    public static final DigestAlgorithm SHA3_384 = define("sha3-384", "2.16.840.1.101.3.4.2.9", 48, jdk("SHA3-384"),
            "rsa-sha3-384", "id-rsassa-pkcs1-v1_5-with-sha3-384");
    public static final DigestAlgorithm SHA3_512 = define("sha3-512", "2.16.840.1.101.3.4.2.10", 64,
            jdk("SHA3-512"), "rsa-sha3-512", "id-rsassa-pkcs1-v1_5-with-sha3-512");
    public static final DigestAlgorithm SHAKE128 = define("shake128", "2.16.840.1.101.3.4.2.11", 16,
            () -> new TruncatedXof(128, 16), "shake-128");
    public static final DigestAlgorithm SHAKE256 = define("shake256", "2.16.840.1.101.3.4.2.12", 32,
            () -> new TruncatedXof(256, 32), "shake-256");
    public static final DigestAlgorithm SM3 = define("sm3", "1.2.156.10197.1.401", 32, SM3Digest::new,
            "rsa-sm3", "sm3WithRSAEncryption");
    public static final DigestAlgorithm RIPEMD160 = define("ripemd160", "1.3.36.3.2.1", 20, RIPEMD160Digest::new,
            "ripemd", "rmd160", "ripemd-160", "rsa-ripemd160", "ripemd160WithRSA");
    public static final DigestAlgorithm BLAKE2B512 = define("blake2b512", "1.3.6.1.4.1.1722.12.2.1.16", 64,
            () -> new Blake2bDigest(512), "blake2b-512");
    public static final DigestAlgorithm BLAKE2S256 = define("blake2s256", "1.3.6.1.4.1.1722.12.2.2.8", 32,
            () -> new Blake2sDigest(256), "blake2s-256");
    public static final DigestAlgorithm WHIRLPOOL = define("whirlpool", "1.0.10118.3.0.55", 64,
            WhirlpoolDigest::new);

    private Digests() {
    }

    /**
     * The digest OpenSSL would find for {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException "No such digest method" (pyOpenSSL's ValueError) for an unknown name or null
     */
    public static DigestAlgorithm byName(String name) {
        DigestAlgorithm digest = name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (digest == null) {
            throw new IllegalArgumentException(NO_SUCH_DIGEST);
        }
        return digest;
    }

    /** Every digest, once each. */
    public static List<DigestAlgorithm> all() {
        return List.of(MD4, MD5, MD5_SHA1, SHA1, SHA224, SHA256, SHA384, SHA512, SHA512_224, SHA512_256,
                SHA3_224, SHA3_256, SHA3_384, SHA3_512, SHAKE128, SHAKE256, SM3, RIPEMD160, BLAKE2B512, BLAKE2S256,
                WHIRLPOOL);
    }

    /** The digest with this OID, or {@code null}. */
    public static DigestAlgorithm byOid(ASN1ObjectIdentifier oid) {
        return oid == null ? null : BY_NAME.get(oid.getId());
    }

    private static Supplier<Digest> jdk(String jdkName) {
        return () -> new JdkDigest(jdkName, jdkName);
    }

    private static DigestAlgorithm define(String name, String oid, int size, Supplier<Digest> engine,
            String... aliases) {
        DigestAlgorithm digest = new DigestAlgorithm(name, oid == null ? null : new ASN1ObjectIdentifier(oid),
                size, engine);
        BY_NAME.put(name, digest);
        if (oid != null) {
            BY_NAME.put(oid, digest);
        }
        for (String alias : aliases) {
            BY_NAME.put(alias.toLowerCase(Locale.ROOT), digest);
        }
        return digest;
    }
}
