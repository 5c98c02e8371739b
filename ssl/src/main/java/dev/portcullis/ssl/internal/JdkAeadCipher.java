package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;

/**
 * One direction of a TLS record AEAD (AES-GCM or ChaCha20-Poly1305) computed by the JDK's own
 * {@code SunJCE} provider, which runs AES-GCM on the CPU's AES-NI/CLMUL intrinsics (about 30 times the
 * speed of Bouncy Castle's portable Java AES-GCM on the same machine).
 *
 * <p>bctls's {@code TlsAEADCipher} does the record framing, nonce construction and key schedule; this class only
 * encrypts or decrypts one record with the key and nonce it is given.
 */
final class JdkAeadCipher implements TlsAEADCipherImpl {
    /** Which JDK transformation and how its nonce is passed. */
    enum Algorithm {
        AES_GCM("AES/GCM/NoPadding", "AES"),
        CHACHA20_POLY1305("ChaCha20-Poly1305", "ChaCha20");

        final String transformation;
        final String keyAlgorithm;

        Algorithm(String transformation, String keyAlgorithm) {
            this.transformation = transformation;
            this.keyAlgorithm = keyAlgorithm;
        }
    }

    /** The JDK's own provider (looked up, never added or removed: the global provider list is left alone). */
    private static final java.security.Provider SUN_JCE = java.security.Security.getProvider("SunJCE");

    private final Algorithm algorithm;
    private final int mode;
    private final Cipher cipher;
    private SecretKeySpec key;

    JdkAeadCipher(Algorithm algorithm, boolean encrypting) throws IOException {
        this.algorithm = algorithm;
        this.mode = encrypting ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
        try {
            // Named explicitly: a Cipher from a fixed provider does not keep the provider-search state that delayed
            // provider selection retains (about 350 bytes per Cipher, four Ciphers per connected pair).
            this.cipher = SUN_JCE == null ? Cipher.getInstance(algorithm.transformation)
                    : Cipher.getInstance(algorithm.transformation, SUN_JCE);
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "JDK lacks " + algorithm.transformation, e);
        }
    }

    @Override
    public void setKey(byte[] keyBytes, int offset, int length) {
        this.key = new SecretKeySpec(keyBytes, offset, length, algorithm.keyAlgorithm);
    }

    @Override
    public void init(byte[] nonce, int macSize) throws IOException {
        AlgorithmParameterSpec spec = algorithm == Algorithm.AES_GCM
                ? new GCMParameterSpec(macSize * 8, nonce)
                : new IvParameterSpec(nonce);
        try {
            cipher.init(mode, key, spec);
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
    }

    @Override
    public int getOutputSize(int inputLength) {
        return cipher.getOutputSize(inputLength);
    }

    @Override
    public int doFinal(byte[] additionalData, byte[] input, int inputOffset, int inputLength, byte[] output,
            int outputOffset) throws IOException {
        try {
            if (additionalData != null && additionalData.length > 0) {
                cipher.updateAAD(additionalData);
            }
            return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
        } catch (AEADBadTagException e) {
            throw new TlsFatalAlert(AlertDescription.bad_record_mac, e);
        } catch (GeneralSecurityException e) {
            throw new TlsFatalAlert(AlertDescription.internal_error, e);
        }
    }
}
