package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import dev.portcullis.crypto.internal.Bc;

/**
 * Checks signatures made with one public key (RSA PKCS#1 v1.5 and PSS, ECDSA, DSA, Ed25519, Ed448), through JCA
 * with Portcullis' private Bouncy Castle provider — on JDK 17 it verifies ECDSA and EdDSA several times faster than
 * the JDK's SunEC, and RSA a little faster than SunRsaSign.
 *
 * <p>Decoding a key (and for EC keys setting up the curve) costs more than a verification, so decoded keys are
 * shared by their SubjectPublicKeyInfo encoding in a small bounded cache: an intermediate seen again in a new
 * certificate object (every TLS handshake) is not decoded again.
 */
final class KeyVerifier {
    private static final int CACHE_SIZE = 512;
    private static final Map<ByteBuffer, KeyVerifier> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, KeyVerifier> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final ContentVerifierProvider key;

    private KeyVerifier(ContentVerifierProvider key) {
        this.key = key;
    }

    /** The verifier for {@code spki}, or {@code null} when the key cannot be decoded. */
    static KeyVerifier of(SubjectPublicKeyInfo spki) {
        ByteBuffer id;
        try {
            id = ByteBuffer.wrap(spki.getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        synchronized (CACHE) {
            KeyVerifier known = CACHE.get(id);
            if (known != null) {
                return known;
            }
        }
        KeyVerifier made;
        try {
            made = new KeyVerifier(new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(spki));
        } catch (OperatorCreationException | RuntimeException e) {
            return null;
        }
        synchronized (CACHE) {
            CACHE.put(id, made);
        }
        return made;
    }

    /** Whether {@code signature} over {@code signed} verifies under {@code alg}; any failure is {@code false}. */
    boolean verify(AlgorithmIdentifier alg, byte[] signed, byte[] signature) {
        if (signed == null) {
            return false;
        }
        try {
            ContentVerifier v = key.get(alg);
            try (OutputStream out = v.getOutputStream()) {
                out.write(signed);
            }
            return v.verify(signature);
        } catch (IOException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }
}
