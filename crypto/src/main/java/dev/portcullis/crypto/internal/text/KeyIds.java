package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA1Digest;

/** RFC 5280 §4.2.1.2 method (1) key identifiers: SHA-1 of the subjectPublicKey BIT STRING's bytes. */
final class KeyIds {
    private KeyIds() {
    }

    static byte[] sha1(SubjectPublicKeyInfo key) {
        byte[] bits = key.getPublicKeyData().getBytes();
        SHA1Digest digest = new SHA1Digest();
        digest.update(bits, 0, bits.length);
        byte[] out = new byte[20];
        digest.doFinal(out, 0);
        return out;
    }
}
