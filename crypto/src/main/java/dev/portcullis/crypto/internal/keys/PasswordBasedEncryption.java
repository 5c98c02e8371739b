package dev.portcullis.crypto.internal.keys;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.digest.DigestAlgorithm;
import dev.portcullis.rand.Rand;

/**
 * PKCS#8 {@code EncryptedPrivateKeyInfo} (RFC 5958) with the password-based schemes OpenSSL reads: PBES2 (RFC 8018)
 * with PBKDF2 under any HMAC PRF or scrypt (RFC 7914), PBES1 (PKCS#5 v1: MD5/SHA-1 with DES or RC2) and the PKCS#12
 * PBE schemes (SHA-1 with 3DES, 2-key 3DES, RC2, RC4). The passphrase is used as the exact bytes given, as OpenSSL
 * does (a NUL inside counts); for PKCS#12 PBE it becomes a BMPString as OpenSSL's {@code OPENSSL_utf82uni} does.
 *
 * <p>Writing uses what OpenSSL 3.0's {@code PEM_write_bio_PKCS8PrivateKey} writes: PBES2, PBKDF2 with
 * hmacWithSHA256, an 8-byte salt, 2048 iterations, and the named CBC cipher with a random IV.
 */
public final class PasswordBasedEncryption {
    private static final int SALT_LENGTH = 8;
    private static final int ITERATIONS = 2048;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final long SCRYPT_MAX_MEMORY = 32L * 1024 * 1024;
    private static final ASN1ObjectIdentifier HMAC_BASE = new ASN1ObjectIdentifier("1.2.840.113549.2");

    private PasswordBasedEncryption() {
    }

