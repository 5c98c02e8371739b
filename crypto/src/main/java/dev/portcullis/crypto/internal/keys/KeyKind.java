package dev.portcullis.crypto.internal.keys;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import dev.portcullis.crypto.CryptoException;

/**
 * The asymmetric key algorithms Portcullis knows, each with OpenSSL's {@code EVP_PKEY_*} number (what
 * {@code PKey.type()} returns), the algorithm OID used in SubjectPublicKeyInfo / PKCS#8, and the JCA
 * algorithm name the Bouncy Castle provider's {@code KeyFactory} understands.
 */
public enum KeyKind {
    /** RSA (RFC 8017), {@code rsaEncryption}. */
    RSA(6, "1.2.840.113549.1.1.1", "RSA"),
    /** RSA restricted to RSASSA-PSS (RFC 4055), {@code id-RSASSA-PSS}. */
    RSA_PSS(912, "1.2.840.113549.1.1.10", "RSASSA-PSS"),
    /** DSA (FIPS 186), {@code id-dsa}. */
    DSA(116, "1.2.840.10040.4.1", "DSA"),
    /** Elliptic-curve keys (RFC 5480), {@code id-ecPublicKey}. */
    EC(408, "1.2.840.10045.2.1", "EC"),
    /** Ed25519 (RFC 8410). */
    ED25519(1087, "1.3.101.112", "Ed25519"),
    /** Ed448 (RFC 8410). */
    ED448(1088, "1.3.101.113", "Ed448"),
    /** X25519 (RFC 8410), key agreement only. */
    X25519(1034, "1.3.101.110", "X25519"),
    /** X448 (RFC 8410), key agreement only. */
    X448(1035, "1.3.101.111", "X448"),
    /** PKCS#3 Diffie-Hellman, {@code dhKeyAgreement}. */
    DH(28, "1.2.840.113549.1.3.1", "DH"),
    /** X9.42 Diffie-Hellman, {@code dhpublicnumber} (OpenSSL's {@code EVP_PKEY_DHX}). */
    DHX(920, "1.2.840.10046.2.1", "DH");

    private final int openSslId;
    private final ASN1ObjectIdentifier oid;
    private final String jcaName;

    KeyKind(int openSslId, String oid, String jcaName) {
        this.openSslId = openSslId;
        this.oid = new ASN1ObjectIdentifier(oid).intern();
        this.jcaName = jcaName;
    }

    /** OpenSSL's {@code EVP_PKEY_*} number for this algorithm. */
    public int openSslId() {
        return openSslId;
    }

    /** The algorithm OID of SubjectPublicKeyInfo and PKCS#8 encodings. */
    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The JCA algorithm name for Bouncy Castle's {@code KeyFactory}. */
    public String jcaName() {
        return jcaName;
    }

    /** True for the algorithms that sign without a separate digest (Ed25519, Ed448). */
    public boolean isEdwards() {
        return this == ED25519 || this == ED448;
    }

    /** The kind with OpenSSL's {@code EVP_PKEY_*} number {@code id} (what {@code PKey.type()} returns), or {@code null}. */
    public static KeyKind byOpenSslId(int id) {
        for (KeyKind kind : values()) {
            if (kind.openSslId == id) {
                return kind;
            }
        }
        return null;
    }

    /** The kind named by an algorithm identifier, or a {@link CryptoException} for one OpenSSL would not decode. */
    public static KeyKind of(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier id = algorithm.getAlgorithm();
        for (KeyKind kind : values()) {
            if (kind.oid.equals(id)) {
                return kind;
            }
        }
        throw new CryptoException("evp routines", "unsupported algorithm");
    }

    /** The kind of a JCA key, read from its standard encoding (SPKI for public, PKCS#8 for private keys). */
    public static KeyKind of(Key key) {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("key has no standard encoding: " + key.getAlgorithm());
        }
        try {
            if (key instanceof PublicKey) {
                return of(SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm());
            }
            if (key instanceof PrivateKey) {
                return of(PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm());
            }
        } catch (CryptoException e) {
            throw new IllegalArgumentException("Unsupported key type: " + key.getAlgorithm(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("key encoding is not valid: " + key.getAlgorithm(), e);
        }
        throw new IllegalArgumentException("Unsupported key type: " + key.getClass().getName());
    }
}
