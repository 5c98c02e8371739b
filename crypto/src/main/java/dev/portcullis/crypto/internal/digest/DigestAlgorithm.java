package dev.portcullis.crypto.internal.digest;

import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;

/**
 * One message digest as OpenSSL names it.
 *
 * @param name OpenSSL's canonical short name, lower case ({@code sha256}, {@code sha512-224}, {@code md5-sha1})
 * @param oid the digest's OID, or {@code null} for {@code md5-sha1}, which has none
 * @param size the output length in bytes
 * @param engine makes a fresh digest engine
 */
public record DigestAlgorithm(String name, ASN1ObjectIdentifier oid, int size, Supplier<Digest> engine) {

    /** A fresh, independent digest engine. */
    public Digest newDigest() {
        return engine.get();
    }

    /** The digest of {@code data}. */
    public byte[] hash(byte[] data) {
        Digest digest = engine.get();
        digest.update(data, 0, data.length);
        byte[] out = new byte[size];
        digest.doFinal(out, 0);
        return out;
    }

    /**
     * The AlgorithmIdentifier of this digest as PKCS#1's DigestInfo carries it (parameters NULL, RFC 8017 §9.2).
     *
     * @throws IllegalStateException for {@code md5-sha1}, which has no OID
     */
    public AlgorithmIdentifier identifierWithNullParameters() {
        if (oid == null) {
            throw new IllegalStateException(name + " has no object identifier");
        }
        return new AlgorithmIdentifier(oid, DERNull.INSTANCE);
    }

    @Override
    public String toString() {
        return name;
    }
}
