package dev.portcullis.crypto.internal.pkcs12;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKCS12Profile;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.keys.PasswordBasedEncryption;
import dev.portcullis.crypto.internal.keys.PemCiphers;
import dev.portcullis.rand.Rand;

/**
 * Password-based encryption of PKCS#12 bags: the PKCS#12 PBE schemes (RFC 7292 appendix C: SHA-1 with 3-key or
 * 2-key 3DES, RC2 and RC4 at 128 and 40 bits) both ways, PBES2 (RFC 8018: PBKDF2-HMAC-SHA256 with AES-CBC) for
 * writing, and, for reading, everything the key loader's {@link PasswordBasedEncryption} knows (PBES2 with any PRF
 * or scrypt, PKCS#5 v1 PBES1).
 *
 * <p>The PKCS#12 schemes are done here rather than there because they must tell an absent password from an
 * empty one ({@link Pkcs12Password}). Every derivation is charged to a {@link WorkBudget} before it runs.
 */
public final class PbeCiphers {
    private static final String PKCS12_PBE = "1.2.840.113549.1.12.1.";
    private static final int PKCS12_SALT_LENGTH = 8;
    private static final int PBES2_SALT_LENGTH = 16;
    /** The PKCS#5 v1 schemes the key loader decrypts: MD5 or SHA-1 with DES or RC2 (not the MD2 ones). */
    private static final java.util.Set<String> PBES1 = java.util.Set.of("1.2.840.113549.1.5.3",
            "1.2.840.113549.1.5.6", "1.2.840.113549.1.5.10", "1.2.840.113549.1.5.11");

    private PbeCiphers() {
    }

    /** One PKCS#12 PBE scheme: cipher, key and IV sizes. */
    private record Pkcs12Scheme(String oidSuffix, String cipher, int keyBits, int ivBits) {
        ASN1ObjectIdentifier oid() {
            return new ASN1ObjectIdentifier(PKCS12_PBE + oidSuffix);
        }
    }

    private static final List<Pkcs12Scheme> PKCS12_SCHEMES = List.of(
            new Pkcs12Scheme("1", "rc4", 128, 0),
            new Pkcs12Scheme("2", "rc4", 40, 0),
            new Pkcs12Scheme("3", "3des", 192, 64),
            new Pkcs12Scheme("4", "3des", 128, 64),
            new Pkcs12Scheme("5", "rc2", 128, 64),
            new Pkcs12Scheme("6", "rc2", 40, 64));

    /** An encryption result: the AlgorithmIdentifier element and the ciphertext. */
    public record Encrypted(byte[] algorithm, byte[] ciphertext) {
    }

    /**
     * Encrypts {@code data} with {@code encryption} under {@code password}, deriving the key with
     * {@code iterations} iterations (a fresh random salt, and IV where the scheme has one).
     */
    public static Encrypted encrypt(PKCS12Profile.Encryption encryption, byte[] data, Pkcs12Password password,
            int iterations) {
        switch (encryption) {
            case AES_256_CBC:
                return pbes2(data, password, iterations, "aes-256-cbc");
            case AES_128_CBC:
                return pbes2(data, password, iterations, "aes-128-cbc");
            case PBE_SHA1_3DES:
                return pkcs12(PKCS12_SCHEMES.get(2), data, password, iterations);
            case PBE_SHA1_RC2_40:
                return pkcs12(PKCS12_SCHEMES.get(5), data, password, iterations);
            case PBE_SHA1_RC2_128:
                return pkcs12(PKCS12_SCHEMES.get(4), data, password, iterations);
            default:
                throw new IllegalArgumentException("no encryption scheme for " + encryption);
        }
    }

    private static Encrypted pkcs12(Pkcs12Scheme scheme, byte[] data, Pkcs12Password password, int iterations) {
        byte[] salt = random(PKCS12_SALT_LENGTH);
        ParametersWithIV params = Pkcs12Kdf.keyAndIv(Digests.SHA1, password.bmp(), salt, iterations,
                scheme.keyBits(), scheme.ivBits());
        byte[] algorithm = Der.tlv(Der.SEQUENCE, Der.oid(scheme.oid()),
                Der.tlv(Der.SEQUENCE, Der.tlv(Der.OCTET_STRING, salt), Der.integer(BigInteger.valueOf(iterations))));
        return new Encrypted(algorithm, run(true, scheme, params, data));
    }

