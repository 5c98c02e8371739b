package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.portcullis.testdata.Fixtures;

/**
 * Properties of the key loaders and dumpers: load∘dump is the identity on OpenSSL's own unencrypted encodings in
 * every file type, and any corruption of a fixture (truncation, flipped or inserted bytes, the wrong file type,
 * empty input) makes the loaders throw only {@link CryptoException} or {@link IllegalArgumentException}.
 */
class PKeyProperties {
    private static final List<String> FIXTURES = Fixtures.list("keys/").stream()
            .filter(n -> n.endsWith(".pem") || n.endsWith(".der")).collect(Collectors.toList());
    /** Keys plus a few objects of the wrong type (certificates, requests) as mutation seeds. */
    private static final List<String> SEEDS = java.util.stream.Stream.concat(FIXTURES.stream(),
            Fixtures.list("x509/").stream().filter(n -> n.endsWith(".pem") || n.endsWith(".der")).limit(20))
            .collect(Collectors.toList());
    private static final byte[] PASSPHRASE = "portcullis-test-passphrase".getBytes();

    @Provide
    Arbitrary<String> plainPrivateKeys() {
        return Arbitraries.of(FIXTURES.stream()
                .filter(n -> n.matches("keys/[a-z0-9-]+\\.pkcs8\\.(pem|der)") || n.matches("keys/[a-z0-9-]+\\.trad\\.der"))
                .collect(Collectors.toList()));
    }

    /** OpenSSL's PKCS#8 PEM/DER and traditional DER come back byte for byte from our dumps. */
    @Property(tries = 60)
    void loadThenDumpIsIdentity(@ForAll("plainPrivateKeys") String name) {
        byte[] original = Fixtures.bytes(name);
        if (name.endsWith(".pkcs8.pem")) {
            assertArrayEquals(original, Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM,
                    Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, original)), name);
        } else if (name.endsWith(".trad.der")) {
            assertArrayEquals(original, Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1,
                    Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, original)), name);
        } else {
            // `openssl pkey -outform DER` writes PKCS#8 for most keys but the traditional form for DSA.
            PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, original);
            byte[] pkcs8 = dev.portcullis.crypto.internal.keys.KeyFiles.pkcs8Der(key);
            byte[] traditional = Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, key);
            assertArrayEquals(original, java.util.Arrays.equals(original, traditional) ? traditional : pkcs8, name);
        }
    }

    @Provide
    Arbitrary<PKey> generatedKeys() {
        return Arbitraries.of("rsa", "ec-p256", "ec-brainpoolP384r1", "ed25519", "ed448", "x25519", "dsa")
                .map(PKeyProperties::generate);
    }

    private static PKey generate(String kind) {
        switch (kind) {
            case "rsa": {
                PKey k = new PKey();
                k.generateKey(Crypto.TYPE_RSA, 1024);
                return k;
            }
            case "dsa": {
                PKey k = new PKey();
                k.generateKey(Crypto.TYPE_DSA, 512);
                return k;
            }
            case "ed25519": return PKey.generateEd25519();
            case "ed448": return PKey.generateEd448();
            case "x25519": return PKey.generateX25519();
            default: return PKey.generateEc(kind.substring(3).replace("p256", "prime256v1"));
        }
    }

    /** Generated keys survive PEM, DER and public-key round trips unchanged. */
    @Property(tries = 12)
    void generatedKeysRoundTrip(@ForAll("generatedKeys") PKey key) {
        byte[] pem = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key);
        byte[] der = Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, key);
        assertArrayEquals(pem, Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem)));
        assertArrayEquals(der, Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, der)));
        byte[] spki = Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key);
        assertArrayEquals(spki, Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, Crypto.loadPublicKey(Crypto.FILETYPE_PEM, spki)));
        byte[] encrypted = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key, "aes128", "pw".getBytes());
        assertArrayEquals(der, Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1,
                Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, encrypted, "pw".getBytes())));
    }

    @Provide
    Arbitrary<byte[]> mutatedFixtures() {
        Arbitrary<byte[]> originals = Arbitraries.of(SEEDS).map(Fixtures::bytes);
        return Combinators.combine(originals, Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.bytes())
                .as(PKeyProperties::mutate);
    }

    private static byte[] mutate(byte[] original, int how, int where, byte value) {
        if (original.length == 0) {
            return original;
        }
        int at = where % original.length;
        switch (how) {
            case 0: return java.util.Arrays.copyOf(original, at);
            case 1: {
                byte[] b = original.clone();
                b[at] ^= (byte) (value == 0 ? 1 : value);
                return b;
            }
            case 2: {
                byte[] b = new byte[original.length + 1];
                System.arraycopy(original, 0, b, 0, at);
                b[at] = value;
                System.arraycopy(original, at, b, at + 1, original.length - at);
                return b;
            }
            case 3: return new byte[0];
            default: {
                byte[] b = original.clone();
                for (int i = at; i < Math.min(b.length, at + 16); i++) {
                    b[i] = value;
                }
                return b;
            }
        }
    }

    /** Loaders never fail with anything but CryptoException or IllegalArgumentException. */
    @Property(tries = 400)
    void corruptedInputOnlyGivesDocumentedExceptions(@ForAll("mutatedFixtures") byte[] data) {
        for (int type : new int[] {Crypto.FILETYPE_PEM, Crypto.FILETYPE_ASN1}) {
            expectOnlyDocumented(() -> Crypto.loadPrivateKey(type, data));
            expectOnlyDocumented(() -> Crypto.loadPublicKey(type, data));
        }
        expectOnlyDocumented(() -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, data, PASSPHRASE));
    }

    /** The same over many more mutations; run with the slow profile. */
    @Property(tries = 20000)
    @net.jqwik.api.Tag("slow")
    void manyCorruptedInputsOnlyGiveDocumentedExceptions(@ForAll("mutatedFixtures") byte[] data) {
        corruptedInputOnlyGivesDocumentedExceptions(data);
    }

    private static void expectOnlyDocumented(Runnable load) {
        try {
            load.run();
        } catch (CryptoException | IllegalArgumentException expected) {
            // the documented failure kinds
        }
    }
}
