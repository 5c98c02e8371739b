package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.testdata.Fixtures;

/**
 * {@link NetscapeSPKI}: pyOpenSSL 24.0's TestNetscapeSPKI and the PKey interaction tests, and every SPKAC fixture
 * (made by {@code openssl spkac} and pyOpenSSL, verified there) read and verified here.
 */
class NetscapeSPKITest {
    @Test
    void construction() {
        NetscapeSPKI spki = new NetscapeSPKI();
        assertEquals("", spki.getChallenge());
        assertThrows(CryptoException.class, spki::getPubkey);
        assertThrows(CryptoException.class, spki::b64Encode);
    }

    @Test
    void signWithUngeneratedKey() {
        NetscapeSPKI spki = new NetscapeSPKI();
        assertThrows(IllegalArgumentException.class, () -> spki.sign(new PKey(), "sha256"));
    }

    @Test
    void signWithPublicKey() {
        NetscapeSPKI spki = new NetscapeSPKI();
        PKey publicOnly = ContainerFixtures.leaf().getPubkey();
        spki.setPubkey(publicOnly);
        assertThrows(IllegalArgumentException.class, () -> spki.sign(publicOnly, "sha256"));
    }

    @Test
    void signWithUnknownDigest() {
        NetscapeSPKI spki = new NetscapeSPKI();
        spki.setPubkey(TestKeys.rsa());
        assertEquals("No such digest method",
                assertThrows(IllegalArgumentException.class, () -> spki.sign(TestKeys.rsa(), "monkeys")).getMessage());
    }

    @Test
    void signAndVerifyWithEveryKeyType() {
        for (PKey key : List.of(TestKeys.rsa(), TestKeys.ec(), TestKeys.ed25519(), TestKeys.ed448())) {
            NetscapeSPKI spki = new NetscapeSPKI();
            spki.setPubkey(key);
            spki.setChallenge("hello");
            spki.sign(key, "sha256");
            assertTrue(spki.verify(key));
            assertTrue(spki.verify(spki.getPubkey()));
            assertThrows(CryptoException.class, () -> spki.verify(TestKeys.otherRsa()));
            NetscapeSPKI back = NetscapeSPKI.fromBase64(spki.b64Encode());
            assertEquals("hello", back.getChallenge());
            assertTrue(back.verify(key));
            assertEquals(spki.b64Encode(), back.b64Encode());
        }
    }

    @Test
    void b64EncodeIsOneLineOfBase64() {
        NetscapeSPKI spki = new NetscapeSPKI();
        spki.setPubkey(TestKeys.ec());
        spki.sign(TestKeys.ec(), "sha256");
        assertTrue(spki.b64Encode().matches("[A-Za-z0-9+/=]+"));
    }

    @Test
    void badInput() {
        assertThrows(CryptoException.class, () -> NetscapeSPKI.fromBase64("not base64!"));
        assertThrows(CryptoException.class, () -> NetscapeSPKI.fromBase64("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> NetscapeSPKI.fromBase64(null));
        assertThrows(IllegalArgumentException.class, () -> new NetscapeSPKI().setChallenge("ключ"));
    }

    static List<String> spkacFixtures() {
        return ContainerFixtures.names("spkac");
    }

    @ParameterizedTest
    @MethodSource("spkacFixtures")
    void fixtureVerifiesAsOpensslSaid(String name) {
        Map<String, Object> expected = ContainerFixtures.expected("spkac", name);
        String text = Fixtures.text(name).trim();
        String base64 = text.startsWith("SPKAC=") ? text.substring("SPKAC=".length()) : text;
        NetscapeSPKI spki = NetscapeSPKI.fromBase64(base64);
        assertTrue(spki.verify(spki.getPubkey()));
        if (expected.get("key") != null) {
            PKey key = ContainerFixtures.key((String) expected.get("key"));
            assertArrayEquals(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, key),
                    Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, spki.getPubkey()));
        }
        if (expected.get("challenge") != null) {
            assertEquals(expected.get("challenge"), spki.getChallenge());
        }
        assertEquals(base64.replaceAll("\\s", ""), spki.b64Encode());
    }

    /** pyOpenSSL's SPKAC (set_pubkey, sign(key, 'sha256'), b64_encode()) rebuilt with the same calls: same text. */
    @Test
    void pyOpenSslSpkacIsReproduced() {
        Map<String, Object> expected = ContainerFixtures.expected("spkac", "containers/spkac/pyopenssl-rsa1024.spkac");
        PKey key = ContainerFixtures.key((String) expected.get("key"));
        NetscapeSPKI spki = new NetscapeSPKI();
        spki.setPubkey(key);
        spki.sign(key, "sha256");
        assertEquals(expected.get("b64_encode"), spki.b64Encode());
    }
}
