package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.DSAPrivateKeySpec;
import java.security.spec.DSAPublicKeySpec;
import java.util.List;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Bc;
import dev.portcullis.rand.Rand;

/**
 * DSA key generation as pyOpenSSL's {@code generate_key(TYPE_DSA, bits)} does it: fresh domain parameters
 * (OpenSSL's legacy {@code DSA_generate_parameters_ex}), then a key pair.
 *
 * <p>OpenSSL rounds the size of p up to a multiple of 64 bits (600 → 640), chooses a 160-bit q below 2048 bits and
 * a 256-bit q from 2048 bits on, refuses sizes below 512 with an empty error, and above 10000 bits. The parameters
 * here have the same shape: q is a random N-bit prime, p = k·2q + 1 an L-bit prime, and g = h^((p-1)/q) mod p ≠ 1.
 */
public final class DsaKeyGenerator {
    private static final int MIN_BITS = 512;
    private static final int MAX_BITS = 10000;
    private static final int CERTAINTY = 100;

    private DsaKeyGenerator() {
    }

    /** A new DSA key pair with fresh parameters of (about) {@code bits} bits. */
    public static KeyPair generate(int bits) {
        if (bits < 0) {
            throw new CryptoException("bignum routines", "invalid shift");
        }
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new CryptoException(List.of());
        }
        int l = (bits + 63) / 64 * 64;
        int n = l >= 2048 ? 256 : 160;
        SecureRandom random = Rand.secureRandom();
        BigInteger q = BigInteger.probablePrime(n, random);
        BigInteger p = primeModulus(l, q, random);
        BigInteger g = generator(p, q, random);
        BigInteger x = privateValue(q, random);
        BigInteger y = g.modPow(x, p);
        try {
            KeyFactory factory = KeyFactory.getInstance("DSA", Bc.PROVIDER);
            return new KeyPair(factory.generatePublic(new DSAPublicKeySpec(y, p, q, g)),
                    factory.generatePrivate(new DSAPrivateKeySpec(x, p, q, g)));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("dsa routines", "internal error", e);
        }
    }

    /** An L-bit prime p with q | p - 1: random L-bit X, moved down to the nearest value ≡ 1 mod 2q. */
    private static BigInteger primeModulus(int l, BigInteger q, SecureRandom random) {
        BigInteger twoQ = q.shiftLeft(1);
        BigInteger top = BigInteger.ONE.shiftLeft(l - 1);
        while (true) {
            BigInteger x = new BigInteger(l, random).setBit(l - 1);
            BigInteger p = x.subtract(x.mod(twoQ)).add(BigInteger.ONE);
            if (p.compareTo(top) >= 0 && SmallPrimes.mayBePrime(p) && p.isProbablePrime(CERTAINTY)) {
                return p;
            }
        }
    }

    private static BigInteger generator(BigInteger p, BigInteger q, SecureRandom random) {
        BigInteger e = p.subtract(BigInteger.ONE).divide(q);
        BigInteger h = BigInteger.TWO;
        while (true) {
            BigInteger g = h.modPow(e, p);
            if (!g.equals(BigInteger.ONE)) {
                return g;
            }
            h = h.add(BigInteger.ONE);
        }
    }

    private static BigInteger privateValue(BigInteger q, SecureRandom random) {
        while (true) {
            BigInteger x = new BigInteger(q.bitLength(), random);
            if (x.signum() > 0 && x.compareTo(q) < 0) {
                return x;
            }
        }
    }
}
