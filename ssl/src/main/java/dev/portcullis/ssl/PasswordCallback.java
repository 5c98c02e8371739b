package dev.portcullis.ssl;

/**
 * pyOpenSSL's passphrase callback, {@code callback(maxlen, verify, userdata)}, given to {@link Context#setPasswdCb}:
 * supplies the passphrase of an encrypted private key file read by {@link Context#usePrivateKeyFile}.
 *
 * <p>Return the passphrase bytes; a result longer than {@code maxLength} (1024) is truncated, as OpenSSL does. The
 * returned array is cleared after use.
 */
@FunctionalInterface
public interface PasswordCallback {
    /**
     * @param maxLength the longest passphrase accepted (1024)
     * @param verify whether the passphrase is being set (and should be asked twice); always false when reading
     * @param userData the object given to {@link Context#setPasswdCb}
     */
    byte[] passphrase(int maxLength, boolean verify, Object userData);
}
