package dev.portcullis.compat.internal;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 §5.2) over the JDK's HMAC, whose SHA-2 cores are intrinsified, with a binary password: NSS
 * feeds it the raw pass-key bytes, which the JCE's {@code PBKDF2WithHmac*} (characters only) cannot take.
 */
final class Pbkdf2 {
    private Pbkdf2() {
    }

    /**
     * @param hmac a JCA Mac name: HmacSHA1, HmacSHA256, HmacSHA384 or HmacSHA512
     */
    static byte[] derive(String hmac, byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = Mac.getInstance(hmac);
            // SecretKeySpec refuses an empty key; HMAC pads keys with zero bytes, so one zero byte is the same key
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, hmac));
            int hLen = mac.getMacLength();
            byte[] out = new byte[length];
            byte[] u = new byte[hLen];
            byte[] t = new byte[hLen];
            for (int block = 1, off = 0; off < length; block++, off += hLen) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                    (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, hLen);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < hLen; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, off, Math.min(hLen, length - off));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + hmac, e);
        }
    }
}
