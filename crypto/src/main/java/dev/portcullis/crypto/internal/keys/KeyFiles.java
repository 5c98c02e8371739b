package dev.portcullis.crypto.internal.keys;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;

/**
 * The work behind {@code Crypto.loadPrivateKey/dumpPrivateKey/loadPublicKey/dumpPublicKey}: choosing the PEM
 * block, decrypting, decoding and encoding. Argument checks with pyOpenSSL's messages happen in {@code Crypto}.
 */
public final class KeyFiles {
    private static final List<String> PUBLIC_LABELS = List.of("PUBLIC KEY");

    private KeyFiles() {
    }

    /** A private key from PEM: the first private-key block, decrypted with the passphrase when encrypted. */
    public static PKey loadPem(byte[] pem, Passphrase passphrase) {
        PemBlocks.Block block = PemBlocks.first(pem, PrivateKeyDecoder.PEM_LABELS);
        PrivateKeyInfo info;
        if (block.label().equals("ENCRYPTED PRIVATE KEY")) {
            EncryptedPrivateKeyInfo encrypted;
            try {
                encrypted = EncryptedPrivateKeyInfo.getInstance(PrivateKeyDecoder.sequence(block.der()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new CryptoException("asn1 encoding routines", "decode error", e);
            }
            byte[] decrypted = withContext(() -> PasswordBasedEncryption.decrypt(encrypted, need(passphrase)),
                    "PKCS12 routines", "pkcs12 cipherfinal error");
            info = PrivateKeyDecoder.fromLabel("PRIVATE KEY", decrypted);
        } else if (TraditionalPemEncryption.isEncrypted(block.headers())) {
            byte[] decrypted = withContext(
                    () -> TraditionalPemEncryption.decrypt(block.headers(), block.der(), need(passphrase)),
                    "PEM routines", "bad decrypt");
            info = PrivateKeyDecoder.fromLabel(block.label(), decrypted);
        } else {
            info = PrivateKeyDecoder.fromLabel(block.label(), block.der());
        }
        return toPKey(info);
    }

    /** A private key from DER of any shape OpenSSL auto-detects. */
    public static PKey loadDer(byte[] der) {
        return toPKey(PrivateKeyDecoder.fromDer(der));
    }

    /** A public-only key from SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}) or DER. */
    public static PKey loadPublic(int type, byte[] buffer) {
        byte[] der = type == Crypto.FILETYPE_PEM ? PemBlocks.first(buffer, PUBLIC_LABELS).der() : buffer;
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(PrivateKeyDecoder.sequence(der));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CryptoException("asn1 encoding routines", "decode error", e);
        }
        return PKey.fromJavaKey(KeyPairs.publicKey(spki));
    }

    /** The SubjectPublicKeyInfo of a key (its public half) as PEM or DER. */
    public static byte[] dumpPublic(int type, PKey key) {
        byte[] der = key.toJavaPublicKey().getEncoded();
        return type == Crypto.FILETYPE_PEM ? PemBlocks.write("PUBLIC KEY", der) : der;
    }

    /** PKCS#8 PEM, encrypted with PBES2 when a cipher is given. */
    public static byte[] dumpPem(PKey key, PemCiphers.Spec cipher, Passphrase passphrase) {
        byte[] pkcs8 = pkcs8Der(key);
        if (cipher == null) {
            return PemBlocks.write("PRIVATE KEY", pkcs8);
        }
        byte[] secret = passphrase.get(true);
        try {
            return PemBlocks.write("ENCRYPTED PRIVATE KEY", PasswordBasedEncryption.encrypt(pkcs8, secret, cipher));
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
            java.util.Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Traditional DER (PKCS#1, SEC1, OpenSSL DSA; PKCS#8 for keys without a traditional form). */
    public static byte[] dumpDer(PKey key) {
        PrivateKey priv = privateOf(key);
        return PrivateKeyEncodings.traditional(KeyKind.byOpenSslId(key.type()), priv, key.toJavaPublicKey());
    }

    /** The PKCS#8 DER OpenSSL writes for this key. */
    public static byte[] pkcs8Der(PKey key) {
        PrivateKey priv = privateOf(key);
        try {
            return PrivateKeyEncodings.pkcs8(KeyKind.byOpenSslId(key.type()), priv, key.toJavaPublicKey()).getEncoded("DER");
        } catch (IOException e) {
            throw new CryptoException("asn1 encoding routines", "encode error", e);
        }
    }

    /**
     * {@code openssl pkey -text -noout} for this private key, or {@code null} for kinds not printed (see
     * {@link KeyText#pkeyText}).
     */
    public static String pkeyText(PKey key) {
        PrivateKey priv = privateOf(key);
        return KeyText.pkeyText(KeyKind.byOpenSslId(key.type()), priv, key.toJavaPublicKey());
    }

    private static PrivateKey privateOf(PKey key) {
        if (key.type() == 0) {
            throw new CryptoException(List.of());
        }
        if (!key.hasPrivateKey()) {
            throw new CryptoException("asn1 encoding routines", "missing private key");
        }
        return key.toJavaPrivateKey();
    }

    /**
     * Runs a decryption; a padding failure gets the second error entry OpenSSL 3.0 queues on that path (what
     * pyOpenSSL 23 printed for a wrong passphrase).
     */
    private static byte[] withContext(java.util.function.Supplier<byte[]> decryption, String library, String reason) {
        try {
            return decryption.get();
        } catch (CryptoException e) {
            if (e.errors().size() != 1 || !e.errors().get(0).reason().equals("bad decrypt")) {
                throw e;
            }
            List<CryptoException.Entry> entries = new java.util.ArrayList<>(e.errors());
            entries.add(new CryptoException.Entry(library, "", reason));
            throw new CryptoException(entries, e.getCause());
        }
    }

    private static byte[] need(Passphrase passphrase) {
        if (passphrase == null) {
            throw new CryptoException("PEM routines", "bad password read");
        }
        return passphrase.get(false);
    }

    private static PKey toPKey(PrivateKeyInfo info) {
        PrivateKey priv = KeyPairs.privateKey(info);
        PublicKey pub = KeyPairs.publicKeyOf(info);
        return PKey.fromJavaKeyPair(new KeyPair(pub, priv));
    }
}
