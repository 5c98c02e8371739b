package dev.portcullis.crypto.internal.pkcs12;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;

/**
 * PBKDF2 (RFC 8018 §5.2) with HMAC (RFC 2104) over the JDK's message digests, whose SHA-1 and SHA-2 run on CPU
 * intrinsics. The iteration loop is most of the cost of writing and reading a password-protected key or PKCS#12
 * file, so the HMAC here hashes its padded key once: each iteration resumes from saved inner and outer digest
 * states (two compression calls per iteration instead of the four a re-keyed HMAC makes).
 */
public final class Pbkdf2 {
    private Pbkdf2() {
    }

    /**
     * {@code keyLength} bytes derived from {@code password} (raw bytes, possibly empty) and {@code salt} with
     * HMAC over {@code prf}.
     *
     * @throws CryptoException ({@code evp routines}, {@code unsupported prf …}) for a digest the JDK lacks
     */
    public static byte[] derive(byte[] password, byte[] salt, int iterations, int keyLength, DigestAlgorithm prf) {
        MessageDigest[] pads = pads(prf, password);
        MessageDigest inner = pads[0];
        MessageDigest outer = pads[1];
        int hashLength = inner.getDigestLength();
        byte[] out = new byte[keyLength];
        byte[] t = new byte[hashLength];
        for (int block = 1, offset = 0; offset < keyLength; block++, offset += hashLength) {
            MessageDigest first = copy(inner);
            first.update(salt);
            first.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] u = finish(outer, first.digest());
            System.arraycopy(u, 0, t, 0, hashLength);
            for (int i = 1; i < iterations; i++) {
                MessageDigest next = copy(inner);
                next.update(u);
                u = finish(outer, next.digest());
                for (int j = 0; j < hashLength; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, out, offset, Math.min(hashLength, keyLength - offset));
        }
        Arrays.fill(t, (byte) 0);
        return out;
    }

    /** The outer hash of HMAC: the saved outer state, fed the inner hash. */
    private static byte[] finish(MessageDigest outer, byte[] innerHash) {
        MessageDigest o = copy(outer);
        o.update(innerHash);
        return o.digest();
    }

    /** Digest states after hashing {@code key ⊕ ipad} and {@code key ⊕ opad} (RFC 2104 §2). */
    private static MessageDigest[] pads(DigestAlgorithm digest, byte[] key) {
        MessageDigest inner = newDigest(digest);
        int blockSize = blockSize(digest);
        byte[] k = key.length > blockSize ? inner.digest(key) : key;
        byte[] ipad = new byte[blockSize];
        byte[] opad = new byte[blockSize];
        for (int i = 0; i < blockSize; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        MessageDigest outer = newDigest(digest);
        inner.update(ipad);
        outer.update(opad);
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
        return new MessageDigest[] {inner, outer};
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + state.getAlgorithm() + " cannot be cloned", e);
        }
    }

    private static MessageDigest newDigest(DigestAlgorithm digest) {
        try {
            return MessageDigest.getInstance(jdkName(digest));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("evp routines", "unsupported prf " + digest.name(), e);
        }
    }

    /**
     * A one-shot JDK HMAC keyed with {@code key}. An empty key is given as one zero byte, which HMAC pads to the
     * same all-zero block (RFC 2104 §2), because the JDK's key class refuses empty keys.
     */
    static Mac hmac(DigestAlgorithm digest, byte[] key) {
        String name = "Hmac" + jdkName(digest).replace("-", "");
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("evp routines", "unsupported mac " + digest.name(), e);
        }
    }

    private static int blockSize(DigestAlgorithm digest) {
        switch (digest.name()) {
            case "sha384": case "sha512": case "sha512-224": case "sha512-256": return 128;
            case "sha3-224": return 144;
            case "sha3-256": return 136;
            case "sha3-384": return 104;
            case "sha3-512": return 72;
            default: return 64;
        }
    }

    private static String jdkName(DigestAlgorithm digest) {
        switch (digest.name()) {
            case "sha1": return "SHA-1";
            case "sha224": return "SHA-224";
            case "sha256": return "SHA-256";
            case "sha384": return "SHA-384";
            case "sha512": return "SHA-512";
            case "sha512-224": return "SHA-512/224";
            case "sha512-256": return "SHA-512/256";
            case "sha3-224": return "SHA3-224";
            case "sha3-256": return "SHA3-256";
            case "sha3-384": return "SHA3-384";
            case "sha3-512": return "SHA3-512";
            case "md5": return "MD5";
            default: throw new CryptoException("evp routines", "unsupported prf " + digest.name());
        }
    }
}
