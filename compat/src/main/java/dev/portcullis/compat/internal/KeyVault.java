package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logged-in state of key4.db: the password check NSS itself uses ({@code metaData 'password'}: decrypting
 * its value must give {@code "password-check"}, nssdb-format.md §7.6), the resulting pass key, and decryption
 * of private attributes with their integrity MACs checked first (§7.4, §8).
 */
public final class KeyVault {
    private static final byte[] CHECK = "password-check".getBytes(StandardCharsets.US_ASCII);

    private final byte[] passKey;

    private KeyVault(byte[] passKey) {
        this.passKey = passKey;
    }

    /** Whether key4.db has a password row at all (an uninitialised token has none, and no keys). */
    public static boolean initialised(Map<String, byte[][]> metaData) {
        byte[][] row = metaData == null ? null : metaData.get("password");
        return row != null && row[0] != null && row[1] != null;
    }

    /**
     * Logs in with {@code password} (not modified), or returns {@code null} when it is wrong.
     *
     * @throws NssDbException when the token is uninitialised or its password row is damaged
     */
    public static KeyVault login(Map<String, byte[][]> metaData, char[] password) {
        if (!initialised(metaData)) {
            throw new NssDbException("the database has no password record (key4.db was never initialised "
                    + "with certutil -N), so it holds no private keys");
        }
        byte[][] row = metaData.get("password");
        byte[] passKey = PassKey.derive(row[0], password);
        try {
            byte[] plain = NssPbe.decrypt(row[1], passKey).value();
            if (MessageDigest.isEqual(plain, CHECK)) {
                return new KeyVault(passKey);
            }
        } catch (NssPbe.BadKeyException e) {
            // wrong password: bad padding, as NSS's SEC_ERROR_BAD_PASSWORD
        }
        Arrays.fill(passKey, (byte) 0);
        return null;
    }

    /** The MAC checker for this login over the MAC rows of one read of key4.db. */
    public Integrity integrity(Map<String, byte[][]> metaData) {
        return new Integrity(metaData, passKey);
    }

    /**
     * Logs in with the empty password the way NSS does by itself: only when the password check value was written
     * with one iteration (what NSS uses for an empty password); {@code null} otherwise or when it is not empty.
     */
    public static KeyVault loginWithoutPassword(Map<String, byte[][]> metaData) {
        if (!initialised(metaData) || NssPbe.iterationCount(metaData.get("password")[1]) != 1) {
            return null;
        }
        return login(metaData, new char[0]);
    }

    /** Whether {@code other} holds the same pass key (the same password was given twice). */
    public boolean sameKeyAs(KeyVault other) {
        return other != null && MessageDigest.isEqual(passKey, other.passKey);
    }

    /** Forgets the pass key. */
    public void destroy() {
        Arrays.fill(passKey, (byte) 0);
    }

    /**
     * Decrypts and builds the key pair of a private-key object, refusing it (as NSS does) when a MAC of a
     * PBES2-encrypted attribute, or of the RSA public values stored beside it, is missing or wrong.
     */
    public KeyPair unlock(StoredObject key, Map<String, byte[][]> metaData) {
        Integrity integrity = integrity(metaData);
        // each value and each MAC costs one PBKDF2 (10,000 iterations with a password): spread them over the cores
        List<Step> steps = new ArrayList<>(List.of(new Step(Pkcs11.CKA_MODULUS, false),
                new Step(Pkcs11.CKA_PUBLIC_EXPONENT, false)));
        for (long t : new long[] {Pkcs11.CKA_VALUE, Pkcs11.CKA_PRIVATE_EXPONENT, Pkcs11.CKA_PRIME_1,
            Pkcs11.CKA_PRIME_2, Pkcs11.CKA_EXPONENT_1, Pkcs11.CKA_EXPONENT_2, Pkcs11.CKA_COEFFICIENT}) {
            if (key.has(t)) {
                steps.add(new Step(t, true));
            }
        }
        Map<Long, byte[]> plain = new ConcurrentHashMap<>();
        steps.parallelStream().forEach(step -> {
            if (!step.encrypted()) {
                checkPublicMac(key, step.type(), integrity);
                return;
            }
            byte[] v = decryptAttribute(key, step.type(), integrity);
            if (v != null) {
                plain.put(step.type(), v);
            }
        });
        return KeyBuilder.build(key, plain::get);
    }

    private byte[] decryptAttribute(StoredObject key, long type, Integrity integrity) {
        byte[] blob = key.raw(type);
        if (blob == null || blob.length == 0) {
            return null;
        }
        NssPbe.Plain plain;
        try {
            plain = NssPbe.decrypt(blob, passKey);
        } catch (NssPbe.BadKeyException e) {
            throw new NssDbException("private key " + hex(key.id()) + ": attribute " + hex(type)
                    + " does not decrypt with the database password (damaged or tampered)");
        }
        if (plain.pbes2()
                && integrity.verify("key", key.id(), 0, type, plain.value()) != Integrity.Verdict.VALID) {
            throw new NssDbException("private key " + hex(key.id()) + ": integrity check of attribute " + hex(type)
                    + " failed (tampered or damaged; NSS would not use this key)");
        }
        return plain.value();
    }

    /** One attribute to decrypt (and MAC-check), or a plaintext public attribute whose MAC to check. */
    private record Step(long type, boolean encrypted) {
    }

    private static void checkPublicMac(StoredObject key, long type, Integrity integrity) {
        byte[] v = key.raw(type);
        if (v != null && integrity.verify("key", key.id(), key.id(), type, v) != Integrity.Verdict.VALID) {
            throw new NssDbException("private key " + hex(key.id()) + ": integrity check of attribute "
                    + hex(type) + " failed (tampered or damaged; NSS would not use this key)");
        }
    }

    private static String hex(long v) {
        return String.format("%08x", v);
    }
}
