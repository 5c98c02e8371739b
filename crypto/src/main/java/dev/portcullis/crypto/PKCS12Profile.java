package dev.portcullis.crypto;

import java.util.Objects;

/**
 * How {@link PKCS12#export(byte[], PKCS12Profile)} protects a PKCS#12 file (RFC 7292): the password-based
 * encryption of the private key and of the certificates, the integrity MAC, and their iteration counts.
 *
 * <p>Pick a preset by who will read the file:
 * <ul>
 *   <li>{@link #MODERN}: AES-256-CBC (PBES2 with PBKDF2-HMAC-SHA256, RFC 8018) for key and certificates, an
 *       HMAC-SHA256 MAC, 10,000 iterations. What OpenSSL 3 and Java 17+ write by default (OpenSSL uses 2,048
 *       iterations, Java 10,000); read by current OpenSSL, Java, NSS ({@code pk12util}) and recent Windows, not
 *       by old Java 8 builds or Windows 7.</li>
 *   <li>{@link #LEGACY}: the key under {@code pbeWithSHA1And3-KeyTripleDES-CBC}, the certificates under
 *       {@code pbeWithSHA1And40BitRC2-CBC}, an HMAC-SHA1 MAC, 2,048 iterations: what OpenSSL 1.1 and Java 8
 *       wrote and {@code openssl pkcs12 -export -legacy} still writes. For old Java, Windows 7/Server 2012,
 *       old Tomcat and appliances. OpenSSL 3 reads it only with {@code -legacy} (RC2 lives in its legacy
 *       provider).</li>
 *   <li>{@link #LEGACY_3DES}: 3DES for key and certificates, HMAC-SHA1 MAC, 2,048 iterations: Windows'
 *       "TripleDES-SHA1" export, readable by every PKCS#12 implementation including OpenSSL 3 without
 *       {@code -legacy}.</li>
 *   <li>{@link #PYOPENSSL}: what pyOpenSSL 23's {@code PKCS12.export()} wrote on OpenSSL 3: 3DES for key and
 *       certificates with an HMAC-SHA256 MAC; the profile {@link PKCS12#export(byte[], int, int)} uses.</li>
 * </ul>
 * The {@code with…} methods return modified copies; instances are immutable and thread-safe. The weak
 * schemes (40-bit RC2, SHA-1) protect nothing against a determined attacker: choose them only for readers that
 * know nothing better, and keep such files as secret as the password.
 */
public final class PKCS12Profile {
    /** Password-based encryption of a bag (RFC 7292 appendix C, RFC 8018). */
    public enum Encryption {
        /** Not encrypted (the bag is readable by anyone; OpenSSL's {@code -keypbe NONE}/{@code -certpbe NONE}). */
        NONE,
        /** PBES2: PBKDF2 with HMAC-SHA256, then AES-256-CBC. */
        AES_256_CBC,
        /** PBES2: PBKDF2 with HMAC-SHA256, then AES-128-CBC. */
        AES_128_CBC,
        /** {@code pbeWithSHA1And3-KeyTripleDES-CBC} (PKCS#12 key derivation, 3-key 3DES). */
        PBE_SHA1_3DES,
        /** {@code pbeWithSHA1And40BitRC2-CBC}: 40-bit RC2, the classic certificate encryption. */
        PBE_SHA1_RC2_40,
        /** {@code pbeWithSHA1And128BitRC2-CBC}. */
        PBE_SHA1_RC2_128
    }

    /** The digest of the integrity MAC (an HMAC keyed by the PKCS#12 key derivation), or none. */
    public enum Mac {
        /** No MAC: nothing detects tampering, and OpenSSL 3 then refuses a non-empty password. */
        NONE,
        /** HMAC-SHA1. */
        SHA1,
        /** HMAC-SHA256. */
        SHA256,
        /** HMAC-SHA384. */
        SHA384,
        /** HMAC-SHA512. */
        SHA512
    }

