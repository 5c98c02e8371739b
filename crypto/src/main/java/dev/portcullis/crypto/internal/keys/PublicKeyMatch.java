package dev.portcullis.crypto.internal.keys;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Whether two public keys are the same key (OpenSSL's {@code EVP_PKEY_eq}, which {@code X509_check_private_key}
 * uses): same algorithm and same public value, whatever provider made the objects.
 */
public final class PublicKeyMatch {
    private PublicKeyMatch() {
    }

    /** True when {@code spki} (a SubjectPublicKeyInfo DER) holds the same key as {@code key}. */
    public static boolean same(byte[] spki, PublicKey key) {
        if (spki == null || key == null || key.getEncoded() == null) {
            return false;
        }
        try {
            SubjectPublicKeyInfo a = SubjectPublicKeyInfo.getInstance(spki);
            SubjectPublicKeyInfo b = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            if (!a.getAlgorithm().getAlgorithm().equals(b.getAlgorithm().getAlgorithm())) {
                return false;
            }
            if (Arrays.equals(a.getPublicKeyData().getBytes(), b.getPublicKeyData().getBytes())) {
                return true;
            }
            // The same EC point may be encoded compressed in one and uncompressed in the other.
            return key instanceof ECPublicKey ec && KeyPairs.publicKey(a) instanceof ECPublicKey other
                    && ec.getW().equals(other.getW());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
