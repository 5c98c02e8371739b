package dev.portcullis.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;

/**
 * Signatures checked by an independent implementation: the JDK's own providers (SunRsaSign, SunEC, SUN) verify
 * what we sign and sign what we verify. Error lists are those pyOpenSSL 23 printed for the same situations.
 */
class SignaturesTest {
    private static final byte[] DATA = "data to sign\0with a NUL".getBytes(StandardCharsets.ISO_8859_1);

    @ParameterizedTest
    @CsvSource({
        "RSA, sha256, SHA256withRSA", "RSA, SHA1, SHA1withRSA", "RSA, md5, MD5withRSA", "RSA, sha384, SHA384withRSA",
        "RSA, sha512-256, SHA512/256withRSA", "RSA, sha3-256, SHA3-256withRSA", "RSA, RSA-SHA224, SHA224withRSA",
        "EC, sha256, SHA256withECDSA", "EC, sha512, SHA512withECDSA", "EC, sha1, SHA1withECDSA",
        "EC, sha3-384, SHA3-384withECDSA",
        "DSA, sha256, SHA256withDSA", "DSA, sha1, SHA1withDSA", "DSA, sha224, SHA224withDSA",
        "Ed25519, sha256, Ed25519", "Ed25519, monkeys-ignored, Ed25519", "Ed448, sha512, Ed448",
    })
    void jdkVerifiesOurSignaturesAndWeVerifyTheJdks(String algorithm, String digest, String jdkAlgorithm)
            throws Exception {
        KeyPair pair = jdkPair(algorithm);
        PKey key = PKey.fromJavaKeyPair(pair);
        String ourDigest = digest.endsWith("-ignored") ? "sha256" : digest;
        byte[] signature = Signatures.sign(key, DATA, ourDigest);
        Signature jdk = Signature.getInstance(jdkAlgorithm);
        jdk.initVerify(pair.getPublic());
        jdk.update(DATA);
        assertTrue(jdk.verify(signature), "the JDK rejects our " + jdkAlgorithm + " signature");

        jdk.initSign(pair.getPrivate());
        jdk.update(DATA);
        byte[] jdkSignature = jdk.sign();
        Signatures.verify(pair.getPublic(), jdkSignature, DATA, ourDigest);
        byte[] tampered = DATA.clone();
        tampered[0] ^= 1;
        assertThrows(CryptoException.class, () -> Signatures.verify(pair.getPublic(), jdkSignature, tampered, ourDigest));
    }

    @Test
    void rsaVerifyFailuresCarryOpensslReasons() throws Exception {
        KeyPair pair = jdkPair("RSA");
        byte[] signature = Signatures.sign(PKey.fromJavaKeyPair(pair), DATA, "sha256");
        CryptoException bad = assertThrows(CryptoException.class,
                () -> Signatures.verify(pair.getPublic(), signature, "other".getBytes(), "sha256"));
        assertEquals("[('rsa routines', '', 'bad signature'), ('Provider routines', '', 'RSA lib')]", bad.getMessage());
        CryptoException shortSig = assertThrows(CryptoException.class,
                () -> Signatures.verify(pair.getPublic(), new byte[5], DATA, "sha256"));
        assertEquals("wrong signature length", shortSig.errors().get(0).reason());
        assertThrows(CryptoException.class, () -> Signatures.verify(pair.getPublic(), signature, DATA, "sha1"));
    }

    @Test
    void ecVerifyFailureHasNoEntries() throws Exception {
        KeyPair pair = jdkPair("EC");
        CryptoException e = assertThrows(CryptoException.class,
                () -> Signatures.verify(pair.getPublic(), new byte[0], DATA, "sha256"));
        assertEquals(List.of(), e.errors());
    }

