package dev.portcullis.crypto.internal.pkcs12;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;

/**
 * PBKDF2 (RFC 8018 §5.2) over the JDK's HMAC, whose SHA-1 and SHA-2 run on CPU intrinsics: the iteration loop is
 * most of the cost of writing and reading a modern PKCS#12 file.
 */
final class Pbkdf2 {
    private Pbkdf2() {
    }

    /** {@code keyLength} bytes derived from {@code password} (raw bytes, possibly empty) and {@code salt}. */
    static byte[] derive(byte[] password, byte[] salt, int iterations, int keyLength, DigestAlgorithm prf) {
        Mac mac = hmac(prf, password);
        int hashLength = mac.getMacLength();
        byte[] out = new byte[keyLength];
        byte[] u = new byte[hashLength];
        byte[] t = new byte[hashLength];
        try {
            for (int block = 1, offset = 0; offset < keyLength; block++, offset += hashLength) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                        (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, hashLength);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < hashLength; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(hashLength, keyLength - offset));
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
        return out;
    }

    /**
     * A JDK HMAC keyed with {@code key}. An empty key is given as one zero byte, which HMAC pads to the same
     * all-zero block (RFC 2104 §2), because the JDK's key class refuses empty keys.
     */
    static Mac hmac(DigestAlgorithm digest, byte[] key) {
        String name = "Hmac" + jdkName(digest);
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, name));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("evp routines", "unsupported prf " + digest.name(), e);
        }
    }

    private static String jdkName(DigestAlgorithm digest) {
        switch (digest.name()) {
            case "sha1": return "SHA1";
            case "sha224": return "SHA224";
            case "sha256": return "SHA256";
            case "sha384": return "SHA384";
            case "sha512": return "SHA512";
            case "sha512-224": return "SHA512/224";
            case "sha512-256": return "SHA512/256";
            case "sha3-224": return "SHA3-224";
            case "sha3-256": return "SHA3-256";
            case "sha3-384": return "SHA3-384";
            case "sha3-512": return "SHA3-512";
            case "md5": return "MD5";
            default: throw new CryptoException("evp routines", "unsupported prf " + digest.name());
        }
    }
}
