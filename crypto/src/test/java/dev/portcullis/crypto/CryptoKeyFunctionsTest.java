package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.testdata.Fixtures;

/**
 * The key functions of {@link Crypto} against the {@code keys} fixture area: every file made by {@code openssl
 * genpkey/pkey/pkcs8} loads with the type, size and public key pyOpenSSL 23 printed for it, and our dumps equal the
 * bytes pyOpenSSL's {@code dump_privatekey}/{@code dump_publickey} produced. Also pyOpenSSL's own TestFunction
 * expectations for these functions (research §7.1).
 */
class CryptoKeyFunctionsTest {
    private static final Map<String, Object> EXPECTED = Fixtures.expected("keys");
    private static final byte[] PASSPHRASE = ((String) EXPECTED.get("passphrase")).getBytes(StandardCharsets.US_ASCII);

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> keys() {
        return (Map<String, Map<String, Object>>) EXPECTED.get("keys");
    }

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> fixtureFiles() {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map<String, Object> key : keys().values()) {
            files.addAll((List<Map<String, Object>>) key.get("files"));
        }
        return files.stream();
    }

    static Stream<String> keyNames() {
        return keys().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureFiles")
    @SuppressWarnings("unchecked")
    void everyFixtureLoadsAsPyOpenSslLoadedIt(Map<String, Object> file) {
        String path = (String) file.get("path");
        byte[] data = Fixtures.bytes(path);
        int type = "PEM".equals(file.get("format")) ? Crypto.FILETYPE_PEM : Crypto.FILETYPE_ASN1;
        Map<String, Object> load = (Map<String, Object>) file.get("pyopenssl_load");
        boolean encrypted = Boolean.TRUE.equals(file.get("encrypted"));
        if (!Boolean.TRUE.equals(load.get("ok"))) {
            // pyOpenSSL: ValueError("only FILETYPE_PEM key format supports encryption") for encrypted DER.
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Crypto.loadPrivateKey(type, data, PASSPHRASE));
            assertEquals("only FILETYPE_PEM key format supports encryption", e.getMessage());
            assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(type, data));
            return;
        }
        PKey key;
        if ("spki".equals(file.get("kind"))) {
            key = Crypto.loadPublicKey(type, data);
            assertFalse(key.hasPrivateKey());
        } else {
            key = encrypted ? Crypto.loadPrivateKey(type, data, PASSPHRASE) : Crypto.loadPrivateKey(type, data);
            assertTrue(key.hasPrivateKey());
            if (encrypted) {
                assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(type, data),
                        "an encrypted key without a passphrase");
                CryptoException wrong = assertThrows(CryptoException.class,
                        () -> Crypto.loadPrivateKey(type, data, "quack".getBytes()));
                assertFalse(wrong.errors().isEmpty(), "pyOpenSSL: args[0] != [] for a wrong passphrase");
            }
        }
        assertEquals(((Number) load.get("type")).intValue(), key.type(), path);
        assertEquals(((Number) load.get("bits")).intValue(), key.bits(), path);
        assertEquals(load.get("public_asn1_hex"), Hex.toHexString(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key)),
                path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyNames")
    @SuppressWarnings("unchecked")
    void dumpsEqualPyOpenSslDumps(String name) {
        Map<String, Object> py = (Map<String, Object>) keys().get(name).get("pyopenssl");
        PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/" + name + ".pkcs8.pem"));
        assertEquals(((Number) py.get("type")).intValue(), key.type());
        assertEquals(((Number) py.get("bits")).intValue(), key.bits());
        assertEquals(py.get("dump_privatekey_pem"), ascii(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key)));
        assertEquals(py.get("dump_privatekey_asn1_hex"), Hex.toHexString(Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, key)));
        assertEquals(py.get("dump_publickey_pem"), ascii(Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key)));
        assertEquals(py.get("dump_publickey_asn1_hex"), Hex.toHexString(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key)));
        Object text = py.get("dump_privatekey_text");
        if (text instanceof String s) {
            assertEquals(s, ascii(Crypto.dumpPrivateKey(Crypto.FILETYPE_TEXT, key)));
            assertTrue(key.check());
        } else {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_TEXT, key));
            assertEquals("Only RSA keys are supported for FILETYPE_TEXT", e.getMessage());
            assertEquals("Only RSA keys can currently be checked.",
                    assertThrows(IllegalArgumentException.class, key::check).getMessage());
        }
    }

    /** Several objects in one PEM: the first private key, whatever comes before it. */
    @Test
    @SuppressWarnings("unchecked")
    void multiObjectPemGivesTheFirstKey() {
        Map<String, Object> multi = (Map<String, Object>) EXPECTED.get("multi");
        for (Map.Entry<String, Object> e : multi.entrySet()) {
            Map<String, Object> expected = (Map<String, Object>) e.getValue();
            Map<String, Object> load = (Map<String, Object>) expected.get("pyopenssl_load_privatekey");
            PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes(e.getKey()));
            assertEquals(((Number) load.get("type")).intValue(), key.type(), e.getKey());
            assertEquals(load.get("public_asn1_hex"), Hex.toHexString(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key)));
        }
    }

    /** Keys pyOpenSSL itself generated and dumped: loading both forms gives its type, size and public key. */
    @Test
    @SuppressWarnings("unchecked")
    void pyOpenSslGeneratedKeys() {
        Map<String, Object> generated = (Map<String, Object>) EXPECTED.get("pyopenssl_generated");
        for (Map.Entry<String, Object> e : generated.entrySet()) {
            Map<String, Object> expected = (Map<String, Object>) e.getValue();
            byte[] pem = Fixtures.bytes(e.getKey());
            PKey fromPem = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem);
            PKey fromDer = Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, Fixtures.bytes((String) expected.get("der")));
            for (PKey key : List.of(fromPem, fromDer)) {
                assertEquals(((Number) expected.get("type")).intValue(), key.type());
                assertEquals(((Number) expected.get("bits")).intValue(), key.bits());
                assertEquals(expected.get("dump_publickey_asn1_hex"),
                        Hex.toHexString(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key)));
            }
            assertEquals(ascii(pem), ascii(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, fromDer)));
            assertEquals(expected.get("openssl_pkey_text"),
                    dev.portcullis.crypto.internal.keys.KeyFiles.pkeyText(fromPem), e.getKey());
            if (fromPem.type() == Crypto.TYPE_RSA) {
                // pyOpenSSL's TEXT is RSA_print, which prefixes "RSA " to what `openssl pkey -text` prints.
                assertEquals("RSA " + expected.get("openssl_pkey_text"),
                        ascii(Crypto.dumpPrivateKey(Crypto.FILETYPE_TEXT, fromPem)));
            }
        }
    }

    // ---- pyOpenSSL TestFunction / TestLoadPublicKey (research §7.1) ----

    private static byte[] encryptedPem() {
        return Fixtures.bytes("keys/rsa2048.trad-aes256.pem");
    }

    @Test
    void loadPrivateKeyArgumentErrors() {
        byte[] pem = Fixtures.bytes("keys/rsa2048.pkcs8.pem");
        assertEquals("type argument must be FILETYPE_PEM or FILETYPE_ASN1",
                assertThrows(IllegalArgumentException.class, () -> Crypto.loadPrivateKey(100, pem)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_TEXT, pem));
        assertEquals("only FILETYPE_PEM key format supports encryption", assertThrows(IllegalArgumentException.class,
                () -> Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, pem, "x".getBytes())).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, pem, rw -> "x".getBytes()));
        CryptoException noStart = assertThrows(CryptoException.class,
                () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, "no key here".getBytes()));
        assertEquals("[('PEM routines', '', 'no start line')]", noStart.getMessage());
        assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, new byte[0]));
    }

    @Test
    void passphraseAsBytesAndCallback() {
        PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, encryptedPem(), PASSPHRASE);
        assertEquals(2048, key.bits());
        List<Boolean> calls = new ArrayList<>();
        PKey viaCallback = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, encryptedPem(), writing -> {
            calls.add(writing);
            return PASSPHRASE;
        });
        assertEquals(List.of(false), calls);
        assertArrayEquals(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key),
                Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, viaCallback));
    }

    @Test
    void wrongPassphraseCallbackIsAnError() {
        List<Boolean> calls = new ArrayList<>();
        CryptoException e = assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM,
                encryptedPem(), writing -> {
                    calls.add(writing);
                    return "quack".getBytes();
                }));
        assertFalse(e.errors().isEmpty());
        assertEquals(List.of(false), calls);
    }

    @Test
    void callbackExceptionsPropagateUnchanged() {
        ArithmeticException thrown = new ArithmeticException("from the callback");
        assertSame(thrown, assertThrows(ArithmeticException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM,
                encryptedPem(), writing -> {
                    throw thrown;
                })));
        PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/rsa1024.pkcs8.pem"));
        assertSame(thrown, assertThrows(ArithmeticException.class,
                () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key, "aes-256-cbc", writing -> {
                    throw thrown;
                })));
    }

    @Test
    void callbackResultLimits() {
        assertEquals("Bytes expected", assertThrows(IllegalArgumentException.class,
                () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, encryptedPem(), writing -> null)).getMessage());
        assertEquals("passphrase returned by callback is too long", assertThrows(IllegalArgumentException.class,
                () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, encryptedPem(), writing -> new byte[1025]))
                .getMessage());
        PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/rsa1024.pkcs8.pem"));
        assertThrows(IllegalArgumentException.class,
                () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key, "aes-256-cbc", writing -> new byte[1025]));
        byte[] max = new byte[1024];
        java.util.Arrays.fill(max, (byte) 'x');
        byte[] pem = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key, "aes-256-cbc", writing -> max);
        assertEquals(1024, Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, max).bits());
    }

    @Test
    void passphraseIgnoredForUnencryptedKeys() {
        byte[] pem = Fixtures.bytes("keys/rsa1024.pkcs8.pem");
        assertEquals(1024, Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, "unused".getBytes()).bits());
        assertEquals(1024, Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, writing -> {
            throw new AssertionError("the callback must not be called for an unencrypted key");
        }).bits());
    }

    @Test
    void dumpPrivateKeyArgumentErrors() {
        PKey rsa = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/rsa1024.pkcs8.pem"));
        assertEquals("if a value is given for cipher one must also be given for passphrase",
                assertThrows(IllegalArgumentException.class,
                        () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa, "aes-256-cbc", (byte[]) null)).getMessage());
        assertEquals("Invalid cipher name", assertThrows(IllegalArgumentException.class,
                () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa, "zippers", "x".getBytes())).getMessage());
        assertEquals("only FILETYPE_PEM key format supports encryption", assertThrows(IllegalArgumentException.class,
                () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, rsa, "aes-256-cbc", "x".getBytes())).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_TEXT, rsa, null, "x".getBytes()));
        assertEquals("type argument must be FILETYPE_PEM, FILETYPE_ASN1, or FILETYPE_TEXT",
                assertThrows(IllegalArgumentException.class, () -> Crypto.dumpPrivateKey(100, rsa)).getMessage());
        assertEquals("pkey must be a PKey",
                assertThrows(IllegalArgumentException.class, () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_TEXT, null))
                        .getMessage());
        assertThrows(CryptoException.class, () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, new PKey()));
    }

    /** pyOpenSSL: a passphrase with cipher=None is silently ignored. */
    @Test
    void passphraseWithoutCipherIsIgnored() {
        PKey rsa = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/rsa1024.pkcs8.pem"));
        assertArrayEquals(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa),
                Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa, null, "ignored".getBytes()));
        assertArrayEquals(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa),
                Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa, null, writing -> {
                    throw new AssertionError("not called without a cipher");
                }));
    }

    @Test
    void encryptedDumpsReloadWithEveryCipher() {
        PKey ec = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/ec-p256.pkcs8.pem"));
        for (String cipher : new String[] {"aes-256-cbc", "AES128", "aes192", "des3", "des-ede3-cbc", "des",
            "blowfish", "camellia-256-cbc", "aria-128-cbc", "seed-cbc", "sm4-cbc"}) {
            List<Boolean> calls = new ArrayList<>();
            byte[] pem = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, ec, cipher, writing -> {
                calls.add(writing);
                return "foo".getBytes();
            });
            assertEquals(List.of(true), calls);
            assertTrue(ascii(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), cipher);
            PKey back = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, "foo".getBytes());
            assertArrayEquals(Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, ec),
                    Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, back), cipher);
        }
    }

    /** pyOpenSSL 23's error lists for a wrong passphrase (OpenSSL queues the pair twice; once is enough here). */
    @Test
    void wrongPassphraseErrorsAsPyOpenSsl() {
        CryptoException pkcs8 = assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM,
                Fixtures.bytes("keys/ec-p256.pkcs8-pbes2-aes256.pem"), "quack".getBytes()));
        assertEquals("[('Provider routines', '', 'bad decrypt'), ('PKCS12 routines', '', 'pkcs12 cipherfinal error')]",
                pkcs8.getMessage());
        CryptoException traditional = assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(
                Crypto.FILETYPE_PEM, Fixtures.bytes("keys/ec-p256.trad-aes256.pem"), "quack".getBytes()));
        assertEquals("[('Provider routines', '', 'bad decrypt'), ('PEM routines', '', 'bad decrypt')]",
                traditional.getMessage());
    }

    /** pyOpenSSL 23 dumps with an empty passphrase and loads a key OpenSSL encrypted with {@code -passout pass:}. */
    @Test
    void emptyPassphraseWorksBothWays() {
        PKey ec = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/ec-p256.pkcs8.pem"));
        byte[] pem = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, ec, "aes128", new byte[0]);
        assertEquals(256, Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, new byte[0]).bits());
        assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem, "x".getBytes()));
    }

    /** pyOpenSSL test_dump_privatekey_truncated / test_load_privatekey_truncated: a NUL inside counts. */
    @Test
    void passphraseWithNulIsUsedInFull() {
        PKey rsa = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/rsa1024.pkcs8.pem"));
        byte[] withNul = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa, "aes-256-cbc", "foo\0bar".getBytes());
        assertThrows(CryptoException.class, () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, withNul, "foo".getBytes()));
        byte[] plain = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa, "aes-256-cbc", "foo".getBytes());
        assertThrows(CryptoException.class,
                () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, plain, "foo\0bar".getBytes()));
    }

    @Test
    void publicKeyFunctions() {
        String pem = Fixtures.text("keys/rsa2048.spki.pem");
        PKey key = Crypto.loadPublicKey(Crypto.FILETYPE_PEM, pem);
        assertEquals(2048, key.bits());
        assertEquals(Crypto.TYPE_RSA, key.type());
        assertEquals(pem, ascii(Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key)));
        assertEquals("public key only", assertThrows(IllegalArgumentException.class, key::check).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadPublicKey(Crypto.FILETYPE_TEXT, pem));
        assertThrows(IllegalArgumentException.class, () -> Crypto.dumpPublicKey(Crypto.FILETYPE_TEXT, key));
        assertThrows(CryptoException.class, () -> Crypto.loadPublicKey(Crypto.FILETYPE_ASN1, pem));
        assertThrows(CryptoException.class, () -> Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key));
        byte[] der = Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key);
        assertEquals(pem, ascii(Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, Crypto.loadPublicKey(Crypto.FILETYPE_ASN1, der))));
    }

    @Test
    void signWithFixtureKeys() {
        for (String name : List.of("rsa2048", "dsa2048", "ec-p384", "ed25519", "ed448")) {
            PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/" + name + ".pkcs8.pem"));
            byte[] data = "sign me\0".getBytes(StandardCharsets.ISO_8859_1);
            byte[] sig = Crypto.sign(key, data, "sha256");
            dev.portcullis.crypto.internal.Signatures.verify(key.toJavaPublicKey(), sig, data, "sha256");
            assertEquals("No such digest method",
                    assertThrows(IllegalArgumentException.class, () -> Crypto.sign(key, data, "monkeys")).getMessage());
        }
    }

    // ---- elliptic curves (TestEllipticCurve*) ----

    @Test
    void ellipticCurves() {
        Set<EllipticCurve> curves = Crypto.getEllipticCurves();
        assertSame(curves, Crypto.getEllipticCurves());
        assertEquals(69, curves.size());
        for (EllipticCurve curve : curves) {
            assertSame(curve, Crypto.getEllipticCurve(curve.getName()));
            assertEquals("<Curve '" + curve.getName() + "'>", curve.toString());
        }
        EllipticCurve p256 = Crypto.getEllipticCurve("prime256v1");
        assertTrue(curves.contains(p256));
        assertEquals(p256, Crypto.getEllipticCurve("prime256v1"));
        assertNotEquals(p256, Crypto.getEllipticCurve("secp384r1"));
        assertNotEquals(p256, new Object());
        assertFalse(curves.contains(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Crypto.getEllipticCurve("monkeys"))
                .getMessage().startsWith("unknown curve name"));
        assertThrows(IllegalArgumentException.class, () -> Crypto.getEllipticCurve(null));
    }

    /** Keys on every listed curve generate, sign and verify; type 408, bits = the group order size. */
    @Test
    void generateOnEveryCurve() {
        for (EllipticCurve curve : Crypto.getEllipticCurves()) {
            PKey key = PKey.generateEc(curve);
            assertEquals(Crypto.TYPE_EC, key.type(), curve.getName());
            assertTrue(key.bits() > 100, curve.getName());
            byte[] sig = Crypto.sign(key, new byte[] {1, 2, 3}, "sha256");
            dev.portcullis.crypto.internal.Signatures.verify(key.toJavaPublicKey(), sig, new byte[] {1, 2, 3}, "sha256");
            PKey back = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key));
            assertArrayEquals(Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, key),
                    Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, back), curve.getName());
        }
        assertEquals(384, PKey.generateEc("P-384").bits());
        assertThrows(IllegalArgumentException.class, () -> PKey.generateEc("monkeys"));
    }

    @Test
    void generateRfc8410Keys() {
        assertEquals(1087, PKey.generateEd25519().type());
        assertEquals(456, PKey.generateEd448().bits());
        assertEquals(253, PKey.generateX25519().bits());
        assertEquals(1035, PKey.generateX448().type());
        assertThrows(CryptoException.class, () -> Crypto.sign(PKey.generateX25519(), new byte[1], "sha256"));
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
