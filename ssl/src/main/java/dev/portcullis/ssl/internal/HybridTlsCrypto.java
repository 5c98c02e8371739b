package dev.portcullis.ssl.internal;

import java.io.IOException;
import java.security.SecureRandom;

import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCipher;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipher;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import dev.portcullis.crypto.internal.digest.JdkDigest;
import dev.portcullis.rand.Rand;

/**
 * The {@code TlsCrypto} every Portcullis connection uses: Bouncy Castle's lightweight implementation for
 * everything asymmetric and for the key schedule (X25519, ECDSA, RSA, Ed25519, HKDF, the TLS 1.2 PRF), and the
 * JDK's SunJCE for the record ciphers AES-GCM and ChaCha20-Poly1305.
 *
 * <p>Why the mix (measured on this project's 2-core machine, JDK 17, see the README's benchmark section):
 * BC lightweight gives the fastest TLS 1.3 handshakes available in Java (about 3 times JDK 17's SunEC) but
 * computes AES-GCM in portable Java at about 60 MiB/s; SunJCE runs AES-GCM on AES-NI at about 2 GiB/s. Going
 * through {@code JcaTlsCrypto} with the BC provider for asymmetric work costs about 10 % of the handshake rate in
 * JCA plumbing; subclassing {@code BcTlsCrypto} and replacing only the AEAD factory keeps the lightweight
 * handshake path untouched. ChaCha20-Poly1305 also comes from the JDK (faster than BC's on JDK 17, and much faster
 * on JDK 21+ where it has intrinsics). AES-CCM, CBC suites and the rest stay on BC.
 *
 * <p>Stateless apart from the random source, so one instance is shared by every connection.
 */
public final class HybridTlsCrypto extends BcTlsCrypto {
    private static final HybridTlsCrypto SHARED = new HybridTlsCrypto(Rand.secureRandom());

    private HybridTlsCrypto(SecureRandom random) {
        super(random);
    }

    /** The shared instance, drawing randomness from {@link Rand#secureRandom()}. */
    public static HybridTlsCrypto shared() {
        return SHARED;
    }

    /** SHA-2 from the JDK (intrinsics): the PRF, HKDF, transcript hash and HMACs are most of a resumed handshake. */
    @Override
    public org.bouncycastle.crypto.Digest createDigest(int cryptoHashAlgorithm) {
        switch (cryptoHashAlgorithm) {
            case CryptoHashAlgorithm.sha256:
                return new JdkDigest("SHA-256", "SHA-256");
            case CryptoHashAlgorithm.sha384:
                return new JdkDigest("SHA-384", "SHA-384");
            case CryptoHashAlgorithm.sha512:
                return new JdkDigest("SHA-512", "SHA-512");
            default:
                return super.createDigest(cryptoHashAlgorithm);
        }
    }

    @Override
    public org.bouncycastle.crypto.Digest cloneDigest(int cryptoHashAlgorithm, org.bouncycastle.crypto.Digest digest) {
        return digest instanceof JdkDigest ? ((JdkDigest) digest).copy() : super.cloneDigest(cryptoHashAlgorithm, digest);
    }

    @Override
    protected TlsAEADCipher createCipher_AES_GCM(TlsCryptoParameters parameters, int keySize, int macSize)
            throws IOException {
        return new TlsAEADCipher(parameters,
                new JdkAeadCipher(JdkAeadCipher.Algorithm.AES_GCM, true),
                new JdkAeadCipher(JdkAeadCipher.Algorithm.AES_GCM, false),
                keySize, macSize, TlsAEADCipher.AEAD_GCM, null);
    }

    @Override
    protected TlsCipher createChaCha20Poly1305(TlsCryptoParameters parameters) throws IOException {
        return new TlsAEADCipher(parameters,
                new JdkAeadCipher(JdkAeadCipher.Algorithm.CHACHA20_POLY1305, true),
                new JdkAeadCipher(JdkAeadCipher.Algorithm.CHACHA20_POLY1305, false),
                32, 16, TlsAEADCipher.AEAD_CHACHA20_POLY1305, null);
    }
}
