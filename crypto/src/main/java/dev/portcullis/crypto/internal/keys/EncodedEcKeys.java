package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * EC keys that keep the exact encoding they were read from. Bouncy Castle re-encodes explicit curve parameters
 * without the curve's seed, while OpenSSL writes back what it read; keeping the original bytes makes load∘dump the
 * identity for explicit-parameter keys too. Everything else delegates to the Bouncy Castle key.
 */
final class EncodedEcKeys {
    private EncodedEcKeys() {
    }

    /** A public key whose {@code getEncoded()} is {@code encoded}. */
    static ECPublicKey publicKey(ECPublicKey key, byte[] encoded) {
        return new Public(key, encoded.clone());
    }

    /** A private key whose {@code getEncoded()} is {@code encoded}. */
    static ECPrivateKey privateKey(ECPrivateKey key, byte[] encoded) {
        return new Private(key, encoded.clone());
    }

    private record Public(ECPublicKey key, byte[] encoded) implements ECPublicKey {
        private static final long serialVersionUID = 1L;

        @Override
        public ECPoint getW() {
            return key.getW();
        }

        @Override
        public String getAlgorithm() {
            return key.getAlgorithm();
        }

        @Override
        public String getFormat() {
            return "X.509";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }

        @Override
        public ECParameterSpec getParams() {
            return key.getParams();
        }
    }

    private record Private(ECPrivateKey key, byte[] encoded) implements ECPrivateKey {
        private static final long serialVersionUID = 1L;

        @Override
        public BigInteger getS() {
            return key.getS();
        }

        @Override
        public String getAlgorithm() {
            return key.getAlgorithm();
        }

        @Override
        public String getFormat() {
            return "PKCS#8";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }

        @Override
        public ECParameterSpec getParams() {
            return key.getParams();
        }

        @Override
        public String toString() {
            return "EC private key";
        }
    }
}
