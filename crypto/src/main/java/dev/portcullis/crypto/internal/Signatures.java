package dev.portcullis.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.operator.ContentSigner;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;
import dev.portcullis.crypto.internal.digest.RsaPss;
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
    private static final CryptoException.Entry RSA_LIB = new CryptoException.Entry("Provider routines", "", "RSA lib");

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
        requirePrivate(key);
        PrivateKey privateKey = key.toJavaPrivateKey();
        KeyKind kind = KeyKind.byOpenSslId(key.type());
        if (kind == KeyKind.RSA_PSS) {
            if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                throw new CryptoException("rsa routines", "value missing");
            }
            return RsaPss.forKey(privateKey, digest).sign(crt, digest.hash(data));
        }
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
     * @throws CryptoException when the signature does not verify, with OpenSSL 3.0's entries: for RSA
     *     {@code ('rsa routines', '', 'bad signature')} (or {@code 'wrong signature length'}) then
     *     {@code ('Provider routines', '', 'RSA lib')}; for DSA and ECDSA no entries
     */
    public static void verify(PublicKey key, byte[] signature, byte[] data, String digestName) {
        DigestAlgorithm digest = Digests.byName(digestName);
        KeyKind kind = KeyKind.of(key);
        boolean valid;
        try {
            if (kind == KeyKind.RSA_PSS) {
                valid = RsaPss.forKey(key, digest).verify((RSAPublicKey) key, digest.hash(data), signature);
                if (!valid) {
                    throw verifyFailure(KeyKind.RSA, key, signature);
                }
                return;
            }
            Signature verifier = engine(kind, digest);
            verifier.initVerify(key);
            verifier.update(input(kind, digest, data));
            valid = verifier.verify(signature);
        } catch (CryptoException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw verifyFailure(kind, key, signature);
        }
    }

    /**
     * OpenSSL 3.0's error queue for a failed verification, as pyOpenSSL 23 printed it: RSA names the reason,
     * DSA and ECDSA leave the queue empty.
     */
    private static CryptoException verifyFailure(KeyKind kind, PublicKey key, byte[] signature) {
        if (kind != KeyKind.RSA) {
            return new CryptoException(List.of());
        }
        int modulusBytes = (((java.security.interfaces.RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        String reason = signature.length == modulusBytes ? "bad signature" : "wrong signature length";
        return new CryptoException(List.of(new CryptoException.Entry("rsa routines", "", reason), RSA_LIB));
    }

    /** pyOpenSSL 23's errors for signing with an empty or a public-only key. */
    private static void requirePrivate(PKey key) {
        if (key == null || key.type() == 0) {
            throw new CryptoException(List.of());
        }
        if (key.hasPrivateKey()) {
            return;
        }
        if (key.type() == KeyKind.RSA.openSslId()) {
            throw new CryptoException(List.of(new CryptoException.Entry("rsa routines", "", "missing private key"),
                    RSA_LIB));
        }
        if (key.type() == KeyKind.EC.openSslId()) {
            throw new CryptoException("elliptic curve routines", "missing private key");
        }
        throw new CryptoException("digital envelope routines", "missing private key");
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
        requirePrivate(key);
        KeyKind kind = KeyKind.byOpenSslId(key.type());
        AlgorithmIdentifier identifier = kind == KeyKind.RSA_PSS
                ? RsaPss.forKey(key.toJavaPrivateKey(), digest).identifier()
                : SignatureAlgorithms.identifier(kind, digest);
        if (identifier == null || (kind == KeyKind.RSA && !SignatureAlgorithms.rsaAccepts(digest))) {
            throw new CryptoException(List.of());
        }
        return new BufferingSigner(identifier, data -> sign(key, data, digestName));
    }

    private static Signature engine(KeyKind kind, DigestAlgorithm digest) throws GeneralSecurityException {
        switch (kind) {
            case RSA:
                if (!SignatureAlgorithms.rsaAccepts(digest)) {
                    throw new CryptoException("Provider routines", "digest not allowed");
                }
                // The JDK's RSA (SunJCE NONEwithRSA: PKCS#1 type-1 padding of the DigestInfo we pass) is the fastest.
                return Signature.getInstance("NONEwithRSA");
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
