package dev.portcullis.crypto.internal.keys;

import dev.portcullis.crypto.PassphraseCallback;

/**
 * A passphrase given as bytes or as a callback, fetched only when a key is actually encrypted or decrypted,
 * with pyOpenSSL's checks on the result ({@code _PassphraseHelper}).
 */
public final class Passphrase {
    /** OpenSSL's {@code PEM_BUFSIZE}: the longest passphrase a callback may return. */
    public static final int MAX_LENGTH = 1024;

    private final PassphraseCallback callback;

    private Passphrase(PassphraseCallback callback) {
        this.callback = callback;
    }

    /** A fixed passphrase ({@code null} for none). */
    public static Passphrase of(byte[] passphrase) {
        if (passphrase == null) {
            return null;
        }
        byte[] copy = passphrase.clone();
        return new Passphrase(writing -> copy);
    }

    /** A passphrase from a callback ({@code null} for none). */
    public static Passphrase of(PassphraseCallback callback) {
        return callback == null ? null : new Passphrase(callback);
    }

    /**
     * The passphrase bytes; exceptions from the callback propagate unchanged.
     *
     * @param writing {@code true} when encrypting (dumping), {@code false} when decrypting (loading)
     * @throws IllegalArgumentException "Bytes expected" for a {@code null} result, "passphrase returned by callback
     *     is too long" for more than 1024 bytes
     */
    public byte[] get(boolean writing) {
        byte[] result = callback.passphrase(writing);
        if (result == null) {
            throw new IllegalArgumentException("Bytes expected");
        }
        if (result.length > MAX_LENGTH) {
            throw new IllegalArgumentException("passphrase returned by callback is too long");
        }
        return result.clone();
    }
}
