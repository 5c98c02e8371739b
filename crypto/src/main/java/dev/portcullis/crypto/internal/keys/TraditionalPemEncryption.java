package dev.portcullis.crypto.internal.keys;

import java.util.Arrays;
import java.util.Map;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.util.encoders.Hex;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Digests;

/**
 * The legacy OpenSSL encryption of a traditional PEM key (RFC 1421 headers {@code Proc-Type: 4,ENCRYPTED} and
 * {@code DEK-Info: AES-256-CBC,<hex IV>}): the key is OpenSSL's {@code EVP_BytesToKey} with MD5, one iteration and
 * the first 8 bytes of the IV as salt, then the named cipher in CBC mode.
 */
public final class TraditionalPemEncryption {
    private TraditionalPemEncryption() {
    }

    /** True when the headers mark the block as encrypted. */
    public static boolean isEncrypted(Map<String, String> headers) {
        String procType = headers.get("Proc-Type");
        return procType != null && procType.replace(" ", "").equalsIgnoreCase("4,ENCRYPTED");
    }

    /** Decrypts the body of an encrypted traditional PEM block. */
    public static byte[] decrypt(Map<String, String> headers, byte[] body, byte[] passphrase) {
        String dekInfo = headers.get("DEK-Info");
        if (dekInfo == null || dekInfo.indexOf(',') < 0) {
            throw new CryptoException("PEM routines", "not dek info");
        }
        int comma = dekInfo.indexOf(',');
        PemCiphers.Spec cipher = PemCiphers.byName(dekInfo.substring(0, comma).trim());
        if (cipher == null) {
            throw new CryptoException("PEM routines", "unsupported encryption");
        }
        byte[] iv;
        try {
            iv = Hex.decode(dekInfo.substring(comma + 1).trim());
        } catch (RuntimeException e) {
            throw new CryptoException("PEM routines", "bad iv chars", e);
        }
        if (iv.length != cipher.ivLength()) {
            throw new CryptoException("PEM routines", "bad iv chars");
        }
        byte[] key = bytesToKey(passphrase, Arrays.copyOf(iv, 8), cipher.keyLength());
        try {
            return cipher.run(false, key, iv, body);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** OpenSSL's {@code EVP_BytesToKey(cipher, md5, salt, pass, 1)}: D_i = MD5(D_{i-1} ‖ pass ‖ salt). */
    private static byte[] bytesToKey(byte[] passphrase, byte[] salt, int keyLength) {
        Digest md5 = Digests.MD5.newDigest();
        byte[] key = new byte[keyLength];
        byte[] block = new byte[md5.getDigestSize()];
        int filled = 0;
        boolean first = true;
        while (filled < keyLength) {
            if (!first) {
                md5.update(block, 0, block.length);
            }
            md5.update(passphrase, 0, passphrase.length);
            md5.update(salt, 0, salt.length);
            md5.doFinal(block, 0);
            int n = Math.min(block.length, keyLength - filled);
            System.arraycopy(block, 0, key, filled, n);
            filled += n;
            first = false;
        }
        Arrays.fill(block, (byte) 0);
        return key;
    }
}
