package dev.portcullis.crypto.internal.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.ContentSigner;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.ObjectNames;
import dev.portcullis.crypto.internal.Signatures;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * Signing of certificates and requests with pyOpenSSL's argument checks, and naming of their signature
 * algorithms.
 */
public final class Signing {
    private Signing() {
    }

    /**
     * Checks {@code pkey} and {@code digest} as pyOpenSSL's {@code X509.sign} does, then hands {@code target} the
     * DER signature AlgorithmIdentifier and a function that signs to-be-signed bytes.
     *
     * @throws IllegalArgumentException "pkey must be a PKey instance", "Key only has public part", "Key is
     *     uninitialized" or "No such digest method"
     */
    public static void sign(PKey pkey, String digest, BiConsumer<byte[], Function<byte[], byte[]>> target) {
        if (pkey == null) {
            throw new IllegalArgumentException("pkey must be a PKey instance, not null");
        }
        if (pkey.type() == 0) {
            throw new IllegalArgumentException("Key is uninitialized");
        }
        if (!pkey.hasPrivateKey()) {
            throw new IllegalArgumentException("Key only has public part");
        }
        Digests.byName(digest);
        ContentSigner signer = Signatures.contentSigner(pkey, digest);
        byte[] algorithm;
        try {
            algorithm = signer.getAlgorithmIdentifier().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        target.accept(algorithm, tbs -> Signatures.sign(pkey, tbs, digest));
    }

    /**
     * Checks a signature made under the AlgorithmIdentifier element {@code algorithm} (OpenSSL's
     * {@code ASN1_item_verify}): the algorithm, with its parameters (RSASSA-PSS), names how to verify.
     *
     * @throws CryptoException when the algorithm is unknown or does not fit the key, or the signature is wrong
     */
    public static void verify(java.security.PublicKey key, byte[] algorithm, byte[] signed, byte[] signature) {
        if (algorithm == null || signature == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        boolean valid;
        try {
            org.bouncycastle.operator.ContentVerifier verifier =
                    new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                            .setProvider(dev.portcullis.crypto.internal.Bc.PROVIDER).build(key)
                            .get(org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(algorithm));
            verifier.getOutputStream().write(signed);
            valid = verifier.verify(signature);
        } catch (org.bouncycastle.operator.OperatorCreationException | IOException | RuntimeException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "unknown signature algorithm", e);
        }
        if (!valid) {
            throw new CryptoException(DerReader.ASN1_LIB, "bad signature");
        }
    }

    /**
     * OpenSSL's long name for the algorithm of an AlgorithmIdentifier element ({@code sha256WithRSAEncryption}).
     *
     * @throws IllegalArgumentException "Undefined signature algorithm" for {@code null} or an OID OpenSSL does not know
     */
    public static String algorithmName(byte[] algorithmIdentifier) {
        if (algorithmIdentifier != null) {
            ASN1ObjectIdentifier oid = new DerReader(algorithmIdentifier).expect(0x30).children().expect(0x06).oid();
            String name = ObjectNames.longName(oid).orElse(null);
            if (name != null) {
                return name;
            }
        }
        throw new IllegalArgumentException("Undefined signature algorithm");
    }
}
