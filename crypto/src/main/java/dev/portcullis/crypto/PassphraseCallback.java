package dev.portcullis.crypto;

/**
 * Supplies the passphrase of an encrypted private key when it is needed (pyOpenSSL's callable
 * {@code passphrase} argument of {@code load_privatekey} / {@code dump_privatekey}).
 *
 * <p>It is called once, and only when a passphrase is actually needed: loading a key that is not encrypted never
 * calls it, nor does dumping without a cipher. The result is used in full, byte for byte (a NUL inside counts),
 * and may be at most 1024 bytes, as in OpenSSL's {@code PEM_BUFSIZE}. Any exception the callback throws reaches
 * the caller of {@link Crypto#loadPrivateKey} / {@link Crypto#dumpPrivateKey} unchanged.
 *
 * <pre>{@code
 * PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, writing -> "secret".getBytes(UTF_8));
 * }</pre>
 */
@FunctionalInterface
public interface PassphraseCallback {
    /**
     * Returns the passphrase.
     *
     * @param writing OpenSSL's {@code rwflag}: {@code false} when a key is being decrypted (loading), {@code true}
     *     when one is being encrypted (dumping), where an interactive program would ask twice
     * @return the passphrase bytes, at most 1024 of them; not {@code null}
     */
    byte[] passphrase(boolean writing);
}
