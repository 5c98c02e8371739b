package dev.portcullis.crypto.internal.keys;

import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

import javax.crypto.interfaces.DHKey;

/** Key sizes as OpenSSL's {@code EVP_PKEY_get_bits} reports them. */
public final class KeySizes {
    private KeySizes() {
    }

    /**
     * The size in bits: the RSA modulus, the DSA/DH prime p, the order of an EC group (as OpenSSL's
     * {@code EC_GROUP_order_bits}), and OpenSSL's fixed figures for the RFC 8410 keys (Ed25519 256, Ed448 456,
     * X25519 253, X448 448).
     */
    public static int bits(KeyKind kind, PublicKey key) {
        switch (kind) {
            case ED25519:
                return 256;
            case ED448:
                return 456;
            case X25519:
                return 253;
            case X448:
                return 448;
            default:
                break;
        }
        if (key instanceof RSAKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof DSAKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        if (key instanceof ECKey ec) {
            return ec.getParams().getOrder().bitLength();
        }
        if (key instanceof DHKey dh) {
            return dh.getParams().getP().bitLength();
        }
        return 0;
    }
}
