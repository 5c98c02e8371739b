package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NSS's password-based encryption of key4.db values (nssdb-format.md §7): PBES2 with PBKDF2 and AES-256-CBC,
 * whose IV is the whole 16-byte DER encoding of the 14 random bytes NSS stores ({@code lowpbe.c}'s
 * compatibility quirk), and the older NSS-specific PBE with SHA-1 and triple DES used by databases converted
 * from key3.db. Both take the binary {@link PassKey} as their password, which is why a JCE
 * {@code PBKDF2WithHmacSHA256} (which wants characters) cannot be used.
 *
 * <p>Iteration counts come from each blob; NSS writes 1 or 10,000 (at most what its
 * {@code NSS_MAX_MP_PBE_ITERATION_COUNT} allows). Counts above {@link #MAX_ITERATIONS} are refused so that a
 * hostile database cannot make a login run for hours.
 */
public final class NssPbe {
    /** The largest iteration count accepted (NSS writes 10,000; one million takes about a second). */
    public static final int MAX_ITERATIONS = 1_000_000;
    static final ASN1ObjectIdentifier PBES2 = new ASN1ObjectIdentifier("1.2.840.113549.1.5.13");
    static final ASN1ObjectIdentifier PBKDF2 = new ASN1ObjectIdentifier("1.2.840.113549.1.5.12");
    static final ASN1ObjectIdentifier PBMAC1 = new ASN1ObjectIdentifier("1.2.840.113549.1.5.14");
    static final ASN1ObjectIdentifier AES256_CBC = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.1.42");
    static final ASN1ObjectIdentifier NSS_SHA1_3DES = new ASN1ObjectIdentifier("1.2.840.113549.1.12.5.1.3");
    static final ASN1ObjectIdentifier HMAC_SHA1 = new ASN1ObjectIdentifier("1.2.840.113549.2.7");
    static final ASN1ObjectIdentifier HMAC_SHA256 = new ASN1ObjectIdentifier("1.2.840.113549.2.9");
    static final ASN1ObjectIdentifier HMAC_SHA384 = new ASN1ObjectIdentifier("1.2.840.113549.2.10");
    static final ASN1ObjectIdentifier HMAC_SHA512 = new ASN1ObjectIdentifier("1.2.840.113549.2.11");

    private NssPbe() {
    }

    /** A decrypted value and whether it was encrypted with PBES2 (only those carry a MAC, §7.5). */
    public record Plain(byte[] value, boolean pbes2) {
    }

    /** Thrown (and caught by callers) when the key cannot decrypt the blob: bad padding. */
    public static final class BadKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        BadKeyException() {
            super("bad padding", null, false, false);
        }
    }

    /**
     * Decrypts an NSS encrypted value.
     *
     * @throws BadKeyException when the padding is wrong (almost always a wrong password)
     * @throws NssDbException when the blob is not an NSS encrypted value
     */
    public static Plain decrypt(byte[] blob, byte[] passKey) throws BadKeyException {
        ASN1Sequence outer = Der.sequence(Der.parse(blob, "encrypted value"), "encrypted value", 2);
        ASN1Sequence algId = Der.sequence(outer.getObjectAt(0), "algorithm identifier", 1);
        ASN1ObjectIdentifier oid = Der.oid(algId.getObjectAt(0), "encryption algorithm");
        byte[] ciphertext = Der.octets(outer.getObjectAt(1), "ciphertext");
        ASN1Encodable params = algId.size() > 1 ? algId.getObjectAt(1) : null;
        if (oid.equals(PBES2)) {
            return new Plain(decryptPbes2(params, ciphertext, passKey), true);
        }
        if (oid.equals(NSS_SHA1_3DES)) {
            return new Plain(decryptSha1TripleDes(params, ciphertext, passKey), false);
        }
        throw new NssDbException("unsupported encryption algorithm " + oid.getId() + " in key4.db");
    }

    /**
     * The iteration count of an encrypted value. NSS tries the empty password by itself only when the password
     * check value has a count of 1 ({@code sftkdb_CheckPasswordNull}), since a non-empty password always gets more.
     */
    public static int iterationCount(byte[] blob) {
        ASN1Sequence outer = Der.sequence(Der.parse(blob, "encrypted value"), "encrypted value", 2);
        ASN1Sequence algId = Der.sequence(outer.getObjectAt(0), "algorithm identifier", 2);
        ASN1ObjectIdentifier oid = Der.oid(algId.getObjectAt(0), "encryption algorithm");
        if (oid.equals(PBES2)) {
            ASN1Sequence kdf = Der.sequence(Der.sequence(algId.getObjectAt(1), "PBES2 parameters", 2).getObjectAt(0),
                    "PBES2 key derivation", 2);
            return Der.smallInt(Der.sequence(kdf.getObjectAt(1), "PBKDF2 parameters", 2).getObjectAt(1),
                    "PBKDF2 iteration count", Integer.MAX_VALUE);
        }
        return Der.smallInt(Der.sequence(algId.getObjectAt(1), "PBE parameters", 2).getObjectAt(1),
                "PBE iteration count", Integer.MAX_VALUE);
    }

    private static byte[] decryptPbes2(ASN1Encodable params, byte[] ciphertext, byte[] passKey)
            throws BadKeyException {
        ASN1Sequence pbes2 = Der.sequence(params, "PBES2 parameters", 2);
        byte[] key = deriveKey(Der.sequence(pbes2.getObjectAt(0), "PBES2 key derivation", 2), passKey, 32);
        ASN1Sequence scheme = Der.sequence(pbes2.getObjectAt(1), "PBES2 encryption scheme", 2);
        if (!Der.oid(scheme.getObjectAt(0), "cipher").equals(AES256_CBC)) {
            throw new NssDbException("unsupported PBES2 cipher " + scheme.getObjectAt(0) + " in key4.db");
        }
        byte[] iv = Der.encoded(scheme.getObjectAt(1), "IV"); // the whole TLV: NSS's quirk
        if (iv.length != 16) {
            throw new NssDbException("PBES2 IV parameter is " + iv.length + " bytes, NSS writes 16");
        }
        if (key.length != 32) {
            throw new NssDbException("PBES2 key length " + key.length + " does not fit AES-256");
        }
        return cbcDecrypt(AESEngine.newInstance(), key, iv, ciphertext);
    }

    /**
     * PBKDF2 as NSS uses it: {@code SEQUENCE {PBKDF2, SEQUENCE {salt, iterations, [keyLength], [prf]}}}.
     *
     * @param defaultLength key length when the parameters name none
     */
    static byte[] deriveKey(ASN1Sequence kdf, byte[] passKey, int defaultLength) {
        if (!Der.oid(kdf.getObjectAt(0), "key derivation").equals(PBKDF2)) {
            throw new NssDbException("unsupported key derivation " + kdf.getObjectAt(0) + " in key4.db");
        }
        ASN1Sequence p = Der.sequence(kdf.getObjectAt(1), "PBKDF2 parameters", 2);
        byte[] salt = Der.octets(p.getObjectAt(0), "PBKDF2 salt");
        int iterations = Der.smallInt(p.getObjectAt(1), "PBKDF2 iteration count", MAX_ITERATIONS);
        int keyLength = defaultLength;
        String prf = "HmacSHA1"; // RFC 8018's default PRF
        for (int i = 2; i < p.size(); i++) {
            ASN1Encodable e = p.getObjectAt(i);
            if (e instanceof ASN1Integer) {
                keyLength = Der.smallInt(e, "PBKDF2 key length", 64);
            } else {
                prf = hmacName(Der.oid(Der.sequence(e, "PBKDF2 prf", 1).getObjectAt(0), "PBKDF2 prf"));
            }
        }
        if (iterations < 1 || keyLength < 1) {
            throw new NssDbException("PBKDF2 parameters out of range in key4.db");
        }
        return Pbkdf2.derive(prf, passKey, salt, iterations, keyLength);
    }

    /** The JCA name of an HMAC algorithm identifier (PBKDF2 PRFs, PBMAC1 schemes). */
    static String hmacName(ASN1ObjectIdentifier oid) {
        if (oid.equals(HMAC_SHA256)) {
            return "HmacSHA256";
        } else if (oid.equals(HMAC_SHA1)) {
            return "HmacSHA1";
        } else if (oid.equals(HMAC_SHA384)) {
            return "HmacSHA384";
        } else if (oid.equals(HMAC_SHA512)) {
            return "HmacSHA512";
        }
        throw new NssDbException("unsupported HMAC " + oid.getId() + " in key4.db");
    }

    /** NSS's PKCS#5-v1-style PBE with SHA-1 and DES-EDE3-CBC ({@code nsspkcs5_PFXPBE}, §7.5). */
    private static byte[] decryptSha1TripleDes(ASN1Encodable params, byte[] ciphertext, byte[] passKey)
            throws BadKeyException {
        ASN1Sequence p = Der.sequence(params, "3DES PBE parameters", 2);
        byte[] salt = Der.octets(p.getObjectAt(0), "3DES PBE salt");
        int iterations = Der.smallInt(p.getObjectAt(1), "3DES PBE iteration count", MAX_ITERATIONS);
        if (iterations < 1) {
            throw new NssDbException("3DES PBE iteration count must be positive");
        }
        byte[] h = sha1(passKey, salt);
        for (int i = 1; i < iterations; i++) {
            h = sha1(h);
        }
        byte[] state = salt.length >= 20 ? salt : Arrays.copyOf(salt, 20);
        byte[] first = hmacSha1(h, state, salt);
        byte[] second = hmacSha1(h, hmacSha1(h, state), salt);
        byte[] out = new byte[40];
        System.arraycopy(first, 0, out, 0, 20);
        System.arraycopy(second, 0, out, 20, 20);
        return cbcDecrypt(new DESedeEngine(), Arrays.copyOfRange(out, 0, 24), Arrays.copyOfRange(out, 32, 40),
                ciphertext);
    }

    private static byte[] cbcDecrypt(BlockCipher engine, byte[] key, byte[] iv, byte[] ciphertext)
            throws BadKeyException {
        int block = engine.getBlockSize();
        if (ciphertext.length == 0 || ciphertext.length % block != 0) {
            throw new NssDbException("ciphertext length " + ciphertext.length + " is not a multiple of " + block);
        }
        CBCModeCipher cbc = CBCBlockCipher.newInstance(engine);
        cbc.init(false, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[ciphertext.length];
        for (int off = 0; off < ciphertext.length; off += block) {
            cbc.processBlock(ciphertext, off, out, off);
        }
        int pad = out[out.length - 1] & 0xFF;
        if (pad < 1 || pad > block) {
            throw new BadKeyException();
        }
        for (int i = out.length - pad; i < out.length; i++) {
            if ((out[i] & 0xFF) != pad) {
                throw new BadKeyException();
            }
        }
        return Arrays.copyOf(out, out.length - pad);
    }

    static byte[] sha1(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[]... parts) {
        HMac mac = new HMac(new SHA1Digest());
        mac.init(new KeyParameter(key));
        for (byte[] p : parts) {
            mac.update(p, 0, p.length);
        }
        byte[] out = new byte[20];
        mac.doFinal(out, 0);
        return out;
    }
}
