package dev.portcullis.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.operator.ContentSigner;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;
import dev.portcullis.crypto.internal.digest.SignatureAlgorithms;
import dev.portcullis.crypto.internal.keys.KeyKind;
import dev.portcullis.rand.Rand;

/**
 * Signing and verifying with a key and an OpenSSL digest name, as OpenSSL's {@code EVP_Sign*}/{@code EVP_Verify*}
 * do: the data is hashed with the named digest, then signed with RSA PKCS#1 v1.5 (DigestInfo, RFC 8017 §9.2; the
 * bare 36 bytes for {@code md5-sha1}), DSA or ECDSA (DER {@code SEQUENCE {r, s}}). Ed25519 and Ed448 sign the data
 * itself and ignore the digest (the name must still be one OpenSSL knows).
 *
 * <p>The x509 helper signs certificates through {@link #contentSigner}, and {@code Crypto.verify} calls
 * {@link #verify}.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * The signature of {@code data} under {@code key} with the named digest.
     *
     * @throws IllegalArgumentException "No such digest method" for an unknown digest name
     * @throws CryptoException for an empty or public-only key, a key type that cannot sign, or a digest the key's
     *     signer refuses ({@code ('Provider routines', '', 'digest not allowed')})
     */
    public static byte[] sign(PKey key, byte[] data, String digestName) {
        DigestAlgorithm digest = Digests.byName(digestName);
        if (key == null || !key.hasPrivateKey()) {
            throw new CryptoException("digital envelope routines", "no private key");
        }
        PrivateKey privateKey = key.toJavaPrivateKey();
        KeyKind kind = KeyKind.of(privateKey);
        try {
            Signature signer = engine(kind, digest);
            signer.initSign(privateKey, Rand.secureRandom());
            signer.update(input(kind, digest, data));
            return signer.sign();
        } catch (CryptoException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("digital envelope routines", "sign failure", e);
        }
    }

    /**
     * Checks that {@code signature} is a valid signature of {@code data} under {@code key} with the named digest.
     *
     * @throws IllegalArgumentException "No such digest method" for an unknown digest name
     * @throws CryptoException when the signature does not verify (OpenSSL's {@code bad signature}) or cannot be parsed
     */
    public static void verify(PublicKey key, byte[] signature, byte[] data, String digestName) {
        DigestAlgorithm digest = Digests.byName(digestName);
        KeyKind kind = KeyKind.of(key);
        boolean valid;
        try {
            Signature verifier = engine(kind, digest);
            verifier.initVerify(key);
            verifier.update(input(kind, digest, data));
            valid = verifier.verify(signature);
        } catch (CryptoException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("digital envelope routines", "bad signature", e);
        }
        if (!valid) {
            throw new CryptoException(libraryOf(kind), "bad signature");
        }
    }

    /**
     * A bcpkix {@link ContentSigner} that signs with {@code key} and the named digest and carries the matching X.509
     * signature AlgorithmIdentifier (for certificates, requests, CRLs).
     *
     * @throws IllegalArgumentException "No such digest method" for an unknown digest name
     * @throws CryptoException for a key without a private half, or a (key type, digest) pair with no signature
     *     algorithm OID (OpenSSL raises an empty error list there)
     */
    public static ContentSigner contentSigner(PKey key, String digestName) {
        DigestAlgorithm digest = Digests.byName(digestName);
        if (key == null || !key.hasPrivateKey()) {
            throw new CryptoException("digital envelope routines", "no private key");
        }
        KeyKind kind = KeyKind.of(key.toJavaPublicKey());
        AlgorithmIdentifier identifier = SignatureAlgorithms.identifier(kind, digest);
        if (identifier == null || (kind == KeyKind.RSA && !SignatureAlgorithms.rsaAccepts(digest))) {
            throw new CryptoException(java.util.List.of());
        }
        return new BufferingSigner(identifier, data -> sign(key, data, digestName));
    }

    private static Signature engine(KeyKind kind, DigestAlgorithm digest) throws GeneralSecurityException {
        switch (kind) {
            case RSA:
                if (!SignatureAlgorithms.rsaAccepts(digest)) {
                    throw new CryptoException("Provider routines", "digest not allowed");
                }
                return Signature.getInstance("NONEwithRSA", Bc.PROVIDER);
            case EC:
                return Signature.getInstance("NONEwithECDSA", Bc.PROVIDER);
            case DSA:
                return Signature.getInstance("NONEwithDSA", Bc.PROVIDER);
            case ED25519:
                return Signature.getInstance("Ed25519", Bc.PROVIDER);
            case ED448:
                return Signature.getInstance("Ed448", Bc.PROVIDER);
            default:
                throw new CryptoException("digital envelope routines", "operation not supported for this keytype");
        }
    }

    /** What the raw signature primitive receives: the data (EdDSA), DigestInfo (RSA) or the bare hash. */
    private static byte[] input(KeyKind kind, DigestAlgorithm digest, byte[] data) throws GeneralSecurityException {
        if (kind.isEdwards()) {
            return data;
        }
        byte[] hash = digest.hash(data);
        if (kind != KeyKind.RSA || digest.oid() == null) {
            return hash;
        }
        try {
            return new DigestInfo(digest.identifierWithNullParameters(), hash).getEncoded("DER");
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String libraryOf(KeyKind kind) {
        switch (kind) {
            case RSA:
                return "rsa routines";
            default:
                return "digital envelope routines";
        }
    }

    /** Collects the to-be-signed bytes, then signs them in one go. */
    private static final class BufferingSigner implements ContentSigner {
        private final AlgorithmIdentifier identifier;
        private final java.util.function.Function<byte[], byte[]> signer;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        BufferingSigner(AlgorithmIdentifier identifier, java.util.function.Function<byte[], byte[]> signer) {
            this.identifier = identifier;
            this.signer = signer;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return identifier;
        }

        @Override
        public OutputStream getOutputStream() {
            return buffer;
        }

        @Override
        public byte[] getSignature() {
            return signer.apply(buffer.toByteArray());
        }
    }
}
