package dev.portcullis.crypto.internal.pkcs12;

import org.bouncycastle.crypto.Digest;
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

    private static PKCS12ParametersGenerator generator(DigestAlgorithm digest, byte[] bmpPassword, byte[] salt,
            int iterations) {
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(withBlockSize(digest));
        generator.init(bmpPassword, salt, iterations);
        return generator;
    }

    /** Bouncy Castle's generator needs the digest's block size, which our JDK-backed engines do not report. */
    static ExtendedDigest withBlockSize(DigestAlgorithm algorithm) {
        Digest digest = algorithm.newDigest();
        if (digest instanceof ExtendedDigest extended) {
            return extended;
        }
        int blockSize = algorithm.name().startsWith("sha384") || algorithm.name().startsWith("sha512") ? 128 : 64;
        return new ExtendedDigest() {
            @Override
            public int getByteLength() {
                return blockSize;
            }

            @Override
            public String getAlgorithmName() {
                return digest.getAlgorithmName();
            }

            @Override
            public int getDigestSize() {
                return digest.getDigestSize();
            }

            @Override
            public void update(byte in) {
                digest.update(in);
            }

            @Override
            public void update(byte[] in, int inOff, int len) {
                digest.update(in, inOff, len);
            }

            @Override
            public int doFinal(byte[] out, int outOff) {
                return digest.doFinal(out, outOff);
            }

            @Override
            public void reset() {
                digest.reset();
            }
        };
    }
}
