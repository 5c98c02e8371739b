package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.junit.jupiter.api.Test;

/** pyOpenSSL's TestPKey (research §7.1) and the key-generation error table printed by pyOpenSSL 23. */
class PKeyTest {

    @Test
    void newKeyIsEmpty() {
        PKey key = new PKey();
        assertEquals(0, key.type());
        assertEquals(0, key.bits());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, key::check);
        assertEquals("Only RSA keys can currently be checked.", e.getMessage());
        assertThrows(CryptoException.class, key::toJavaPublicKey);
        assertThrows(CryptoException.class, key::toJavaPrivateKey);
        assertFalse(key.hasPrivateKey());
    }

    @Test
    void rsaGeneration() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_RSA, 2048);
        assertEquals(Crypto.TYPE_RSA, key.type());
        assertEquals(2048, key.bits());
        assertTrue(key.check());
        RSAPublicKey pub = (RSAPublicKey) key.toJavaPublicKey();
        assertEquals(BigInteger.valueOf(65537), pub.getPublicExponent());
        assertEquals(pub.getModulus(), ((RSAPrivateCrtKey) key.toJavaPrivateKey()).getModulus());
    }

    @Test
    void oddRsaSizesAreExact() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_RSA, 513);
        assertEquals(513, key.bits());
        assertTrue(key.check());
    }

    /** pyOpenSSL 23 printed: DSA 600 → 640 bits, 1025 → 1088, 512 → 512. */
    @Test
    void dsaGenerationRoundsUpToMultipleOf64() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_DSA, 512);
        assertEquals(Crypto.TYPE_DSA, key.type());
        assertEquals(512, key.bits());
        assertEquals(160, ((DSAPublicKey) key.toJavaPublicKey()).getParams().getQ().bitLength());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, key::check);
        assertEquals("Only RSA keys can currently be checked.", e.getMessage());
        key.generateKey(Crypto.TYPE_DSA, 600);
        assertEquals(640, key.bits());
    }

    @Test
    void dsaParametersAreValid() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_DSA, 576);
        java.security.spec.DSAParameterSpec p = (java.security.spec.DSAParameterSpec)
                ((DSAPublicKey) key.toJavaPublicKey()).getParams();
        assertTrue(p.getP().isProbablePrime(64));
        assertTrue(p.getQ().isProbablePrime(64));
        assertEquals(BigInteger.ZERO, p.getP().subtract(BigInteger.ONE).mod(p.getQ()));
        assertEquals(BigInteger.ONE, p.getG().modPow(p.getQ(), p.getP()));
        assertFalse(p.getG().equals(BigInteger.ONE));
    }

    @Test
    void regeneration() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_RSA, 2048);
        assertEquals(Crypto.TYPE_RSA, key.type());
        assertEquals(2048, key.bits());
        key.generateKey(Crypto.TYPE_DSA, 576);
        assertEquals(Crypto.TYPE_DSA, key.type());
        assertEquals(576, key.bits());
    }

    /** pyOpenSSL 23's errors for generate_key, as it printed them. */
    @Test
    void failedGeneration() {
        PKey key = new PKey();
        assertEquals("No such key type", assertThrows(CryptoException.class, () -> key.generateKey(-1, 0)).getMessage());
        assertThrows(CryptoException.class, () -> key.generateKey(Crypto.TYPE_EC, 256));
        assertThrows(CryptoException.class, () -> key.generateKey(Crypto.TYPE_DH, 512));
        assertEquals("Invalid number of bits",
                assertThrows(IllegalArgumentException.class, () -> key.generateKey(Crypto.TYPE_RSA, -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> key.generateKey(Crypto.TYPE_RSA, 0));
        CryptoException small = assertThrows(CryptoException.class, () -> key.generateKey(Crypto.TYPE_RSA, 100));
        assertEquals(List.of(new CryptoException.Entry("rsa routines", "", "key size too small")), small.errors());
        assertEquals("[('rsa routines', '', 'key size too small')]", small.getMessage());
        assertThrows(CryptoException.class, () -> key.generateKey(Crypto.TYPE_RSA, 511));
        assertEquals(List.of(), assertThrows(CryptoException.class,
                () -> key.generateKey(Crypto.TYPE_DSA, 256)).errors());
        assertEquals(List.of(), assertThrows(CryptoException.class,
                () -> key.generateKey(Crypto.TYPE_DSA, 0)).errors());
        assertEquals("invalid shift", assertThrows(CryptoException.class,
                () -> key.generateKey(Crypto.TYPE_DSA, -1)).errors().get(0).reason());
        assertEquals(0, key.type(), "a failed generation leaves the key as it was");
    }

    @Test
    void publicOnlyKeyCannotBeChecked() throws Exception {
        PKey full = new PKey();
        full.generateKey(Crypto.TYPE_RSA, 1024);
        PKey pub = PKey.fromJavaKey(full.toJavaPublicKey());
        assertFalse(pub.hasPrivateKey());
        assertEquals(1024, pub.bits());
        assertEquals("public key only", assertThrows(IllegalArgumentException.class, pub::check).getMessage());
        assertThrows(CryptoException.class, pub::toJavaPrivateKey);
    }

    @Test
    void fromJavaPrivateKeyDerivesPublicHalf() throws Exception {
        for (String[] spec : new String[][] {{"EC", "secp384r1"}, {"Ed25519", null}, {"Ed448", null},
            {"RSA", null}, {"DSA", null}}) {
            KeyPairGenerator gen = KeyPairGenerator.getInstance(spec[0]);
            if (spec[1] != null) {
                gen.initialize(new ECGenParameterSpec(spec[1]));
            } else if (spec[0].equals("RSA") || spec[0].equals("DSA")) {
                gen.initialize(1024);
            }
            KeyPair pair = gen.generateKeyPair();
            PKey key = PKey.fromJavaKey(pair.getPrivate());
            assertTrue(key.hasPrivateKey());
            assertArrayEquals(pair.getPublic().getEncoded(), key.toJavaPublicKey().getEncoded(), spec[0]);
            PKey fromPair = PKey.fromJavaKeyPair(pair);
            assertEquals(key.type(), fromPair.type());
            assertEquals(key.bits(), fromPair.bits());
        }
    }

    /** Type and bits as pyOpenSSL reports them (research §3.4): P-384 (408, 384), Ed25519 (1087, 256), Ed448 (1088, 456), X25519 (1034, 253). */
    @Test
    void typeAndBitsOfJdkKeys() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        assertTypeBits(408, 384, ec.generateKeyPair());
        assertTypeBits(1087, 256, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        assertTypeBits(1088, 456, KeyPairGenerator.getInstance("Ed448").generateKeyPair());
        assertTypeBits(1034, 253, KeyPairGenerator.getInstance("X25519").generateKeyPair());
        assertTypeBits(1035, 448, KeyPairGenerator.getInstance("X448").generateKeyPair());
    }

    private static void assertTypeBits(int type, int bits, KeyPair pair) {
        PKey pub = PKey.fromJavaKey(pair.getPublic());
        PKey priv = PKey.fromJavaKey(pair.getPrivate());
        assertEquals(type, pub.type());
        assertEquals(bits, pub.bits());
        assertEquals(type, priv.type());
        assertEquals(bits, priv.bits());
    }

    @Test
    void unsupportedJavaKeys() {
        assertThrows(IllegalArgumentException.class, () -> PKey.fromJavaKey(null));
        assertThrows(IllegalArgumentException.class,
                () -> PKey.fromJavaKey(new javax.crypto.spec.SecretKeySpec(new byte[16], "AES")));
        assertThrows(IllegalArgumentException.class, () -> PKey.fromJavaKeyPair(null));
    }

    @Test
    void generatedKeysAreDistinct() {
        PKey a = new PKey();
        PKey b = new PKey();
        a.generateKey(Crypto.TYPE_RSA, 1024);
        b.generateKey(Crypto.TYPE_RSA, 1024);
        assertNotSame(a.toJavaPublicKey(), b.toJavaPublicKey());
        assertFalse(a.toJavaPublicKey().equals(b.toJavaPublicKey()));
        assertFalse(a.toString().contains("modulus"));
    }

    /** pyOpenSSL's rsa_p_not_prime_pem (test_check_pr_897): loads, and check() fails as pyOpenSSL 23 printed. */
    @Test
    void pNotPrimeKey() {
        PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM,
                "-----BEGIN RSA PRIVATE KEY-----\nMBsCAQACAS0CAQcCAQACAQ8CAQMCAQACAQACAQA=\n-----END RSA PRIVATE KEY-----\n");
        assertEquals(6, key.bits());
        CryptoException e = assertThrows(CryptoException.class, key::check);
        assertEquals("[('rsa routines', '', 'p not prime'), ('rsa routines', '', 'd e not congruent to 1'), "
                + "('bignum routines', '', 'no inverse')]", e.getMessage());
    }

    /** pyOpenSSL's inconsistentPrivateKeyPEM (test_inconsistent_key): check() fails as pyOpenSSL 23 printed. */
    @Test
    void inconsistentKey() {
        PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, "-----BEGIN RSA PRIVATE KEY-----\n"
                + "MIIBPAIBAAJBAKy+e3dulvXzV7zoTZWc5TzgApr8DmeQHTYC8ydfzH7EECe4R1Xh\n"
                + "5kwIzOuuFfn178FBiS84gngaNcrFi0Z5fAkCAwEaAQJBAIqm/bz4NA1H++Vx5Ewx\n"
                + "OcKp3w19QSaZAwlGRtsUxrP7436QjnREM3Bm8ygU11BjkPVmtrKm6AayQfCHqJoT\n"
                + "zIECIQDW0BoMoL0HOYM/mrTLhaykYAVqgIeJsPjvkEhTFXWBuQIhAM3deFAvWNu4\n"
                + "nklUQ37XsCT2c9tmNt1LAT+slG2JOTTRAiAuXDtC/m3NYVwyHfFm+zKHRzHkClk2\n"
                + "HjubeEgjpj32AQIhAJqMGTaZVOwevTXvvHwNeH+vRWsAYU/gbx+OQB+7VOcBAiEA\n"
                + "oolb6NMg/R3enNPvS1O4UU1H8wpaF77L4yiSWlE0p4w=\n-----END RSA PRIVATE KEY-----\n");
        assertEquals(512, key.bits());
        CryptoException e = assertThrows(CryptoException.class, key::check);
        assertEquals("[('rsa routines', '', 'd e not congruent to 1'), ('rsa routines', '', 'dmp1 not congruent to d'), "
                + "('rsa routines', '', 'dmq1 not congruent to d')]", e.getMessage());
    }

    /**
     * Generated RSA keys have OpenSSL's shape (exact size, e = 65537, d below lcm(p-1, q-1), p and q far apart) and
     * work with the JDK's own RSA signer and verifier.
     */
    @Test
    void generatedRsaKeysAreSound() throws Exception {
        for (int bits : new int[] {512, 513, 1023, 1024, 2048}) {
            PKey key = new PKey();
            key.generateKey(Crypto.TYPE_RSA, bits);
            RSAPrivateCrtKey k = (RSAPrivateCrtKey) key.toJavaPrivateKey();
            assertEquals(bits, k.getModulus().bitLength());
            assertEquals(k.getModulus(), k.getPrimeP().multiply(k.getPrimeQ()));
            BigInteger p1 = k.getPrimeP().subtract(BigInteger.ONE);
            BigInteger q1 = k.getPrimeQ().subtract(BigInteger.ONE);
            BigInteger lcm = p1.divide(p1.gcd(q1)).multiply(q1);
            assertTrue(k.getPrivateExponent().compareTo(lcm) < 0);
            assertTrue(k.getPrimeP().subtract(k.getPrimeQ()).abs().bitLength() > bits / 2 - 100);
            assertTrue(key.check());
            java.security.Signature jdk = java.security.Signature.getInstance("SHA256withRSA");
            jdk.initSign(k);
            jdk.update(new byte[] {1, 2, 3});
            byte[] sig = jdk.sign();
            jdk.initVerify(key.toJavaPublicKey());
            jdk.update(new byte[] {1, 2, 3});
            assertTrue(jdk.verify(sig), bits + " bits");
        }
    }
}
