package dev.portcullis.crypto.internal.digest;

import java.security.Key;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.rand.Rand;

/**
 * RSASSA-PSS (RFC 8017 §8.1, RFC 4055) signing settings for RSA-PSS keys, as OpenSSL 3.0 chooses them: a key
 * without parameter restrictions signs with the requested digest, MGF1 with the same digest and the largest salt
 * the modulus allows; a restricted key signs only with its own digest, its own MGF1 digest and its minimum salt
 * length. The X.509 AlgorithmIdentifier carries those values, digest identifiers with NULL parameters.
 *
 * @param digest the message digest
 * @param mgfDigest the MGF1 digest
 * @param saltLength the salt length in bytes
 */
public record RsaPss(DigestAlgorithm digest, DigestAlgorithm mgfDigest, int saltLength) {
    /** The digests OpenSSL allows with PSS. */
    private static final Set<DigestAlgorithm> ALLOWED = Set.of(Digests.SHA1, Digests.SHA224, Digests.SHA256,
            Digests.SHA384, Digests.SHA512, Digests.SHA512_224, Digests.SHA512_256, Digests.SHA3_224,
            Digests.SHA3_256, Digests.SHA3_384, Digests.SHA3_512);

    /**
     * The settings for signing or verifying with an RSA-PSS key and the requested digest.
     *
     * @throws CryptoException {@code ('Provider routines', '', 'digest not allowed')} for a digest PSS does not
     *     take or one the key's restrictions forbid
     */
    public static RsaPss forKey(Key key, DigestAlgorithm requested) {
        ASN1Encodable restrictions = keyParameters(key);
        if (restrictions == null) {
            requireAllowed(requested);
            int emLength = (((RSAKey) key).getModulus().bitLength() - 1 + 7) / 8;
            return new RsaPss(requested, requested, emLength - requested.size() - 2);
        }
        RSASSAPSSparams params = RSASSAPSSparams.getInstance(restrictions);
        DigestAlgorithm keyDigest = Digests.byOid(params.getHashAlgorithm().getAlgorithm());
        AlgorithmIdentifier mgf = AlgorithmIdentifier.getInstance(params.getMaskGenAlgorithm().getParameters());
        DigestAlgorithm mgfDigest = Digests.byOid(mgf.getAlgorithm());
        if (keyDigest != requested || mgfDigest == null) {
            throw notAllowed();
        }
        requireAllowed(requested);
        requireAllowed(mgfDigest);
        return new RsaPss(requested, mgfDigest, params.getSaltLength().intValueExact());
    }

    /** Signs a message hash (computed with {@link #digest()}). */
    public byte[] sign(RSAPrivateCrtKey key, byte[] hash) {
        PSSSigner signer = signer();
        signer.init(true, new ParametersWithRandom(new RSAPrivateCrtKeyParameters(key.getModulus(),
                key.getPublicExponent(), key.getPrivateExponent(), key.getPrimeP(), key.getPrimeQ(),
                key.getPrimeExponentP(), key.getPrimeExponentQ(), key.getCrtCoefficient()), Rand.secureRandom()));
        signer.update(hash, 0, hash.length);
        try {
            return signer.generateSignature();
        } catch (org.bouncycastle.crypto.CryptoException | RuntimeException e) {
            throw new CryptoException("rsa routines", "sign failure", e);
        }
    }

    /** True when {@code signature} is a valid signature of the message hash. */
    public boolean verify(RSAPublicKey key, byte[] hash, byte[] signature) {
        PSSSigner signer = signer();
        signer.init(false, new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent()));
        signer.update(hash, 0, hash.length);
        return signer.verifySignature(signature);
    }

    private PSSSigner signer() {
        return PSSSigner.createRawSigner(new RSABlindedEngine(), digest.newDigest(), mgfDigest.newDigest(),
                saltLength, PSSSigner.TRAILER_IMPLICIT);
    }

    /** The X.509 signature AlgorithmIdentifier: {@code id-RSASSA-PSS} with these parameters. */
    public AlgorithmIdentifier identifier() {
        AlgorithmIdentifier hash = new AlgorithmIdentifier(digest.oid(), DERNull.INSTANCE);
        AlgorithmIdentifier mgf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1,
                new AlgorithmIdentifier(mgfDigest.oid(), DERNull.INSTANCE));
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS,
                new RSASSAPSSparams(hash, mgf, new org.bouncycastle.asn1.ASN1Integer(saltLength),
                        RSASSAPSSparams.DEFAULT_TRAILER_FIELD));
    }

    private static ASN1Encodable keyParameters(Key key) {
        byte[] encoded = key.getEncoded();
        AlgorithmIdentifier algorithm = key instanceof java.security.PublicKey
                ? SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm()
                : PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm();
        ASN1Encodable params = algorithm.getParameters();
        return params == null || params instanceof DERNull ? null : params;
    }

    private static void requireAllowed(DigestAlgorithm digest) {
        if (!ALLOWED.contains(digest)) {
            throw notAllowed();
        }
    }

    private static CryptoException notAllowed() {
        return new CryptoException(List.of(new CryptoException.Entry("Provider routines", "", "digest not allowed")));
    }
}
