package dev.portcullis.crypto.internal.verify;

import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Facts OpenSSL derives from signature algorithm identifiers: which public-key type signs with them
 * ({@code OBJ_find_sigid_algs}, used by {@code check_sig_alg_match}) and how many bits of security their
 * digest gives ({@code X509_get_signature_info}, used by the security-level checks).
 */
final class SignatureAlgorithms {
    static final String RSA = "1.2.840.113549.1.1.1";
    static final String RSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC = "1.2.840.10045.2.1";
    static final String DSA = "1.2.840.10040.4.1";
    static final String ED25519 = "1.3.101.112";
    static final String ED448 = "1.3.101.113";

    /** signature OID → key OID and digest security bits. */
    private record Sig(String keyType, int securityBits) {
    }

    private static final Map<String, Sig> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.4", new Sig(RSA, 39)),     // md5WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.5", new Sig(RSA, 63)),     // sha1WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.14", new Sig(RSA, 112)),   // sha224WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.11", new Sig(RSA, 128)),   // sha256WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.12", new Sig(RSA, 192)),   // sha384WithRSAEncryption
            Map.entry("1.2.840.113549.1.1.13", new Sig(RSA, 256)),   // sha512WithRSAEncryption
            Map.entry(RSA_PSS, new Sig(RSA_PSS, 128)),
            Map.entry("1.2.840.10045.4.1", new Sig(EC, 63)),         // ecdsa-with-SHA1
            Map.entry("1.2.840.10045.4.3.1", new Sig(EC, 112)),
            Map.entry("1.2.840.10045.4.3.2", new Sig(EC, 128)),
            Map.entry("1.2.840.10045.4.3.3", new Sig(EC, 192)),
            Map.entry("1.2.840.10045.4.3.4", new Sig(EC, 256)),
            Map.entry("1.2.840.10040.4.3", new Sig(DSA, 63)),        // dsa-with-SHA1
            Map.entry("2.16.840.1.101.3.4.3.1", new Sig(DSA, 112)),
            Map.entry("2.16.840.1.101.3.4.3.2", new Sig(DSA, 128)),
            Map.entry(ED25519, new Sig(ED25519, 128)),
            Map.entry(ED448, new Sig(ED448, 224)));

    private SignatureAlgorithms() {
    }

    /** The key-type OID that signs with {@code sigAlg}, or {@code null} when OpenSSL does not know the algorithm. */
    static String keyTypeOf(AlgorithmIdentifier sigAlg) {
        Sig s = SIGNATURES.get(sigAlg.getAlgorithm().getId());
        return s == null ? null : s.keyType;
    }

    /** {@code check_sig_alg_match}: 0 when a key of {@code keyType} can have made a {@code sigAlg} signature. */
    static int matchKey(String keyType, AlgorithmIdentifier sigAlg) {
        if (keyType == null) {
            return VerifyError.NO_ISSUER_PUBLIC_KEY.code();
        }
        String signer = keyTypeOf(sigAlg);
        if (signer == null) {
            return VerifyError.UNSUPPORTED_SIGNATURE_ALGORITHM.code();
        }
        if (signer.equals(keyType) || (RSA.equals(keyType) && RSA_PSS.equals(signer))) {
            return 0;
        }
        return VerifyError.SIGNATURE_ALGORITHM_MISMATCH.code();
    }

    /** Security bits of the signature's digest, or -1 when unknown. */
    static int signatureSecurityBits(AlgorithmIdentifier sigAlg) {
        Sig s = SIGNATURES.get(sigAlg.getAlgorithm().getId());
        return s == null ? -1 : s.securityBits;
    }

    /** {@code EVP_PKEY_get_security_bits} for a subject public key, or -1 when it cannot be told. */
    static int keySecurityBits(SubjectPublicKeyInfo spki) {
        String type = spki.getAlgorithm().getAlgorithm().getId();
        try {
            switch (type) {
                case RSA, RSA_PSS -> {
                    ASN1Sequence seq = ASN1Sequence.getInstance(spki.parsePublicKey());
                    return finiteFieldBits(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue().bitLength());
                }
                case DSA -> {
                    ASN1Sequence params = ASN1Sequence.getInstance(spki.getAlgorithm().getParameters());
                    return finiteFieldBits(ASN1Integer.getInstance(params.getObjectAt(0)).getValue().bitLength());
                }
                case EC -> {
                    byte[] point = spki.getPublicKeyData().getBytes();
                    int fieldBytes = point[0] == 4 ? (point.length - 1) / 2 : point.length - 1;
                    return fieldBytes * 8 / 2;
                }
                case ED25519 -> {
                    return 128;
                }
                case ED448 -> {
                    return 224;
                }
                default -> {
                    return -1;
                }
            }
        } catch (Exception e) {
            return -1;
        }
    }

    /** NIST SP 800-57 strength of an RSA/DSA modulus, as OpenSSL's {@code ossl_ifc_ffc_compute_security_bits}. */
    private static int finiteFieldBits(int n) {
        if (n >= 15360) {
            return 256;
        }
        if (n >= 7680) {
            return 192;
        }
        if (n >= 3072) {
            return 128;
        }
        if (n >= 2048) {
            return 112;
        }
        if (n >= 1024) {
            return 80;
        }
        return 0;
    }

    static boolean isKnownKeyType(ASN1ObjectIdentifier oid) {
        String id = oid.getId();
        return id.equals(RSA) || id.equals(RSA_PSS) || id.equals(EC) || id.equals(DSA) || id.equals(ED25519) || id.equals(ED448);
    }
}