    private static Encrypted pbes2(byte[] data, Pkcs12Password password, int iterations, String cipherName) {
        PemCiphers.Spec cipher = PemCiphers.byName(cipherName);
        byte[] salt = random(PBES2_SALT_LENGTH);
        byte[] iv = random(cipher.ivLength());
        byte[] key = Pbkdf2.derive(password.raw(), salt, iterations, cipher.keyLength(), Digests.SHA256);
        byte[] ciphertext;
        try {
            ciphertext = cipher.run(true, key, iv, data);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        byte[] prf = Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.id_hmacWithSHA256), Der.tlv(Der.NULL));
        byte[] kdf = Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.id_PBKDF2), Der.tlv(Der.SEQUENCE,
                Der.tlv(Der.OCTET_STRING, salt), Der.integer(BigInteger.valueOf(iterations)), prf));
        byte[] scheme = Der.tlv(Der.SEQUENCE, Der.oid(cipher.oid()), Der.tlv(Der.OCTET_STRING, iv));
        byte[] algorithm = Der.tlv(Der.SEQUENCE, Der.oid(PKCSObjectIdentifiers.id_PBES2),
                Der.tlv(Der.SEQUENCE, kdf, scheme));
        return new Encrypted(algorithm, ciphertext);
    }

    /**
     * Decrypts {@code ciphertext} encrypted under {@code algorithm} with {@code password}.
     *
     * @throws CryptoException {@code ('evp routines', '', 'unsupported algorithm')} naming nothing secret for an
     *     unknown scheme, {@code ('Provider routines', '', 'bad decrypt')} for a wrong password or damaged data,
     *     and the {@link WorkBudget} errors for excessive iteration counts
     */
    public static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] ciphertext, Pkcs12Password password,
            WorkBudget budget) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        try {
            if (oid.getId().startsWith(PKCS12_PBE)) {
                Pkcs12Scheme scheme = PKCS12_SCHEMES.stream()
                        .filter(s -> oid.getId().equals(PKCS12_PBE + s.oidSuffix())).findFirst()
                        .orElseThrow(() -> unsupported(oid));
                PKCS12PBEParams p = PKCS12PBEParams.getInstance(parameters);
                int iterations = budget.chargeIterations(p.getIterations());
                ParametersWithIV params = Pkcs12Kdf.keyAndIv(Digests.SHA1, password.bmp(), p.getIV(), iterations,
                        scheme.keyBits(), scheme.ivBits());
                return run(false, scheme, params, ciphertext);
            }
            if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
                PBES2Parameters p = PBES2Parameters.getInstance(parameters);
                if (p.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                    budget.chargeIterations(PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters())
                            .getIterationCount());
                }
            } else if (PBES1.contains(oid.getId())) {
                budget.chargeIterations(PBEParameter.getInstance(parameters).getIterationCount());
            } else {
                throw unsupported(oid);
            }
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | ClassCastException e) {
            throw new CryptoException("asn1 encoding routines", "decode error", e);
        }
        return PasswordBasedEncryption.decrypt(new EncryptedPrivateKeyInfo(algorithm, ciphertext), password.raw());
    }

    private static byte[] run(boolean encrypt, Pkcs12Scheme scheme, ParametersWithIV derived, byte[] data) {
        byte[] key = ((KeyParameter) derived.getParameters()).getKey();
        try {
            switch (scheme.cipher()) {
                case "rc4": {
                    RC4Engine rc4 = new RC4Engine();
                    rc4.init(encrypt, new KeyParameter(key));
                    byte[] out = new byte[data.length];
                    rc4.processBytes(data, 0, data.length, out, 0);
                    return out;
                }
                case "rc2":
                    return cbc(encrypt, new RC2Engine(),
                            new ParametersWithIV(new RC2Parameters(key, scheme.keyBits()), derived.getIV()), data);
                default:
                    return cbc(encrypt, new DESedeEngine(), derived, data);
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] cbc(boolean encrypt, BlockCipher engine, CipherParameters params, byte[] data) {
        BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine));
        try {
            cipher.init(encrypt, params);
            byte[] out = new byte[cipher.getOutputSize(data.length)];
            int n = cipher.processBytes(data, 0, data.length, out, 0);
            n += cipher.doFinal(out, n);
            return n == out.length ? out : Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("Provider routines", "", "bad decrypt")), e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        Rand.secureRandom().nextBytes(bytes);
        return bytes;
    }

    private static CryptoException unsupported(ASN1ObjectIdentifier oid) {
        return new CryptoException(List.of(new CryptoException.Entry("evp routines", "",
                "unsupported algorithm " + dev.portcullis.crypto.internal.ObjectNames.text(oid))));
    }
}
