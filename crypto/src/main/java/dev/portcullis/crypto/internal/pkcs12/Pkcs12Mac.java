package dev.portcullis.crypto.internal.pkcs12;

import java.math.BigInteger;
import java.security.MessageDigest;

import javax.crypto.Mac;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;
import dev.portcullis.rand.Rand;

/**
 * The integrity MAC of a PKCS#12 file (RFC 7292 §4 {@code MacData}): an HMAC over the authenticated safe, keyed
 * by the PKCS#12 key derivation (ID 3) from the password with the MAC's own digest, salt and iteration count.
 * Reading also accepts PBMAC1 (RFC 9579: a PBKDF2-derived HMAC key, what OpenSSL 3.4 writes in FIPS mode).
 */
public final class Pkcs12Mac {
    private static final ASN1ObjectIdentifier PBMAC1 = new ASN1ObjectIdentifier("1.2.840.113549.1.5.14");
    private static final int SALT_LENGTH = 8;

    private Pkcs12Mac() {
    }

    /** The MacData element for {@code content} under {@code password}. */
    public static byte[] create(DigestAlgorithm digest, byte[] content, Pkcs12Password password, int iterations) {
        byte[] salt = new byte[SALT_LENGTH];
        Rand.secureRandom().nextBytes(salt);
        byte[] key = Pkcs12Kdf.macKey(digest, password.bmp(), salt, iterations);
        byte[] value = hmac(digest, key, content);
        byte[] digestInfo = Der.tlv(Der.SEQUENCE,
                Der.tlv(Der.SEQUENCE, Der.oid(digest.oid()), Der.tlv(Der.NULL)), Der.tlv(Der.OCTET_STRING, value));
        byte[] iterationField = iterations == 1 ? new byte[0] : Der.integer(BigInteger.valueOf(iterations));
        return Der.tlv(Der.SEQUENCE, digestInfo, Der.tlv(Der.OCTET_STRING, salt), iterationField);
    }

    /**
     * Whether {@code mac} matches {@code content} under {@code password}.
     *
     * @throws CryptoException for a MAC digest we do not know ({@code unknown digest algorithm}) or the
     *     {@link WorkBudget} limits
     */
    public static boolean verify(MacData mac, byte[] content, Pkcs12Password password, WorkBudget budget) {
        AlgorithmIdentifier algorithm = mac.getMac().getAlgorithmId();
        byte[] expected = mac.getMac().getDigest();
        byte[] actual;
        if (algorithm.getAlgorithm().equals(PBMAC1)) {
            actual = pbmac1(algorithm, content, password, budget);
        } else {
            DigestAlgorithm digest = Digests.byOid(algorithm.getAlgorithm());
            if (digest == null || digest.name().startsWith("shake")) {
                throw new CryptoException("PKCS12 routines", "unknown digest algorithm");
            }
            int iterations = budget.chargeIterations(mac.getIterationCount());
            byte[] key = Pkcs12Kdf.macKey(digest, password.bmp(), mac.getSalt(), iterations);
            actual = hmac(digest, key, content);
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** HMAC on the JDK's intrinsics where it has the digest, else over our own engine (BLAKE2, SM3, …). */
    private static byte[] hmac(DigestAlgorithm digest, byte[] key, byte[] content) {
        try {
            return Pbkdf2.hmac(digest, key).doFinal(content);
        } catch (CryptoException notInTheJdk) {
            org.bouncycastle.crypto.macs.HMac mac = new org.bouncycastle.crypto.macs.HMac(digest.newDigest());
            mac.init(new org.bouncycastle.crypto.params.KeyParameter(key));
            mac.update(content, 0, content.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return out;
        }
    }

    private static byte[] pbmac1(AlgorithmIdentifier algorithm, byte[] content, Pkcs12Password password,
            WorkBudget budget) {
        ASN1Sequence params = ASN1Sequence.getInstance(algorithm.getParameters());
        AlgorithmIdentifier kdf = AlgorithmIdentifier.getInstance(params.getObjectAt(0));
        AlgorithmIdentifier scheme = AlgorithmIdentifier.getInstance(params.getObjectAt(1));
        if (!kdf.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
            throw new CryptoException("PKCS12 routines", "unsupported mac key derivation");
        }
        PBKDF2Params p = PBKDF2Params.getInstance(kdf.getParameters());
        DigestAlgorithm prf = hmacDigest(p.getPrf() == null ? PKCSObjectIdentifiers.id_hmacWithSHA1
                : p.getPrf().getAlgorithm());
        DigestAlgorithm macDigest = hmacDigest(scheme.getAlgorithm());
        if (p.getKeyLength() == null || p.getKeyLength().signum() <= 0 || p.getKeyLength().intValue() > 64
                || p.getKeyLength().bitLength() > 31) {
            throw new CryptoException("PKCS12 routines", "invalid key length");
        }
        int iterations = budget.chargeIterations(p.getIterationCount());
        byte[] key = Pbkdf2.derive(password.raw(), p.getSalt(), iterations, p.getKeyLength().intValue(), prf);
        Mac mac = Pbkdf2.hmac(macDigest, key);
        return mac.doFinal(content);
    }

    private static DigestAlgorithm hmacDigest(ASN1ObjectIdentifier hmac) {
        switch (hmac.getId()) {
            case "1.2.840.113549.2.7": return Digests.SHA1;
            case "1.2.840.113549.2.8": return Digests.SHA224;
            case "1.2.840.113549.2.9": return Digests.SHA256;
            case "1.2.840.113549.2.10": return Digests.SHA384;
            case "1.2.840.113549.2.11": return Digests.SHA512;
            default: throw new CryptoException("PKCS12 routines", "unsupported mac algorithm");
        }
    }
}
