package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.rand.Rand;

/**
 * RSA key generation with the two prime searches running at the same time (one on the caller's thread, one on the
 * common fork-join pool), which is where all the time goes: with two free cores a key takes about half as long as
 * with the JDK's sequential {@code KeyPairGenerator}, with one core about as long.
 *
 * <p>The key is what OpenSSL's generator makes: p and q of half the size each with their two top bits set (so n has
 * exactly the requested size), e = 65537 coprime to p-1 and q-1, |p - q| not small (FIPS 186-4 B.3.3: at least
 * 2^(bits/2 - 100)), d = e^-1 mod lcm(p-1, q-1), and the CRT values. The keys are the JDK's own RSA key classes.
 */
public final class RsaKeyGenerator {
    private RsaKeyGenerator() {
    }

    /** A new RSA key pair with a modulus of exactly {@code bits} bits (at least 512) and public exponent {@code e}. */
    public static KeyPair generate(int bits, BigInteger e) {
        int pBits = (bits + 1) / 2;
        int qBits = bits - pBits;
        SecureRandom random = Rand.secureRandom();
        while (true) {
            CompletableFuture<BigInteger> qSearch = CompletableFuture.supplyAsync(() -> prime(qBits, e, random),
                    ForkJoinPool.commonPool());
            BigInteger p = prime(pBits, e, random);
            BigInteger q = join(qSearch);
            if (p.subtract(q).abs().bitLength() <= pBits - 100) {
                continue;
            }
            if (p.compareTo(q) < 0) {
                BigInteger t = p;
                p = q;
                q = t;
            }
            BigInteger n = p.multiply(q);
            if (n.bitLength() != bits) {
                continue;
            }
            return keyPair(n, e, p, q);
        }
    }

    /** A probable prime of exactly {@code bits} bits with the top two bits set and gcd(e, prime - 1) = 1. */
    private static BigInteger prime(int bits, BigInteger e, SecureRandom random) {
        while (true) {
            BigInteger start = new BigInteger(bits, random).setBit(bits - 1).setBit(bits - 2);
            BigInteger candidate = start.nextProbablePrime();
            if (candidate.bitLength() == bits
                    && candidate.subtract(BigInteger.ONE).gcd(e).equals(BigInteger.ONE)) {
                return candidate;
            }
        }
    }

    private static BigInteger join(CompletableFuture<BigInteger> future) {
        try {
            return future.join();
        } catch (CompletionException ex) {
            throw new CryptoException("rsa routines", "key generation failed", ex.getCause());
        }
    }

    private static KeyPair keyPair(BigInteger n, BigInteger e, BigInteger p, BigInteger q) {
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        BigInteger lcm = p1.divide(p1.gcd(q1)).multiply(q1);
        BigInteger d = e.modInverse(lcm);
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            return new KeyPair(factory.generatePublic(new RSAPublicKeySpec(n, e)),
                    factory.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, d.mod(p1), d.mod(q1),
                            q.modInverse(p))));
        } catch (GeneralSecurityException ex) {
            throw new CryptoException("rsa routines", "key generation failed", ex);
        }
    }
}
