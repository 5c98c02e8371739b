package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;

import dev.portcullis.crypto.CryptoException;

/**
 * OpenSSL's {@code RSA_check_key}: the consistency checks of an RSA private key, in OpenSSL's order, each failed
 * check adding its reason (as OpenSSL queues one error per failed check and carries on).
 */
public final class RsaKeyCheck {
    private static final String LIBRARY = "rsa routines";
    private static final int PRIME_CERTAINTY = 128;
    /** OpenSSL's {@code OPENSSL_RSA_MAX_MODULUS_BITS}; it bounds the cost of the primality tests. */
    private static final int MAX_MODULUS_BITS = 16384;

    private RsaKeyCheck() {
    }

    /** Returns normally for a consistent key; otherwise throws {@link CryptoException} listing every failed check. */
    public static void check(RSAPrivateCrtKey key) {
        BigInteger n = key.getModulus();
        BigInteger e = key.getPublicExponent();
        BigInteger d = key.getPrivateExponent();
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        if (n == null || e == null || d == null || p == null || q == null
                || p.signum() == 0 || q.signum() == 0 || e.signum() == 0) {
            throw new CryptoException(LIBRARY, "value missing");
        }
        if (n.bitLength() > MAX_MODULUS_BITS) {
            throw new CryptoException(LIBRARY, "modulus too large");
        }
        List<CryptoException.Entry> failures = new ArrayList<>();
        if (e.equals(BigInteger.ONE) || !e.testBit(0)) {
            failures.add(failure("bad e value"));
        }
        if (!isPrime(p)) {
            failures.add(failure("p not prime"));
        }
        if (!isPrime(q)) {
            failures.add(failure("q not prime"));
        }
        if (!p.multiply(q).equals(n)) {
            failures.add(failure("n does not equal p q"));
        }
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        BigInteger qMinus1 = q.subtract(BigInteger.ONE);
        BigInteger lcm = lcm(pMinus1, qMinus1);
        if (lcm.signum() <= 0 || !d.multiply(e).mod(lcm).equals(BigInteger.ONE)) {
            failures.add(failure("d e not congruent to 1"));
        }
        checkCrtValues(key, d, p, q, pMinus1, qMinus1, failures);
        if (!failures.isEmpty()) {
            throw new CryptoException(failures);
        }
    }

    private static void checkCrtValues(RSAPrivateCrtKey key, BigInteger d, BigInteger p, BigInteger q,
            BigInteger pMinus1, BigInteger qMinus1, List<CryptoException.Entry> failures) {
        BigInteger dmp1 = key.getPrimeExponentP();
        BigInteger dmq1 = key.getPrimeExponentQ();
        BigInteger iqmp = key.getCrtCoefficient();
        if (dmp1 == null || dmq1 == null || iqmp == null) {
            return;
        }
        if (pMinus1.signum() <= 0 || !d.mod(pMinus1).equals(dmp1)) {
            failures.add(failure("dmp1 not congruent to d"));
        }
        if (qMinus1.signum() <= 0 || !d.mod(qMinus1).equals(dmq1)) {
            failures.add(failure("dmq1 not congruent to d"));
        }
        BigInteger inverse;
        try {
            inverse = q.modInverse(p);
        } catch (ArithmeticException e) {
            // OpenSSL's BN_mod_inverse fails here and RSA_check_key stops with this entry.
            failures.add(new CryptoException.Entry("bignum routines", "", "no inverse"));
            return;
        }
        if (!inverse.equals(iqmp)) {
            failures.add(failure("iqmp not inverse of q"));
        }
    }

    private static boolean isPrime(BigInteger v) {
        return v.signum() > 0 && v.isProbablePrime(PRIME_CERTAINTY);
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        if (a.signum() <= 0 || b.signum() <= 0) {
            return BigInteger.ZERO;
        }
        return a.divide(a.gcd(b)).multiply(b);
    }

    private static CryptoException.Entry failure(String reason) {
        return new CryptoException.Entry(LIBRARY, "", reason);
    }
}
