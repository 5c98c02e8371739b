package dev.portcullis.crypto.internal.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.BigIntegers;

import dev.portcullis.crypto.internal.ObjectNames;
import dev.portcullis.crypto.internal.text.PublicKeyText;

/**
 * Private keys as text, as OpenSSL 3.0 prints them. {@link #rsaPrint} is {@code RSA_print} (what pyOpenSSL's
 * {@code dump_privatekey(FILETYPE_TEXT, key)} returns: {@code RSA Private-Key: (2048 bit, 2 primes)}, then
 * {@code modulus:} …). {@link #pkeyText} is {@code openssl pkey -text -noout} (the provider text encoder) for RSA,
 * RSA-PSS without parameter restrictions, DSA, EC on a named curve, Ed25519, Ed448, X25519 and X448.
 */
public final class KeyText {

    private KeyText() {
    }

    /** {@code RSA_print} of a private key. */
    public static byte[] rsaPrint(RSAPrivateCrtKey key) {
        StringBuilder out = new StringBuilder(4096).append("RSA ");
        rsa(out, key);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code openssl pkey -text -noout} of a private key, or {@code null} for the key kinds this class does not
     * print (EC with explicit parameters, RSA-PSS with parameter restrictions, DH).
     */
    public static String pkeyText(KeyKind kind, PrivateKey key, PublicKey publicKey) {
        StringBuilder out = new StringBuilder(4096);
        switch (kind) {
            case RSA:
                rsa(out, (RSAPrivateCrtKey) key);
                return out.toString();
            case RSA_PSS:
                if (PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm().getParameters() != null) {
                    return null;
                }
                rsa(out, (RSAPrivateCrtKey) key);
                return out.append("No PSS parameter restrictions\n").toString();
            case DSA:
                return dsa(out, (DSAPrivateKey) key, (DSAPublicKey) publicKey);
            case EC:
                return ec(out, (ECPrivateKey) key, publicKey);
            case ED25519:
            case ED448:
            case X25519:
            case X448:
                return raw(out, kind, key, publicKey);
            default:
                return null;
        }
    }

    private static void rsa(StringBuilder out, RSAPrivateCrtKey key) {
        out.append("Private-Key: (").append(key.getModulus().bitLength()).append(" bit, 2 primes)\n");
        PublicKeyText.labeledNumber(out, "modulus:", key.getModulus());
        PublicKeyText.labeledNumber(out, "publicExponent:", key.getPublicExponent());
        PublicKeyText.labeledNumber(out, "privateExponent:", key.getPrivateExponent());
        PublicKeyText.labeledNumber(out, "prime1:", key.getPrimeP());
        PublicKeyText.labeledNumber(out, "prime2:", key.getPrimeQ());
        PublicKeyText.labeledNumber(out, "exponent1:", key.getPrimeExponentP());
        PublicKeyText.labeledNumber(out, "exponent2:", key.getPrimeExponentQ());
        PublicKeyText.labeledNumber(out, "coefficient:", key.getCrtCoefficient());
    }

    private static String dsa(StringBuilder out, DSAPrivateKey key, DSAPublicKey publicKey) {
        DSAParams p = key.getParams();
        out.append("Private-Key: (").append(p.getP().bitLength()).append(" bit)\n");
        PublicKeyText.labeledNumber(out, "priv:", key.getX());
        PublicKeyText.labeledNumber(out, "pub: ", publicKey.getY());
        PublicKeyText.labeledNumber(out, "P:   ", p.getP());
        PublicKeyText.labeledNumber(out, "Q:   ", p.getQ());
        PublicKeyText.labeledNumber(out, "G:   ", p.getG());
        return out.toString();
    }

    private static String ec(StringBuilder out, ECPrivateKey key, PublicKey publicKey) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
        if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve)) {
            return null;
        }
        BigInteger order = key.getParams().getOrder();
        int orderBytes = (order.bitLength() + 7) / 8;
        out.append("Private-Key: (").append(order.bitLength()).append(" bit)\n");
        PublicKeyText.labeledBytes(out, "priv:", BigIntegers.asUnsignedByteArray(orderBytes, key.getS()));
        PublicKeyText.labeledBytes(out, "pub:", spki.getPublicKeyData().getBytes());
        out.append("ASN1 OID: ").append(ObjectNames.shortText(curve)).append('\n');
        String nist = NISTNamedCurves.getName(curve);
        if (nist != null) {
            out.append("NIST CURVE: ").append(nist).append('\n');
        }
        return out.toString();
    }

    private static String raw(StringBuilder out, KeyKind kind, PrivateKey key, PublicKey publicKey) {
        byte[] priv = org.bouncycastle.asn1.ASN1OctetString.getInstance(parsePrivate(key)).getOctets();
        byte[] pub = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()).getPublicKeyData().getBytes();
        out.append(kind.name().replace("_", "")).append(" Private-Key:\n");
        PublicKeyText.labeledBytes(out, "priv:", priv);
        PublicKeyText.labeledBytes(out, "pub:", pub);
        return out.toString();
    }

    private static org.bouncycastle.asn1.ASN1Encodable parsePrivate(PrivateKey key) {
        try {
            return PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey();
        } catch (java.io.IOException e) {
            throw new dev.portcullis.crypto.CryptoException("asn1 encoding routines", "decode error", e);
        }
    }
}
