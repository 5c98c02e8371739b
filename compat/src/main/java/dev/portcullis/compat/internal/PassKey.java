package dev.portcullis.compat.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The key NSS derives from the database password ({@code sftkpwd.c sftkdb_passwordToKey}, nssdb-format.md
 * §7.3): a hash of the global salt followed by the password's UTF-8 bytes — SHA-1, or SHA-384 when the salt is
 * 48 bytes (written by NSS 3.118 and later). It is used as raw binary bytes, never as text.
 */
public final class PassKey {
    private PassKey() {
    }

    /** The pass key for {@code password} (not modified) and {@code globalSalt}. */
    public static byte[] derive(byte[] globalSalt, char[] password) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = new byte[utf8.remaining()];
        utf8.get(pw);
        if (utf8.hasArray()) {
            Arrays.fill(utf8.array(), (byte) 0);
        }
        try {
            MessageDigest md = MessageDigest.getInstance(globalSalt.length == 48 ? "SHA-384" : "SHA-1");
            md.update(globalSalt);
            md.update(pw);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }
}
