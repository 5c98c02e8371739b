package dev.portcullis.crypto.internal.x509;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.internal.keys.KeyPairs;

/**
 * Moves public keys between a {@link PKey} and the SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) stored in
 * certificates and requests.
 */
public final class PublicKeys {
    private PublicKeys() {
    }

    /**
     * The SubjectPublicKeyInfo DER of {@code pkey}'s public half.
     *
     * @throws IllegalArgumentException for {@code null}
     * @throws CryptoException for an empty key
     */
    public static byte[] subjectPublicKeyInfo(PKey pkey) {
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey instance, not null");
        }
        byte[] encoded = pkey.toJavaPublicKey().getEncoded();
        if (encoded == null) {
            throw new CryptoException("x509 certificate routines", "unable to get public key");
        }
        return encoded;
    }

    /**
     * A public-only {@link PKey} for a SubjectPublicKeyInfo element.
     *
     * @throws CryptoException ({@code digital envelope routines}, {@code decode error}) when there is none, or it
     *     holds a key type or encoding that cannot be decoded
     */
    public static PKey toPKey(byte[] spki) {
        if (spki == null) {
            throw new CryptoException("digital envelope routines", "decode error");
        }
        try {
            return PKey.fromJavaKey(KeyPairs.publicKey(SubjectPublicKeyInfo.getInstance(spki)));
        } catch (CryptoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CryptoException("digital envelope routines", "decode error", e);
        }
    }
}
