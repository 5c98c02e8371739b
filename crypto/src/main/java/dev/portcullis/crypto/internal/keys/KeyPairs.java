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

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAParameters;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X448PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Bc;

/**
 * Conversions between the standard key encodings (SubjectPublicKeyInfo, PKCS#8) and JCA key objects, and the
 * derivation of a public key from its private key (a traditional or PKCS#8 private key does not always carry the
 * public half, yet a {@code PKey} always has one, as an OpenSSL {@code EVP_PKEY} does).
 */
public final class KeyPairs {
    /** OpenSSL's limit for DSA and DH primes ({@code OPENSSL_DSA_MAX_MODULUS_BITS}). */
    private static final int MAX_FIELD_BITS = 10000;

    private KeyPairs() {
    }

    /** A JCA public key for a SubjectPublicKeyInfo; {@link CryptoException} when it is not a key we can decode. */
    public static PublicKey publicKey(SubjectPublicKeyInfo spki) {
        KeyKind kind = KeyKind.of(spki.getAlgorithm());
        try {
            byte[] der = spki.getEncoded("DER");
            PublicKey key = factory(kind).generatePublic(new X509EncodedKeySpec(der));
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
            PrivateKey key;
            try {
                key = factory(kind).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                if (kind != KeyKind.RSA) {
                    throw e;
                }
                key = RawRsaKeys.privateKey(info, der);
            }
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
        KeyKind kind = KeyKind.of(info.getPrivateKeyAlgorithm());
        try {
            if (kind == KeyKind.RSA || kind == KeyKind.RSA_PSS) {
                org.bouncycastle.asn1.pkcs.RSAPrivateKey rsa =
                        org.bouncycastle.asn1.pkcs.RSAPrivateKey.getInstance(info.parsePrivateKey());
                if (kind == KeyKind.RSA) {
                    return rsaPublicKey(rsa.getModulus(), rsa.getPublicExponent());
                }
                return publicKey(new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(),
                        new org.bouncycastle.asn1.pkcs.RSAPublicKey(rsa.getModulus(), rsa.getPublicExponent())));
            }
            if (kind == KeyKind.DH || kind == KeyKind.DHX) {
                return publicKey(new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(), dhPublicValue(info)));
            }
            // The public key carries the private key's own algorithm identifier (X9.42 DH parameters, explicit
            // curves), as OpenSSL's EVP_PKEY does.
            return publicKey(new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(),
                    publicKeyBits(PrivateKeyFactory.createKey(info))));
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException c) {
                throw c;
            }
            throw new CryptoException("asn1 encoding routines", "decode error", e);
        }
    }

    /**
     * The RSA public key (n, e) through the JDK's key factory, or a plain holder when the JDK refuses the values
     * (moduli below 512 bits): like OpenSSL's loader, any values load, so that {@code check()} can say what is
     * wrong with an inconsistent key.
     */
    private static PublicKey rsaPublicKey(java.math.BigInteger n, java.math.BigInteger e) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        } catch (GeneralSecurityException | RuntimeException ex) {
            return RawRsaKeys.publicKey(n, e);
        }
    }

    /**
     * The key factory for a kind: the JDK's own for plain RSA, so that RSA keys are the JDK's classes and sign on
     * its faster RSA implementation (as generated keys do); Bouncy Castle's for everything else.
     */
    private static KeyFactory factory(KeyKind kind) throws GeneralSecurityException {
        return kind == KeyKind.RSA ? KeyFactory.getInstance("RSA") : KeyFactory.getInstance(kind.jcaName(), Bc.PROVIDER);
    }

    /** The public half of a JCA private key. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("private key has no PKCS#8 encoding: " + key.getAlgorithm());
        }
        return publicKeyOf(PrivateKeyInfo.getInstance(encoded));
    }

    /** y = g^x mod p for PKCS#3 ({p, g, [l]}) and X9.42 ({p, g, q, …}) parameters alike. */
    private static byte[] dhPublicValue(PrivateKeyInfo info) throws IOException {
        org.bouncycastle.asn1.ASN1Sequence params = org.bouncycastle.asn1.ASN1Sequence.getInstance(
                info.getPrivateKeyAlgorithm().getParameters());
        java.math.BigInteger p = ASN1Integer.getInstance(params.getObjectAt(0)).getPositiveValue();
        java.math.BigInteger g = ASN1Integer.getInstance(params.getObjectAt(1)).getPositiveValue();
        java.math.BigInteger x = ASN1Integer.getInstance(info.parsePrivateKey()).getPositiveValue();
        if (p.signum() <= 0 || p.bitLength() > MAX_FIELD_BITS) {
            throw new CryptoException("dh routines", "modulus too large");
        }
        return new ASN1Integer(g.modPow(x, p)).getEncoded("DER");
    }

    /** The subjectPublicKey BIT STRING contents for the public half of a private key (RFC 3279, 5480, 8410). */
    private static byte[] publicKeyBits(AsymmetricKeyParameter key) throws IOException {
        if (key instanceof ECPrivateKeyParameters ec) {
            return ec.getParameters().getG().multiply(ec.getD()).normalize().getEncoded(false);
        }
        if (key instanceof DSAPrivateKeyParameters dsa) {
            DSAParameters p = dsa.getParameters();
            if (p.getP().bitLength() > MAX_FIELD_BITS) {
                throw new CryptoException("dsa routines", "modulus too large");
            }
            return new ASN1Integer(p.getG().modPow(dsa.getX(), p.getP())).getEncoded("DER");
        }
        if (key instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey().getEncoded();
        }
        if (key instanceof Ed448PrivateKeyParameters ed) {
            return ed.generatePublicKey().getEncoded();
        }
        if (key instanceof X25519PrivateKeyParameters x) {
            return x.generatePublicKey().getEncoded();
        }
        if (key instanceof X448PrivateKeyParameters x) {
            return x.generatePublicKey().getEncoded();
        }
        throw new CryptoException("evp routines", "unsupported algorithm");
    }
}
