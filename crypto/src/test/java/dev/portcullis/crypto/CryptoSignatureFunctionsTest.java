package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.testdata.Fixtures;

/**
 * {@link Crypto#sign} and {@link Crypto#verify} (removed in pyOpenSSL 24.3): pyOpenSSL 24.2's TestSignVerify, and
 * the signatures area for RSA, DSA, EC and (beyond pyOpenSSL, which refused them) Ed25519/Ed448: we verify what
 * pyOpenSSL and {@code openssl dgst}/{@code pkeyutl} signed, deterministic schemes give their exact bytes, and a
 * tampered message fails with the error list pyOpenSSL 23 printed.
 */
class CryptoSignatureFunctionsTest {
    private static final byte[] MESSAGE = Fixtures.bytes("signatures/message.txt");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cases() {
        return (Map<String, Object>) Fixtures.expected("signatures").get("cases");
    }

    static List<String> caseNames() {
        return List.copyOf(cases().keySet());
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    @SuppressWarnings("unchecked")
    void signaturesAgreeWithPyOpenSslAndOpenssl(String name) {
        Map<String, Object> c = (Map<String, Object>) cases().get(name);
        PKey key = ContainerFixtures.key((String) c.get("key"));
        X509 cert = ContainerFixtures.cert((String) c.get("cert"));
        String digest = (String) c.get("digest");
        byte[] opensslSignature = Fixtures.bytes((String) c.get("openssl_signature"));
        Crypto.verify(cert, opensslSignature, MESSAGE, digest);
        // PKCS#1 v1.5 and EdDSA are deterministic; RSA-PSS, DSA and ECDSA are randomised.
        boolean deterministic = (name.startsWith("rsa") && !name.startsWith("rsa-pss")) || name.startsWith("ed");
        if (deterministic) {
            assertArrayEquals(opensslSignature, Crypto.sign(key, MESSAGE, digest));
        }
        Map<String, Object> py = (Map<String, Object>) c.get("pyopenssl_sign");
        if (Boolean.TRUE.equals(py.get("ok"))) {
            byte[] pySignature = Fixtures.bytes((String) py.get("signature"));
            Crypto.verify(cert, pySignature, MESSAGE, digest);
            String tampered = (String) ((Map<String, Object>) c.get("pyopenssl_verify_tampered")).get("error");
            byte[] longer = java.util.Arrays.copyOf(MESSAGE, MESSAGE.length + 1);
            longer[MESSAGE.length] = 'x';
            CryptoException e = assertThrows(CryptoException.class, () -> Crypto.verify(cert, pySignature, longer,
                    digest));
            assertEquals(tampered, "Error: " + e.errors());
        }
        byte[] ours = Crypto.sign(key, MESSAGE, digest);
        Crypto.verify(cert, ours, MESSAGE, digest);
    }

    /** pyOpenSSL's test_sign_verify: several digests, a wrong certificate, tampered data, unknown digests. */
    @Test
    void signVerifyAsPyOpenSslTestedIt() {
        PKey key = ContainerFixtures.rootKey();
        X509 good = ContainerFixtures.root();
        X509 other = ContainerFixtures.leaf();
        byte[] content = ("It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, "
                + "his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through "
                + "the glass doors of Victory Mansions").getBytes(StandardCharsets.US_ASCII);
        for (String digest : List.of("md5", "sha1", "sha256")) {
            byte[] signature = Crypto.sign(key, content, digest);
            Crypto.verify(good, signature, content, digest);
            assertThrows(CryptoException.class, () -> Crypto.verify(other, signature, content, digest));
            byte[] tampered = content.clone();
            tampered[0] ^= 1;
            assertThrows(CryptoException.class, () -> Crypto.verify(good, signature, tampered, digest));
        }
        assertEquals("No such digest method",
                assertThrows(IllegalArgumentException.class, () -> Crypto.sign(key, content, "strange-digest"))
                        .getMessage());
        byte[] signature = Crypto.sign(key, content, "sha256");
        assertThrows(IllegalArgumentException.class, () -> Crypto.verify(good, signature, content, "strange-digest"));
    }

    @Test
    void dataWithNulsAndLargeKeys() {
        byte[] content = "Watch out!  \0  Did you see it?".getBytes(StandardCharsets.ISO_8859_1);
        for (String name : List.of("rsa4096", "ec-p521", "dsa2048", "ed448")) {
            PKey key = ContainerFixtures.key("keys/" + name + ".pkcs8.pem");
            X509 cert = ContainerFixtures.cert("x509/selfsigned/" + name + ".pem");
            Crypto.verify(cert, Crypto.sign(key, content, "sha512"), content, "sha512");
            byte[] cut = java.util.Arrays.copyOf(content, 13);
            assertThrows(CryptoException.class, () -> Crypto.verify(cert, Crypto.sign(key, content, "sha512"), cut,
                    "sha512"));
        }
    }
}
