package dev.portcullis.crypto.internal.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import dev.portcullis.crypto.CryptoException;

/**
 * RSA keys the JDK's key factory refuses (moduli below 512 bits) but OpenSSL loads: plain value holders, so such a
 * key can still be loaded, dumped and {@code check()}ed, as pyOpenSSL's tests do with a 6-bit "p not prime" key.
 * Signing with them is left to the JCA, which refuses them.
 */
final class RawRsaKeys {
    private RawRsaKeys() {
    }

    static RSAPublicKey publicKey(BigInteger n, BigInteger e) {
        try {
            byte[] spki = new SubjectPublicKeyInfo(new AlgorithmIdentifier(KeyKind.RSA.oid(), DERNull.INSTANCE),
                    new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, e)).getEncoded("DER");
            return new Public(n, e, spki);
        } catch (IOException | RuntimeException ex) {
            throw new CryptoException("rsa routines", "invalid key", ex);
        }
    }

    static RSAPrivateCrtKey privateKey(PrivateKeyInfo info, byte[] pkcs8) {
        try {
            org.bouncycastle.asn1.pkcs.RSAPrivateKey k =
                    org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(info.parsePrivateKey());
            return new Private(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(),
                    k.getPrime2(), k.getExponent1(), k.getExponent2(), k.getCoefficient(), pkcs8.clone());
        } catch (IOException | RuntimeException ex) {
            throw new CryptoException("asn1 encoding routines", "decode error", ex);
        }
    }

    /** What both holders share: the algorithm name and the stored encoding, handed out as a copy. */
    private interface Encoded extends java.security.Key {
        byte[] encoded();

        @Override
        default String getAlgorithm() {
            return "RSA";
        }

        @Override
        default byte[] getEncoded() {
            return encoded().clone();
        }
    }

    private record Public(BigInteger getModulus, BigInteger getPublicExponent, byte[] encoded)
            implements RSAPublicKey, Encoded {
        private static final long serialVersionUID = 1L;

        @Override
        public String getFormat() {
            return "X.509";
        }
    }

    private record Private(BigInteger getModulus, BigInteger getPublicExponent, BigInteger getPrivateExponent,
            BigInteger getPrimeP, BigInteger getPrimeQ, BigInteger getPrimeExponentP, BigInteger getPrimeExponentQ,
            BigInteger getCrtCoefficient, byte[] encoded) implements RSAPrivateCrtKey, Encoded {
        private static final long serialVersionUID = 1L;

        @Override
        public String getFormat() {
            return "PKCS#8";
        }

        @Override
        public String toString() {
            return "RSA private key";
        }
    }
}