    /** AES-256-CBC/PBKDF2-HMAC-SHA256 everywhere, HMAC-SHA256 MAC, 10,000 iterations. */
    public static final PKCS12Profile MODERN = new PKCS12Profile(Encryption.AES_256_CBC, Encryption.AES_256_CBC,
            Mac.SHA256, 10_000, 10_000);
    /** 3DES key, 40-bit RC2 certificates, HMAC-SHA1 MAC, 2,048 iterations (OpenSSL 1.1, Java 8). */
    public static final PKCS12Profile LEGACY = new PKCS12Profile(Encryption.PBE_SHA1_3DES,
            Encryption.PBE_SHA1_RC2_40, Mac.SHA1, 2048, 2048);
    /** 3DES key and certificates, HMAC-SHA1 MAC, 2,048 iterations (Windows' TripleDES-SHA1). */
    public static final PKCS12Profile LEGACY_3DES = new PKCS12Profile(Encryption.PBE_SHA1_3DES,
            Encryption.PBE_SHA1_3DES, Mac.SHA1, 2048, 2048);
    /** pyOpenSSL 23 on OpenSSL 3: 3DES key and certificates, HMAC-SHA256 MAC, 2,048 and 1 iterations. */
    public static final PKCS12Profile PYOPENSSL = new PKCS12Profile(Encryption.PBE_SHA1_3DES,
            Encryption.PBE_SHA1_3DES, Mac.SHA256, 2048, 1);

    private final Encryption keyEncryption;
    private final Encryption certEncryption;
    private final Mac mac;
    private final int iterations;
    private final int macIterations;
    private final boolean javaTrust;

    private PKCS12Profile(Encryption keyEncryption, Encryption certEncryption, Mac mac, int iterations,
            int macIterations) {
        this(keyEncryption, certEncryption, mac, iterations, macIterations, false);
    }

    private PKCS12Profile(Encryption keyEncryption, Encryption certEncryption, Mac mac, int iterations,
            int macIterations, boolean javaTrust) {
        this.keyEncryption = Objects.requireNonNull(keyEncryption, "keyEncryption");
        this.certEncryption = Objects.requireNonNull(certEncryption, "certEncryption");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.iterations = positive(iterations, "iterations");
        this.macIterations = positive(macIterations, "macIterations");
        this.javaTrust = javaTrust;
    }

    private static int positive(int value, String what) {
        if (value < 1 || value > 10_000_000) {
            throw new IllegalArgumentException(what + " must be between 1 and 10,000,000, not " + value);
        }
        return value;
    }

    /** How the private key is encrypted. */
    public Encryption keyEncryption() {
        return keyEncryption;
    }

    /** How the certificates are encrypted. */
    public Encryption certEncryption() {
        return certEncryption;
    }

    /** The MAC digest. */
    public Mac mac() {
        return mac;
    }

    /** Key-derivation iterations for the encryption. */
    public int iterations() {
        return iterations;
    }

    /** Key-derivation iterations for the MAC. */
    public int macIterations() {
        return macIterations;
    }

    /** Whether the CA certificates are marked as trusted for Java (see {@link #withJavaTrust}). */
    public boolean javaTrust() {
        return javaTrust;
    }

    /** A copy with another key encryption. */
    public PKCS12Profile withKeyEncryption(Encryption encryption) {
        return new PKCS12Profile(encryption, certEncryption, mac, iterations, macIterations, javaTrust);
    }

    /** A copy with another certificate encryption. */
    public PKCS12Profile withCertEncryption(Encryption encryption) {
        return new PKCS12Profile(keyEncryption, encryption, mac, iterations, macIterations, javaTrust);
    }

    /** A copy with another MAC ({@link Mac#NONE} for none). */
    public PKCS12Profile withMac(Mac newMac) {
        return new PKCS12Profile(keyEncryption, certEncryption, newMac, iterations, macIterations, javaTrust);
    }

    /**
     * A copy that marks the CA certificates (not the key's own certificate) as trusted for Java: Oracle's
     * {@code trustedKeyUsage} bag attribute (2.16.840.1.113894.746875.1.1) with {@code anyExtendedKeyUsage}, what
     * {@code keytool -importcert} and {@code openssl pkcs12 -jdktrust} (OpenSSL 3.2+) write. Without it Java's
     * {@code KeyStore} ignores certificates that have no key, so a truststore of CA certificates comes out empty.
     * Off in every preset, as in OpenSSL.
     */
    public PKCS12Profile withJavaTrust(boolean trusted) {
        return new PKCS12Profile(keyEncryption, certEncryption, mac, iterations, macIterations, trusted);
    }

    /**
     * A copy with other iteration counts (1 to 10,000,000 each; the reader refuses more than 10,000,000).
     *
     * @throws IllegalArgumentException for a count out of range
     */
    public PKCS12Profile withIterations(int encryptionIterations, int newMacIterations) {
        return new PKCS12Profile(keyEncryption, certEncryption, mac, encryptionIterations, newMacIterations,
                javaTrust);
    }

    /** The settings, for logs. */
    @Override
    public String toString() {
        return "PKCS12Profile[key=" + keyEncryption + ", certs=" + certEncryption + ", mac=" + mac + ", iterations="
                + iterations + ", macIterations=" + macIterations + (javaTrust ? ", javaTrust" : "") + "]";
    }
}
