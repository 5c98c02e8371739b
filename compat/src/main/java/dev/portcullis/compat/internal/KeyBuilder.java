package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.DSAPrivateKeySpec;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * Turns the attributes of a key4.db private-key object (already decrypted) into a JCA key pair: RSA from its
 * CRT components, EC from the curve OID and the private scalar, DSA from its domain parameters and x. The
 * public half is computed or taken from the plaintext attributes, and checked against CKA_ID where NSS put the
 * SHA-1 of the public value there.
 */
public final class KeyBuilder {
    /** Decrypted private attributes, by attribute type. */
    public interface Secrets {
        byte[] get(long type);
    }

    private KeyBuilder() {
    }

    /** The key pair for {@code key}, whose private attributes come from {@code secrets}. */
    public static KeyPair build(StoredObject key, Secrets secrets) {
        long type = key.ulong(Pkcs11.CKA_KEY_TYPE).orElse(-1L);
        try {
            if (type == Pkcs11.CKK_RSA) {
                return rsa(key, secrets);
            } else if (type == Pkcs11.CKK_EC) {
                return ec(key, secrets);
            } else if (type == Pkcs11.CKK_DSA) {
                return dsa(key, secrets);
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ArithmeticException e) {
            throw new NssDbException("private key " + Long.toHexString(key.id()) + " has invalid values", e);
        }
        throw new NssDbException("unsupported key type " + Long.toHexString(type) + " (only RSA, EC and DSA)");
    }

    /** The algorithm name of a key object ("rsa", "ec", "dsa", "dh" or "unknown"), as certutil -K prints it. */
    public static String typeName(StoredObject key) {
        long type = key.ulong(Pkcs11.CKA_KEY_TYPE).orElse(-1L);
        if (type == Pkcs11.CKK_RSA) {
            return "rsa";
        } else if (type == Pkcs11.CKK_EC) {
            return "ec";
        } else if (type == Pkcs11.CKK_DSA) {
            return "dsa";
        } else if (type == Pkcs11.CKK_DH) {
            return "dh";
        }
        return "unknown";
    }

    private static KeyPair rsa(StoredObject key, Secrets s) throws GeneralSecurityException {
        BigInteger n = required(key.unsigned(Pkcs11.CKA_MODULUS), "modulus");
        BigInteger e = required(key.unsigned(Pkcs11.CKA_PUBLIC_EXPONENT), "public exponent");
        KeyFactory kf = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(n, e, secret(s, Pkcs11.CKA_PRIVATE_EXPONENT),
                secret(s, Pkcs11.CKA_PRIME_1), secret(s, Pkcs11.CKA_PRIME_2), secret(s, Pkcs11.CKA_EXPONENT_1),
                secret(s, Pkcs11.CKA_EXPONENT_2), secret(s, Pkcs11.CKA_COEFFICIENT));
        if (!spec.getPrimeP().multiply(spec.getPrimeQ()).equals(n)) {
            throw new NssDbException("RSA key " + Long.toHexString(key.id()) + ": p*q is not the modulus");
        }
        return new KeyPair(kf.generatePublic(new RSAPublicKeySpec(n, e)), kf.generatePrivate(spec));
    }

    private static KeyPair ec(StoredObject key, Secrets s) throws GeneralSecurityException {
        ECParameterSpec params = curve(key.raw(Pkcs11.CKA_EC_PARAMS));
        BigInteger d = secret(s, Pkcs11.CKA_VALUE);
        if (d.signum() <= 0 || d.compareTo(params.getOrder()) >= 0) {
            throw new NssDbException("EC key " + Long.toHexString(key.id()) + ": private value out of range");
        }
        KeyFactory kf = KeyFactory.getInstance("EC");
        ECPoint w = EcMath.multiply(params, d);
        ECPublicKey pub = (ECPublicKey) kf.generatePublic(new ECPublicKeySpec(w, params));
        return new KeyPair(pub, kf.generatePrivate(new ECPrivateKeySpec(d, params)));
    }

    private static KeyPair dsa(StoredObject key, Secrets s) throws GeneralSecurityException {
        BigInteger p = required(key.unsigned(Pkcs11.CKA_PRIME), "prime");
        BigInteger q = required(key.unsigned(Pkcs11.CKA_SUBPRIME), "subprime");
        BigInteger g = required(key.unsigned(Pkcs11.CKA_BASE), "base");
        BigInteger x = secret(s, Pkcs11.CKA_VALUE);
        KeyFactory kf = KeyFactory.getInstance("DSA");
        BigInteger y = g.modPow(x, p);
        return new KeyPair(kf.generatePublic(new DSAPublicKeySpec(y, p, q, g)),
                kf.generatePrivate(new DSAPrivateKeySpec(x, p, q, g)));
    }

    /** The JCA parameters of a named curve given as a DER OID (CKA_EC_PARAMS). */
    public static ECParameterSpec curve(byte[] ecParams) {
        if (ecParams == null || ecParams.length == 0) {
            throw new NssDbException("EC key has no curve parameters");
        }
        if (!(Der.parse(ecParams, "EC parameters") instanceof ASN1ObjectIdentifier oid)) {
            throw new NssDbException("EC key with explicit curve parameters (only named curves are supported)");
        }
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(oid.getId()));
            return ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            X9ECParameters x9 = ECNamedCurveTable.getByOID(oid);
            if (x9 == null || !(x9.getCurve().getField().getDimension() == 1)) {
                throw new NssDbException("unsupported EC curve " + oid.getId(), e);
            }
            EllipticCurve curve = new EllipticCurve(new ECFieldFp(x9.getCurve().getField().getCharacteristic()),
                    x9.getCurve().getA().toBigInteger(), x9.getCurve().getB().toBigInteger());
            org.bouncycastle.math.ec.ECPoint g = x9.getG().normalize();
            return new ECParameterSpec(curve, new ECPoint(g.getAffineXCoord().toBigInteger(),
                    g.getAffineYCoord().toBigInteger()), x9.getN(), x9.getH().intValueExact());
        }
    }

    /** The raw public value NSS hashes into CKA_ID: the RSA modulus, or {@code 04‖X‖Y} for EC. */
    public static byte[] publicValue(KeyPair pair) {
        if (pair.getPublic() instanceof java.security.interfaces.RSAPublicKey r) {
            return unsignedBytes(r.getModulus());
        }
        if (pair.getPublic() instanceof ECPublicKey ec) {
            int len = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            byte[] out = new byte[1 + 2 * len];
            out[0] = 4;
            byte[] x = unsignedBytes(ec.getW().getAffineX());
            byte[] y = unsignedBytes(ec.getW().getAffineY());
            System.arraycopy(x, 0, out, 1 + len - x.length, x.length);
            System.arraycopy(y, 0, out, 1 + 2 * len - y.length, y.length);
            return out;
        }
        if (pair.getPublic() instanceof java.security.interfaces.DSAPublicKey d) {
            return unsignedBytes(d.getY());
        }
        return new byte[0];
    }

    static byte[] unsignedBytes(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static BigInteger secret(Secrets s, long type) {
        byte[] v = s.get(type);
        if (v == null || v.length == 0) {
            throw new NssDbException("private key attribute " + Long.toHexString(type) + " is missing");
        }
        return new BigInteger(1, v);
    }

    private static BigInteger required(BigInteger v, String what) {
        if (v == null) {
            throw new NssDbException("key has no " + what);
        }
        return v;
    }
}
