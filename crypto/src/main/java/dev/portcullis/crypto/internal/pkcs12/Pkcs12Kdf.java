package dev.portcullis.crypto.internal.pkcs12;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import dev.portcullis.crypto.internal.digest.DigestAlgorithm;

/**
 * The PKCS#12 key derivation (RFC 7292 appendix B.2) over any of our digests: ID 1 makes cipher keys, ID 2 IVs,
 * ID 3 MAC keys. The password goes in as the BMP bytes {@link Pkcs12Password#bmp()} gives.
 */
final class Pkcs12Kdf {
    private Pkcs12Kdf() {
    }

    /** A cipher key of {@code keyBits} bits and, when {@code ivBits > 0}, an IV. */
    static ParametersWithIV keyAndIv(DigestAlgorithm digest, byte[] bmpPassword, byte[] salt, int iterations,
            int keyBits, int ivBits) {
        PKCS12ParametersGenerator generator = generator(digest, bmpPassword, salt, iterations);
        if (ivBits == 0) {
            return new ParametersWithIV(generator.generateDerivedParameters(keyBits), new byte[0]);
        }
        return (ParametersWithIV) generator.generateDerivedParameters(keyBits, ivBits);
    }

    /** A MAC key as long as the digest's output. */
    static byte[] macKey(DigestAlgorithm digest, byte[] bmpPassword, byte[] salt, int iterations) {
        PKCS12ParametersGenerator generator = generator(digest, bmpPassword, salt, iterations);
        return ((KeyParameter) generator.generateDerivedMacParameters(digest.size() * 8)).getKey();
    }

    /** Every digest engine {@link DigestAlgorithm} makes reports its block size, which the derivation needs. */
    private static PKCS12ParametersGenerator generator(DigestAlgorithm digest, byte[] bmpPassword, byte[] salt,
            int iterations) {
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator((ExtendedDigest) digest.newDigest());
        generator.init(bmpPassword, salt, iterations);
        return generator;
    }
}