    @Test
    void unknownDigest() throws Exception {
        PKey key = PKey.fromJavaKeyPair(jdkPair("RSA"));
        assertEquals("No such digest method",
                assertThrows(IllegalArgumentException.class, () -> Signatures.sign(key, DATA, "monkeys")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Signatures.verify(key.toJavaPublicKey(), new byte[1], DATA, "monkeys"));
    }

    /** pyOpenSSL 23: RSA refuses sm3/shake/blake2/whirlpool ("digest not allowed"); ECDSA and DSA take any digest. */
    @Test
    void digestsTheSignersRefuseOrAccept() throws Exception {
        PKey rsa = PKey.fromJavaKeyPair(jdkPair("RSA"));
        for (String digest : new String[] {"sm3", "shake128", "blake2b512", "whirlpool"}) {
            CryptoException e = assertThrows(CryptoException.class, () -> Signatures.sign(rsa, DATA, digest));
            assertEquals("[('Provider routines', '', 'digest not allowed')]", e.getMessage());
        }
        for (String digest : new String[] {"md4", "ripemd160", "md5-sha1", "sha512-224"}) {
            Signatures.verify(rsa.toJavaPublicKey(), Signatures.sign(rsa, DATA, digest), DATA, digest);
        }
        KeyPair ecPair = jdkPair("EC");
        PKey ec = PKey.fromJavaKeyPair(ecPair);
        for (String digest : new String[] {"md5", "sm3", "shake128", "whirlpool", "ripemd160", "md5-sha1"}) {
            Signatures.verify(ecPair.getPublic(), Signatures.sign(ec, DATA, digest), DATA, digest);
        }
    }

    /** pyOpenSSL 23's errors when signing with a public-only or empty key. */
    @Test
    void signingNeedsAPrivateKey() throws Exception {
        PKey rsaPublic = PKey.fromJavaKey(jdkPair("RSA").getPublic());
        assertEquals("[('rsa routines', '', 'missing private key'), ('Provider routines', '', 'RSA lib')]",
                assertThrows(CryptoException.class, () -> Signatures.sign(rsaPublic, DATA, "sha256")).getMessage());
        PKey ecPublic = PKey.fromJavaKey(jdkPair("EC").getPublic());
        assertEquals("[('elliptic curve routines', '', 'missing private key')]",
                assertThrows(CryptoException.class, () -> Signatures.sign(ecPublic, DATA, "sha256")).getMessage());
        assertEquals(List.of(), assertThrows(CryptoException.class,
                () -> Signatures.sign(new PKey(), DATA, "sha256")).errors());
    }

    /** The X.509 AlgorithmIdentifiers OpenSSL writes (RSA with NULL parameters; ECDSA/Ed25519 without). */
    @Test
    void contentSignerIdentifiers() throws Exception {
        assertIdentifier("RSA", "sha256", "1.2.840.113549.1.1.11", true);
        assertIdentifier("RSA", "sha3-256", "2.16.840.1.101.3.4.3.14", true);
        assertIdentifier("EC", "SHA384", "1.2.840.10045.4.3.3", false);
        assertIdentifier("DSA", "sha256", "2.16.840.1.101.3.4.3.2", false);
        assertIdentifier("Ed25519", "sha256", "1.3.101.112", false);
        // pyOpenSSL 23: X509.sign(ec, "md5") and RSA with md5-sha1 raise Error([]).
        PKey ec = PKey.fromJavaKeyPair(jdkPair("EC"));
        assertEquals(List.of(), assertThrows(CryptoException.class, () -> Signatures.contentSigner(ec, "md5")).errors());
        PKey rsa = PKey.fromJavaKeyPair(jdkPair("RSA"));
        assertThrows(CryptoException.class, () -> Signatures.contentSigner(rsa, "md5-sha1"));
    }

    private static void assertIdentifier(String algorithm, String digest, String oid, boolean nullParameters)
            throws Exception {
        KeyPair pair = jdkPair(algorithm);
        ContentSigner signer = Signatures.contentSigner(PKey.fromJavaKeyPair(pair), digest);
        AlgorithmIdentifier id = signer.getAlgorithmIdentifier();
        assertEquals(oid, id.getAlgorithm().getId());
        assertEquals(nullParameters, id.getParameters() != null);
        signer.getOutputStream().write(DATA);
        byte[] signature = signer.getSignature();
        Signatures.verify(pair.getPublic(), signature, DATA, digest);
    }

    private static KeyPair jdkPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else if (algorithm.equals("RSA")) {
            generator.initialize(2048);
        } else if (algorithm.equals("DSA")) {
            generator.initialize(1024); // the JDK refuses SHA-1 signing with larger DSA keys
        }
        return generator.generateKeyPair();
    }
}
