package dev.portcullis.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.crypto.internal.digest.DigestAlgorithm;

/**
 * Digest names and values. Oracles: {@code printf abc | openssl dgst -NAME -r} (OpenSSL 3.0.22; md4 and whirlpool
 * with {@code -provider legacy}) for the hash values, and pyOpenSSL 23's {@code X509.digest(name)} with OpenSSL 3.0
 * for which names exist (the digest length it printed) and which do not ({@code ValueError}).
 */
class DigestsTest {

    @ParameterizedTest
    @CsvSource({
        "md4, a448017aaf21d8525fc10ae87aa6729d",
        "md5, 900150983cd24fb0d6963f7d28e17f72",
        "md5-sha1, 900150983cd24fb0d6963f7d28e17f72a9993e364706816aba3e25717850c26c9cd0d89d",
        "sha1, a9993e364706816aba3e25717850c26c9cd0d89d",
        "sha224, 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
        "sha256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "sha384, cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
        "sha512, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        "sha512-224, 4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
        "sha512-256, 53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
        "sha3-224, e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
        "sha3-256, 3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
        "sha3-384, ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25",
        "sha3-512, b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
        "shake128, 5881092dd818bf5cf8a3ddb793fbcba7",
        "shake256, 483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739",
        "sm3, 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
        "ripemd160, 8eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        "blake2b512, ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        "blake2s256, 508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982",
        "whirlpool, 4e2448a4c6f486bb16b6562c73b4020bf3043e3a731bce721ae1b303d97e6d4c7181eebdb6c57e277d0e34957114cbd6c797fc9d95d8b582d225292076d4eef5",
    })
    void hashesAbcAsOpensslDgst(String name, String hex) {
        DigestAlgorithm digest = Digests.byName(name);
        byte[] out = digest.hash("abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(hex, Hex.toHexString(out));
        assertEquals(hex.length() / 2, digest.size());
    }

    /** Names pyOpenSSL 23 / OpenSSL 3.0 accepted, with the digest length in bytes it produced. */
    @ParameterizedTest
    @CsvSource({
        "md4,16", "md5,16", "md5-sha1,36", "MD5-SHA1,36", "sha1,20", "sha-1,20", "sha2-256,32", "sha-256,32",
        "sha224,28", "sha256,32", "SHA256,32", "Sha256,32", "sha384,48", "sha512,64", "sha512-224,28",
        "SHA512-224,28", "sha512-256,32", "sha-512/224,28", "sha2-512/224,28", "sha2-512/256,32", "SHA-512/256,32",
        "sha3-224,28", "sha3-256,32", "sha3-384,48", "sha3-512,64", "shake128,16", "shake256,32", "shake-128,16",
        "shake-256,32", "sm3,32", "ripemd160,20", "ripemd,20", "rmd160,20", "ripemd-160,20", "blake2b512,64",
        "blake2s256,32", "blake2b-512,64", "blake2s-256,32", "BLAKE2S-256,32", "whirlpool,64", "RSA-SHA256,32",
        "rsa-sha1-2,20", "sha256WithRSAEncryption,32", "RSA-SHA512/224,28", "RSA-SHA512/256,32", "ssl3-md5,16",
        "ssl3-sha1,20", "id-rsassa-pkcs1-v1_5-with-sha3-256,32", "2.16.840.1.101.3.4.2.1,32", "RSA-SM3,32",
        "sm3WithRSAEncryption,32", "ripemd160WithRSA,20", "sha512WithRSAEncryption,64", "md5WithRSAEncryption,16",
        "1.2.840.113549.2.5,16", "1.2.840.113549.2.4,16", "RSA-SHA3-256,32", "RSA-SHA3-224,28",
        "sha512-256WithRSAEncryption,32", "1.3.36.3.2.1,20", "1.0.10118.3.0.55,64", "1.2.156.10197.1.401,32",
        "1.3.6.1.4.1.1722.12.2.1.16,64", "2.16.840.1.101.3.4.2.12,32", "2.16.840.1.101.3.4.2.4,28",
    })
    void acceptsEveryNameOpensslAccepts(String name, int size) {
        assertEquals(size, Digests.byName(name).size());
    }

    /** Names for which pyOpenSSL 23 raised {@code ValueError("No such digest method")}. */
    @ParameterizedTest
    @ValueSource(strings = {"monkeys", "sha512/224", "mdc2", "ecdsa-with-SHA256", "dsa-with-SHA256", "dsaWithSHA1",
        "DSA-SHA1", "DSA", "null", "NULL", "sha", "rsa-sha", "ecdsa-with-SHA1", "keccak-kmac-128", "undef",
        "RSA-MDC2", "RSA-NP-MD5", "DSA-RIPEMD160", "sha512_224", "ssl2-md5", "1.2.840.113549.1.1.11",
        "1.3.36.3.3.1.2", "1.2.840.10045.4.3.2", "keccak-256", "sha3", "", " sha256"})
    void rejectsNamesOpensslRejects(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Digests.byName(name));
        assertEquals("No such digest method", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void nullIsNoSuchDigest() {
        assertThrows(IllegalArgumentException.class, () -> Digests.byName(null));
    }

    @org.junit.jupiter.api.Test
    void aliasesShareOneDigest() {
        assertSame(Digests.SHA256, Digests.byName("RSA-SHA256"));
        assertSame(Digests.SHA1, Digests.byName("SSL3-SHA1"));
    }
}
