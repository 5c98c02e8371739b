package dev.portcullis.crypto.internal.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import dev.portcullis.crypto.CryptoException;

/**
 * Private keys in the two DER shapes OpenSSL 3.0 writes, byte for byte: PKCS#8 {@code PrivateKeyInfo}
 * (RFC 5208, version 0, no attributes; what {@code -----BEGIN PRIVATE KEY-----} holds) and the "traditional"
 * per-algorithm structures ({@code i2d_PrivateKey}): PKCS#1 {@code RSAPrivateKey} (RFC 8017 A.1.2), SEC1
 * {@code ECPrivateKey} (RFC 5915) with the curve and public key, and OpenSSL's DSA {@code SEQUENCE {0, p, q, g, y,
 * x}}. Keys with no traditional form (RSA-PSS, Ed25519, Ed448, X25519, X448, DH) use PKCS#8 for both, as
 * OpenSSL's {@code i2d_PrivateKey} does.
 */
public final class PrivateKeyEncodings {
    private PrivateKeyEncodings() {
    }

    /** The PKCS#8 PrivateKeyInfo OpenSSL writes for this key. */
    public static PrivateKeyInfo pkcs8(KeyKind kind, PrivateKey key, PublicKey publicKey) {
        try {
            switch (kind) {
                case RSA:
                    return new PrivateKeyInfo(new AlgorithmIdentifier(kind.oid(), DERNull.INSTANCE), rsa(key));
                case RSA_PSS:
                    return new PrivateKeyInfo(encodedInfo(key).getPrivateKeyAlgorithm(), rsa(key));
                case EC:
                    return new PrivateKeyInfo(encodedInfo(key).getPrivateKeyAlgorithm(), sec1(key, publicKey, false));
                case DSA:
                    return dsaPkcs8(kind, (DSAPrivateKey) key);
                default:
                    PrivateKeyInfo info = encodedInfo(key);
                    return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey());
            }
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("asn1 encoding routines", "encode error", e);
        }
    }

    /** The traditional DER OpenSSL's {@code i2d_PrivateKey} writes; PKCS#8 DER for algorithms without one. */
    public static byte[] traditional(KeyKind kind, PrivateKey key, PublicKey publicKey) {
        try {
            switch (kind) {
                case RSA:
                    return rsa(key).toASN1Primitive().getEncoded("DER");
                case EC:
                    return sec1(key, publicKey, true).toASN1Primitive().getEncoded("DER");
                case DSA:
                    return dsaTraditional((DSAPrivateKey) key, (DSAPublicKey) publicKey).getEncoded("DER");
                default:
                    return pkcs8(kind, key, publicKey).getEncoded("DER");
            }
        } catch (IOException | RuntimeException e) {
            throw new CryptoException("asn1 encoding routines", "encode error", e);
        }
    }

    private static RSAPrivateKey rsa(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey k)) {
            throw new CryptoException("rsa routines", "value missing");
        }
        return new RSAPrivateKey(k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(),
                k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient());
    }

    private static org.bouncycastle.asn1.sec.ECPrivateKey sec1(PrivateKey key, PublicKey publicKey,
            boolean withParameters) throws IOException {
        ECPrivateKey ec = (ECPrivateKey) key;
        ASN1Encodable parameters = encodedInfo(key).getPrivateKeyAlgorithm().getParameters();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
        int orderBits = ec.getParams().getOrder().bitLength();
        return new org.bouncycastle.asn1.sec.ECPrivateKey(orderBits, ec.getS(), spki.getPublicKeyData(),
                withParameters ? parameters : null);
    }

    private static PrivateKeyInfo dsaPkcs8(KeyKind kind, DSAPrivateKey key) throws IOException {
        DSAParams p = key.getParams();
        return new PrivateKeyInfo(new AlgorithmIdentifier(kind.oid(), new DSAParameter(p.getP(), p.getQ(), p.getG())),
                new ASN1Integer(key.getX()));
    }

    private static ASN1Primitive dsaTraditional(DSAPrivateKey key, DSAPublicKey publicKey) {
        DSAParams p = key.getParams();
        ASN1EncodableVector v = new ASN1EncodableVector(6);
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, p.getP(), p.getQ(), p.getG(), publicKey.getY(),
            key.getX()}) {
            v.add(new ASN1Integer(value));
        }
        return new DERSequence(v);
    }

    private static PrivateKeyInfo encodedInfo(PrivateKey key) {
        return PrivateKeyInfo.getInstance(key.getEncoded());
    }
}
