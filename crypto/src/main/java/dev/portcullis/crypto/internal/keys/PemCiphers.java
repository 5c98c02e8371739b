package dev.portcullis.crypto.internal.keys;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.ARIAEngine;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.SEEDEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

import dev.portcullis.crypto.CryptoException;

/**
 * The CBC ciphers OpenSSL uses to protect private keys, by OpenSSL name (case-insensitive, with OpenSSL's
 * aliases such as {@code aes256}, {@code des3}, {@code blowfish}) and by PBES2 OID: AES, Triple-DES, DES,
 * Blowfish, Camellia, ARIA, SEED and SM4, each in CBC mode with PKCS#7 padding.
 */
public final class PemCiphers {
    /** One cipher: its OpenSSL name, OID, key and IV lengths in bytes, and block engine. */
    public record Spec(String name, ASN1ObjectIdentifier oid, int keyLength, int ivLength,
            Supplier<BlockCipher> engine) {

        /** Encrypts or decrypts {@code data}; a padding failure on decryption is OpenSSL's {@code bad decrypt}. */
        public byte[] run(boolean encrypt, byte[] key, byte[] iv, byte[] data) {
            BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine.get()));
            CipherParameters params = new ParametersWithIV(new KeyParameter(key), iv);
            try {
                cipher.init(encrypt, params);
                byte[] out = new byte[cipher.getOutputSize(data.length)];
                int n = cipher.processBytes(data, 0, data.length, out, 0);
                n += cipher.doFinal(out, n);
                return n == out.length ? out : java.util.Arrays.copyOf(out, n);
            } catch (InvalidCipherTextException | RuntimeException e) {
                throw new CryptoException(List.of(new CryptoException.Entry("Provider routines", "", "bad decrypt")),
                        e);
            }
        }
    }

    private static final Map<String, Spec> BY_NAME = new HashMap<>();
    private static final Map<ASN1ObjectIdentifier, Spec> BY_OID = new HashMap<>();

    static {
        define("aes-128-cbc", "2.16.840.1.101.3.4.1.2", 16, 16, AESEngine::newInstance, "aes128");
        define("aes-192-cbc", "2.16.840.1.101.3.4.1.22", 24, 16, AESEngine::newInstance, "aes192");
        define("aes-256-cbc", "2.16.840.1.101.3.4.1.42", 32, 16, AESEngine::newInstance, "aes256");
        define("des-ede3-cbc", "1.2.840.113549.3.7", 24, 8, DESedeEngine::new, "des3");
        define("des-cbc", "1.3.14.3.2.7", 8, 8, DESEngine::new, "des");
        define("bf-cbc", "1.3.6.1.4.1.3029.1.2", 16, 8, BlowfishEngine::new, "bf", "blowfish");
        define("camellia-128-cbc", "1.2.392.200011.61.1.1.1.2", 16, 16, CamelliaEngine::new, "camellia128");
        define("camellia-192-cbc", "1.2.392.200011.61.1.1.1.3", 24, 16, CamelliaEngine::new, "camellia192");
        define("camellia-256-cbc", "1.2.392.200011.61.1.1.1.4", 32, 16, CamelliaEngine::new, "camellia256");
        define("aria-128-cbc", "1.2.410.200046.1.1.2", 16, 16, ARIAEngine::new, "aria128");
        define("aria-192-cbc", "1.2.410.200046.1.1.7", 24, 16, ARIAEngine::new, "aria192");
        define("aria-256-cbc", "1.2.410.200046.1.1.12", 32, 16, ARIAEngine::new, "aria256");
        define("seed-cbc", "1.2.410.200004.1.4", 16, 16, SEEDEngine::new, "seed");
        define("sm4-cbc", "1.2.156.10197.1.104.2", 16, 16, SM4Engine::new, "sm4");
    }

    private PemCiphers() {
    }

    /** The cipher OpenSSL calls {@code name} (case-insensitive), or {@code null}. */
    public static Spec byName(String name) {
        return name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** The cipher with this PBES2 encryption-scheme OID, or {@code null}. */
    public static Spec byOid(ASN1ObjectIdentifier oid) {
        return BY_OID.get(oid);
    }

    private static void define(String name, String oid, int keyLength, int ivLength, Supplier<BlockCipher> engine,
            String... aliases) {
        Spec spec = new Spec(name, new ASN1ObjectIdentifier(oid), keyLength, ivLength, engine);
        BY_NAME.put(name, spec);
        for (String alias : aliases) {
            BY_NAME.put(alias, spec);
        }
        BY_OID.put(spec.oid(), spec);
    }
}