    /** Encrypts a DER PrivateKeyInfo into a DER EncryptedPrivateKeyInfo with PBES2. */
    public static byte[] encrypt(byte[] privateKeyInfo, byte[] passphrase, PemCiphers.Spec cipher) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] iv = new byte[cipher.ivLength()];
        Rand.secureRandom().nextBytes(salt);
        Rand.secureRandom().nextBytes(iv);
        byte[] key = pbkdf2(passphrase, salt, ITERATIONS, cipher.keyLength(), Digests.SHA256);
        byte[] encrypted = cipher.run(true, key, iv, privateKeyInfo);
        Arrays.fill(key, (byte) 0);
        PBKDF2Params kdf = new PBKDF2Params(salt, ITERATIONS,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE));
        PBES2Parameters pbes2 = new PBES2Parameters(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdf),
                new EncryptionScheme(cipher.oid(), new DEROctetString(iv)));
        try {
            return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2),
                    encrypted).getEncoded("DER");
        } catch (IOException e) {
            throw new CryptoException("asn1 encoding routines", "encode error", e);
        }
    }

    /**
     * Decrypts an EncryptedPrivateKeyInfo, returning the DER PrivateKeyInfo inside.
     *
     * @throws CryptoException for an unsupported scheme or a wrong passphrase ({@code bad decrypt})
     */
    public static byte[] decrypt(EncryptedPrivateKeyInfo info, byte[] passphrase) {
        AlgorithmIdentifier scheme = info.getEncryptionAlgorithm();
        ASN1ObjectIdentifier oid = scheme.getAlgorithm();
        byte[] data = info.getEncryptedData();
        try {
            if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
                return decryptPbes2(PBES2Parameters.getInstance(scheme.getParameters()), passphrase, data);
            }
            if (oid.on(PKCSObjectIdentifiers.pkcs_12PbeIds)) {
                // One implementation of the PKCS#12 schemes, shared with the PKCS#12 reader (which also needs
                // OpenSSL's distinction between an absent and an empty password).
                return dev.portcullis.crypto.internal.pkcs12.PbeCiphers.decrypt(scheme, data,
                        dev.portcullis.crypto.internal.pkcs12.Pkcs12Password.of(passphrase),
                        new dev.portcullis.crypto.internal.pkcs12.WorkBudget());
            }
            if (oid.on(PKCSObjectIdentifiers.pkcs_5)) {
                return decryptPbes1(oid, PBEParameter.getInstance(scheme.getParameters()), passphrase, data);
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new CryptoException("asn1 encoding routines", "decode error", e);
        }
        throw unsupported();
    }

    private static byte[] decryptPbes2(PBES2Parameters params, byte[] passphrase, byte[] data) {
        EncryptionScheme scheme = params.getEncryptionScheme();
        PemCiphers.Spec cipher = PemCiphers.byOid(scheme.getAlgorithm());
        if (cipher == null || !(scheme.getParameters() instanceof ASN1OctetString ivString)) {
            throw unsupported();
        }
        byte[] iv = ivString.getOctets();
        if (iv.length != cipher.ivLength()) {
            throw new CryptoException("digital envelope routines", "invalid iv length");
        }
        KeyDerivationFunc kdf = params.getKeyDerivationFunc();
        byte[] key;
        if (kdf.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
            PBKDF2Params p = PBKDF2Params.getInstance(kdf.getParameters());
            key = pbkdf2(passphrase, p.getSalt(), iterations(p.getIterationCount()), keyLength(p.getKeyLength(), cipher),
                    prf(p.getPrf()));
        } else if (kdf.getAlgorithm().equals(MiscObjectIdentifiers.id_scrypt)) {
            ScryptParams p = ScryptParams.getInstance(kdf.getParameters());
            key = scrypt(passphrase, p, keyLength(p.getKeyLength(), cipher));
        } else {
            throw unsupported();
        }
        try {
            return cipher.run(false, key, iv, data);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] scrypt(byte[] passphrase, ScryptParams p, int keyLength) {
        int n;
        int r;
        int parallel;
        try {
            n = p.getCostParameter().intValueExact();
            r = p.getBlockSize().intValueExact();
            parallel = p.getParallelizationParameter().intValueExact();
        } catch (ArithmeticException e) {
            throw new CryptoException("evp routines", "memory limit exceeded", e);
        }
        // OpenSSL's default scrypt memory limit is 32 MiB (128·r·N bytes); refuse more, as it does.
        if (n <= 1 || r <= 0 || parallel <= 0 || 128L * r * n > SCRYPT_MAX_MEMORY || parallel > 16) {
            throw new CryptoException("evp routines", "memory limit exceeded");
        }
        try {
            return SCrypt.generate(passphrase, p.getSalt(), n, r, parallel, keyLength);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("evp routines", "invalid scrypt parameters", e);
        }
    }

    private static int keyLength(java.math.BigInteger declared, PemCiphers.Spec cipher) {
        if (declared != null && declared.intValue() != cipher.keyLength()) {
            throw new CryptoException("digital envelope routines", "invalid key length");
        }
        return cipher.keyLength();
    }

    private static int iterations(java.math.BigInteger count) {
        if (count.signum() <= 0 || count.bitLength() > 31 || count.intValue() > MAX_ITERATIONS) {
            throw new CryptoException("digital envelope routines", "invalid iteration count");
        }
        return count.intValue();
    }

    /** The PBKDF2 pseudo-random function: hmacWithSHA1 (the default), SHA-224…SHA-512/256, or HMAC-SHA3. */
    private static DigestAlgorithm prf(AlgorithmIdentifier prf) {
        if (prf == null || prf.getAlgorithm().equals(PKCSObjectIdentifiers.id_hmacWithSHA1)) {
            return Digests.SHA1;
        }
        ASN1ObjectIdentifier id = prf.getAlgorithm();
        if (id.on(HMAC_BASE)) {
            switch (id.getId().substring(HMAC_BASE.getId().length() + 1)) {
                case "8": return Digests.SHA224;
                case "9": return Digests.SHA256;
                case "10": return Digests.SHA384;
                case "11": return Digests.SHA512;
                case "12": return Digests.SHA512_224;
                case "13": return Digests.SHA512_256;
                default: break;
            }
        }
        switch (id.getId()) {
            case "2.16.840.1.101.3.4.2.13": return Digests.SHA3_224;
            case "2.16.840.1.101.3.4.2.14": return Digests.SHA3_256;
            case "2.16.840.1.101.3.4.2.15": return Digests.SHA3_384;
            case "2.16.840.1.101.3.4.2.16": return Digests.SHA3_512;
            default: throw new CryptoException("evp routines", "unsupported prf");
        }
    }

    private static byte[] pbkdf2(byte[] passphrase, byte[] salt, int iterations, int keyLength,
            DigestAlgorithm prf) {
        // The shared PBKDF2 resumes saved HMAC pad states on the JDK's intrinsic digests (about twice as fast).
        return dev.portcullis.crypto.internal.pkcs12.Pbkdf2.derive(passphrase, salt, iterations, keyLength, prf);
    }

    /** PBES1 (RFC 8018 §6.1): PBKDF1 with MD5 or SHA-1, then DES-CBC or RC2-CBC (64 effective bits). */
    private static byte[] decryptPbes1(ASN1ObjectIdentifier oid, PBEParameter params, byte[] passphrase,
            byte[] data) {
        Digest digest;
        boolean rc2;
        switch (oid.getId()) {
            case "1.2.840.113549.1.5.3": digest = Digests.MD5.newDigest(); rc2 = false; break;
            case "1.2.840.113549.1.5.6": digest = Digests.MD5.newDigest(); rc2 = true; break;
            case "1.2.840.113549.1.5.10": digest = Digests.SHA1.newDigest(); rc2 = false; break;
            case "1.2.840.113549.1.5.11": digest = Digests.SHA1.newDigest(); rc2 = true; break;
            default: throw unsupported();
        }
        int count = iterations(params.getIterationCount());
        byte[] t = new byte[digest.getDigestSize()];
        digest.update(passphrase, 0, passphrase.length);
        digest.update(params.getSalt(), 0, params.getSalt().length);
        digest.doFinal(t, 0);
        for (int i = 1; i < count; i++) {
            digest.update(t, 0, t.length);
            digest.doFinal(t, 0);
        }
        byte[] key = Arrays.copyOfRange(t, 0, 8);
        byte[] iv = Arrays.copyOfRange(t, 8, 16);
        if (!rc2) {
            return PemCiphers.byName("des-cbc").run(false, key, iv, data);
        }
        return blockDecrypt(new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new RC2Engine())),
                new ParametersWithIV(new RC2Parameters(key, 64), iv), data);
    }

    private static BufferedBlockCipher cbc(org.bouncycastle.crypto.BlockCipher engine) {
        return new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine));
    }

    private static byte[] blockDecrypt(BufferedBlockCipher cipher, CipherParameters params, byte[] data) {
        try {
            cipher.init(false, params);
            byte[] out = new byte[cipher.getOutputSize(data.length)];
            int n = cipher.processBytes(data, 0, data.length, out, 0);
            n += cipher.doFinal(out, n);
            return Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("Provider routines", "", "bad decrypt")), e);
        }
    }

    private static CryptoException unsupported() {
        return new CryptoException("evp routines", "unsupported algorithm");
    }

}
