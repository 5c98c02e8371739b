package dev.portcullis.crypto.internal.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Bc;

/**
 * Conversions between the standard key encodings (SubjectPublicKeyInfo, PKCS#8) and JCA key objects, and the
 * derivation of a public key from its private key (a traditional or PKCS#8 private key does not always carry the
 * public half, yet a {@code PKey} always has one, as an OpenSSL {@code EVP_PKEY} does).
 */
public final class KeyPairs {
    private KeyPairs() {
    }

    /** A JCA public key for a SubjectPublicKeyInfo; {@link CryptoException} when it is not a key we can decode. */
    public static PublicKey publicKey(SubjectPublicKeyInfo spki) {
        KeyKind kind = KeyKind.of(spki.getAlgorithm());
        try {
            byte[] der = spki.getEncoded("DER");
            PublicKey key = KeyFactory.getInstance(kind.jcaName(), Bc.PROVIDER).generatePublic(new X509EncodedKeySpec(der));
            if (key instanceof ECPublicKey ec && !Arrays.equals(der, key.getEncoded())) {
                return EncodedEcKeys.publicKey(ec, der);
            }
            return key;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new CryptoException("x509 certificate routines", "unable to decode public key", e);
        }
    }

    /** A JCA private key for a PKCS#8 PrivateKeyInfo; {@link CryptoException} when it is not a key we can decode. */
    public static PrivateKey privateKey(PrivateKeyInfo info) {
        KeyKind kind = KeyKind.of(info.getPrivateKeyAlgorithm());
        try {
            byte[] der = info.getEncoded("DER");
            PrivateKey key = KeyFactory.getInstance(kind.jcaName(), Bc.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key instanceof ECPrivateKey ec && keepsExplicitParameters(info)) {
                return EncodedEcKeys.privateKey(ec, der);
            }
            return key;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new CryptoException("asn1 encoding routines", "decode error", e);
        }
    }

    private static boolean keepsExplicitParameters(PrivateKeyInfo info) {
        return info.getPrivateKeyAlgorithm().getParameters() instanceof org.bouncycastle.asn1.ASN1Sequence;
    }

    /** The public half of a PKCS#8 private key, computed from the private values. */
    public static PublicKey publicKeyOf(PrivateKeyInfo info) {
        AsymmetricKeyParameter privateParams;
        try {
            privateParams = PrivateKeyFactory.createKey(info);
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("asn1 encoding routines", "decode error", e);
        }
        if (privateParams instanceof RSAPrivateCrtKeyParameters rsa) {
            return rsaPublicKey(rsa);
        }
        AsymmetricKeyParameter publicParams;
        try {
            publicParams = derivePublic(privateParams);
        } catch (RuntimeException e) {
            throw new CryptoException("evp routines", "invalid key", e);
        }
        try {
            return publicKey(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParams));
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("evp routines", "unsupported algorithm", e);
        }
    }

    /** The public half of a JCA private key. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("private key has no PKCS#8 encoding: " + key.getAlgorithm());
        }
        return publicKeyOf(PrivateKeyInfo.getInstance(encoded));
    }

    /**
     * The RSA public key (n, e) through the JDK's key factory, which, like OpenSSL's loader, accepts any values:
     * an inconsistent key must still load so that {@code check()} can say what is wrong with it.
     */
    private static PublicKey rsaPublicKey(RSAPrivateCrtKeyParameters rsa) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CryptoException("rsa routines", "invalid key", e);
        }
    }

    private static AsymmetricKeyParameter derivePublic(AsymmetricKeyParameter key) {
        if (key instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(ec.getParameters().getG().multiply(ec.getD()).normalize(),
                    ec.getParameters());
        }
        if (key instanceof DSAPrivateKeyParameters dsa) {
            DSAParameters p = dsa.getParameters();
            return new DSAPublicKeyParameters(p.getG().modPow(dsa.getX(), p.getP()), p);
        }
        if (key instanceof DHPrivateKeyParameters dh) {
            return new DHPublicKeyParameters(dh.getParameters().getG().modPow(dh.getX(), dh.getParameters().getP()),
                    dh.getParameters());
        }
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (key instanceof Ed448PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        if (key instanceof X25519PrivateKeyParameters x) {
            return x.generatePublicKey();
        }
        if (key instanceof X448PrivateKeyParameters x) {
            return x.generatePublicKey();
        }
        throw new CryptoException("rsa routines", "value missing");
    }
}
