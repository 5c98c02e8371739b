package dev.portcullis.crypto.internal.digest;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.keys.KeyKind;

/**
 * Which (key type, digest) pairs have a signature algorithm, and its X.509 AlgorithmIdentifier, as OpenSSL 3.0
 * writes it: RSA PKCS#1 v1.5 with NULL parameters (RFC 8017, RFC 4055), ECDSA (RFC 5758) and DSA (RFC 5758,
 * NIST CSOR for SHA-3) without parameters, Ed25519/Ed448 (RFC 8410) without parameters and without a digest.
 */
public final class SignatureAlgorithms {
    private static final Map<KeyKind, Map<DigestAlgorithm, ASN1ObjectIdentifier>> OIDS = new HashMap<>();
    private static final Map<ASN1ObjectIdentifier, Pair> BY_OID = new HashMap<>();

    /** The digests OpenSSL's RSA PKCS#1 v1.5 signer accepts; others give "digest not allowed". */
    private static final Set<DigestAlgorithm> RSA_DIGESTS = Set.of(Digests.MD4, Digests.MD5, Digests.MD5_SHA1,
            Digests.SHA1, Digests.SHA224, Digests.SHA256, Digests.SHA384, Digests.SHA512, Digests.SHA512_224,
            Digests.SHA512_256, Digests.SHA3_224, Digests.SHA3_256, Digests.SHA3_384, Digests.SHA3_512,
            Digests.RIPEMD160);

    /** A key type and a digest ({@code null} digest for Ed25519/Ed448). */
    public record Pair(KeyKind kind, DigestAlgorithm digest) {
    }

    static {
        rsa(Digests.MD4, "1.2.840.113549.1.1.3");
        rsa(Digests.MD5, "1.2.840.113549.1.1.4");
        rsa(Digests.SHA1, "1.2.840.113549.1.1.5");
        rsa(Digests.SHA256, "1.2.840.113549.1.1.11");
        rsa(Digests.SHA384, "1.2.840.113549.1.1.12");
        rsa(Digests.SHA512, "1.2.840.113549.1.1.13");
        rsa(Digests.SHA224, "1.2.840.113549.1.1.14");
        rsa(Digests.SHA512_224, "1.2.840.113549.1.1.15");
        rsa(Digests.SHA512_256, "1.2.840.113549.1.1.16");
        rsa(Digests.SHA3_224, "2.16.840.1.101.3.4.3.13");
        rsa(Digests.SHA3_256, "2.16.840.1.101.3.4.3.14");
        rsa(Digests.SHA3_384, "2.16.840.1.101.3.4.3.15");
        rsa(Digests.SHA3_512, "2.16.840.1.101.3.4.3.16");
        rsa(Digests.RIPEMD160, "1.3.36.3.3.1.2");
        put(KeyKind.EC, Digests.SHA1, "1.2.840.10045.4.1");
        put(KeyKind.EC, Digests.SHA224, "1.2.840.10045.4.3.1");
        put(KeyKind.EC, Digests.SHA256, "1.2.840.10045.4.3.2");
        put(KeyKind.EC, Digests.SHA384, "1.2.840.10045.4.3.3");
        put(KeyKind.EC, Digests.SHA512, "1.2.840.10045.4.3.4");
        put(KeyKind.EC, Digests.SHA3_224, "2.16.840.1.101.3.4.3.9");
        put(KeyKind.EC, Digests.SHA3_256, "2.16.840.1.101.3.4.3.10");
        put(KeyKind.EC, Digests.SHA3_384, "2.16.840.1.101.3.4.3.11");
        put(KeyKind.EC, Digests.SHA3_512, "2.16.840.1.101.3.4.3.12");
        put(KeyKind.DSA, Digests.SHA1, "1.2.840.10040.4.3");
        put(KeyKind.DSA, Digests.SHA224, "2.16.840.1.101.3.4.3.1");
        put(KeyKind.DSA, Digests.SHA256, "2.16.840.1.101.3.4.3.2");
        put(KeyKind.DSA, Digests.SHA384, "2.16.840.1.101.3.4.3.3");
        put(KeyKind.DSA, Digests.SHA512, "2.16.840.1.101.3.4.3.4");
        put(KeyKind.DSA, Digests.SHA3_224, "2.16.840.1.101.3.4.3.5");
        put(KeyKind.DSA, Digests.SHA3_256, "2.16.840.1.101.3.4.3.6");
        put(KeyKind.DSA, Digests.SHA3_384, "2.16.840.1.101.3.4.3.7");
        put(KeyKind.DSA, Digests.SHA3_512, "2.16.840.1.101.3.4.3.8");
        BY_OID.put(KeyKind.ED25519.oid(), new Pair(KeyKind.ED25519, null));
        BY_OID.put(KeyKind.ED448.oid(), new Pair(KeyKind.ED448, null));
    }

    private SignatureAlgorithms() {
    }

    /** True when OpenSSL's RSA PKCS#1 v1.5 signer accepts this digest. */
    public static boolean rsaAccepts(DigestAlgorithm digest) {
        return RSA_DIGESTS.contains(digest);
    }

    /**
     * The signature AlgorithmIdentifier for a key type and digest (the digest is ignored for Ed25519/Ed448),
     * or {@code null} when OpenSSL has no signature algorithm for the pair (ECDSA with MD5, RSA with md5-sha1…).
     */
    public static AlgorithmIdentifier identifier(KeyKind kind, DigestAlgorithm digest) {
        if (kind.isEdwards()) {
            return new AlgorithmIdentifier(kind.oid());
        }
        ASN1ObjectIdentifier oid = OIDS.getOrDefault(kind, Map.of()).get(digest);
        if (oid == null) {
            return null;
        }
        return kind == KeyKind.RSA ? new AlgorithmIdentifier(oid, DERNull.INSTANCE) : new AlgorithmIdentifier(oid);
    }

    /** The key type and digest of a signature algorithm OID, or {@code null} when it is not one listed here. */
    public static Pair byOid(ASN1ObjectIdentifier oid) {
        return BY_OID.get(oid);
    }

    private static void rsa(DigestAlgorithm digest, String oid) {
        put(KeyKind.RSA, digest, oid);
    }

    private static void put(KeyKind kind, DigestAlgorithm digest, String oid) {
        ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
        OIDS.computeIfAbsent(kind, k -> new HashMap<>()).put(digest, id);
        BY_OID.put(id, new Pair(kind, digest));
    }
}
