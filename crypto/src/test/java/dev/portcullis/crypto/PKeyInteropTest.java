package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Fixtures;
import dev.portcullis.testdata.Tools;

/**
 * Live checks against OpenSSL 3 and pyOpenSSL 23: keys we generate pass {@code openssl pkey -check}; OpenSSL
 * decrypts our encrypted dumps and re-encodes our keys to exactly our bytes; OpenSSL verifies our signatures; and
 * {@link PKey#check()} reports what pyOpenSSL's {@code check()} reports for broken RSA keys.
 */
@Tag("interop")
class PKeyInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static List<PKey> generatedKeys() {
        PKey rsa = new PKey();
        rsa.generateKey(Crypto.TYPE_RSA, 2048);
        PKey dsa = new PKey();
        dsa.generateKey(Crypto.TYPE_DSA, 1024);
        PKey dsa2048 = new PKey();
        dsa2048.generateKey(Crypto.TYPE_DSA, 2048);
        return List.of(rsa, dsa, dsa2048, PKey.generateEc("prime256v1"), PKey.generateEc("secp384r1"),
                PKey.generateEc("secp521r1"), PKey.generateEc("brainpoolP256r1"), PKey.generateEc("secp256k1"),
                PKey.generateEd25519(), PKey.generateEd448(), PKey.generateX25519(), PKey.generateX448());
    }

    private static Tools.Result openssl(byte[] stdin, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Tools.require("openssl").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return Tools.run(TIMEOUT, stdin, cmd);
    }

    @Test
    void opensslAcceptsAndReencodesOurKeysIdentically() {
        for (PKey key : generatedKeys()) {
            byte[] pem = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key);
            String what = key.toString();
            boolean checkable = key.type() != 1034 && key.type() != 1035;
            if (checkable) {
                Tools.Result check = openssl(pem, "pkey", "-check", "-noout");
                assertEquals(0, check.exitCode(), what + ": " + check);
            }
            Tools.Result text = openssl(pem, "pkey", "-text", "-noout");
            assertEquals(text.stdoutText(), dev.portcullis.crypto.internal.keys.KeyFiles.pkeyText(key), what);
            Tools.Result reencoded = openssl(pem, "pkey");
            assertEquals(new String(pem, StandardCharsets.US_ASCII), reencoded.stdoutText(), what);
            Tools.Result traditional = openssl(pem, "pkey", "-traditional", "-outform", "DER");
            assertArrayEquals(traditional.stdout(), Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, key), what);
            Tools.Result pub = openssl(pem, "pkey", "-pubout");
            assertEquals(pub.stdoutText(), new String(Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key),
                    StandardCharsets.US_ASCII), what);
            PKey back = Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, traditional.stdout());
            assertArrayEquals(pem, Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, back), what);
        }
    }

    @Test
    void opensslDecryptsOurEncryptedDumps() {
        PKey key = PKey.generateEc("prime256v1");
        byte[] plain = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key);
        for (String cipher : new String[] {"aes-128-cbc", "aes192", "aes256", "des3", "des", "camellia-128-cbc",
            "aria-256-cbc", "sm4-cbc", "seed-cbc", "blowfish"}) {
            byte[] encrypted = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key, cipher, "pass\u00e9".getBytes(
                    StandardCharsets.UTF_8));
            Tools.Result out = openssl(encrypted, "pkey", "-provider", "default", "-provider", "legacy",
                    "-passin", "pass:pass\u00e9");
            assertEquals(0, out.exitCode(), cipher + ": " + out);
            assertEquals(new String(plain, StandardCharsets.US_ASCII), out.stdoutText(), cipher);
        }
    }

    /** Keys OpenSSL encrypts with its other schemes (PBES1 MD5-DES, scrypt, PRFs, legacy DEK-Info ciphers) load. */
    @Test
    void weDecryptWhatOpensslEncrypts() {
        PKey key = PKey.generateEc("secp384r1");
        byte[] plain = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key);
        List<String[]> schemes = List.of(
                new String[] {"pkcs8", "-topk8", "-v1", "PBE-MD5-DES"},
                new String[] {"pkcs8", "-topk8", "-v1", "PBE-SHA1-DES"},
                new String[] {"pkcs8", "-topk8", "-v1", "PBE-SHA1-RC2-64"},
                new String[] {"pkcs8", "-topk8", "-v1", "PBE-SHA1-2DES"},
                new String[] {"pkcs8", "-topk8", "-v1", "PBE-SHA1-RC2-40"},
                new String[] {"pkcs8", "-topk8", "-v1", "PBE-SHA1-RC4-128"},
                new String[] {"pkcs8", "-topk8", "-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA512"},
                new String[] {"pkcs8", "-topk8", "-v2", "des3", "-v2prf", "hmacWithSHA1"},
                new String[] {"pkcs8", "-topk8", "-v2", "camellia-256-cbc", "-v2prf", "hmacWithSHA384"},
                new String[] {"pkcs8", "-topk8", "-v2", "aes-256-cbc", "-scrypt"},
                new String[] {"pkey", "-traditional", "-des"},
                new String[] {"pkey", "-traditional", "-aes192"},
                new String[] {"pkey", "-traditional", "-camellia256"},
                new String[] {"pkey", "-traditional", "-aria128"});
        for (String[] scheme : schemes) {
            String[] args = new String[scheme.length + 6];
            System.arraycopy(scheme, 0, args, 0, scheme.length);
            System.arraycopy(new String[] {"-provider", "default", "-provider", "legacy", "-passout", "pass:s3cret"},
                    0, args, scheme.length, 6);
            Tools.Result out = openssl(plain, args);
            assertEquals(0, out.exitCode(), String.join(" ", scheme) + ": " + out);
            PKey back = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, out.stdout(), "s3cret".getBytes());
            assertArrayEquals(plain, Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, back), String.join(" ", scheme));
            assertThrows(CryptoException.class,
                    () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, out.stdout(), "wrong".getBytes()));
        }
    }

    @Test
    void opensslVerifiesOurSignatures(@TempDir Path dir) throws Exception {
        byte[] data = "portcullis signs this\0".getBytes(StandardCharsets.ISO_8859_1);
        Path dataFile = Files.write(dir.resolve("data"), data);
        for (PKey key : generatedKeys()) {
            if (key.type() == 1034 || key.type() == 1035) {
                continue;
            }
            Path pub = Files.write(dir.resolve("pub.pem"), Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key));
            Path sig = Files.write(dir.resolve("sig"), Crypto.sign(key, data, "sha384"));
            Tools.Result verified = key.type() == Crypto.TYPE_ED25519 || key.type() == Crypto.TYPE_ED448
                    ? openssl(null, "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-in",
                            dataFile.toString(), "-sigfile", sig.toString())
                    : openssl(null, "dgst", "-sha384", "-verify", pub.toString(), "-signature", sig.toString(),
                            dataFile.toString());
            assertEquals(0, verified.exitCode(), key + ": " + verified);
        }
    }

    /** RSA-PSS, X448, DH and X9.42 DH keys from {@code openssl genpkey}: pyOpenSSL's type and size, exact re-encoding. */
    @Test
    void otherKeyTypesOpensslMakes(@TempDir Path dir) throws Exception {
        List<String> algorithms = List.of("RSA-PSS -pkeyopt rsa_keygen_bits:1024",
                "RSA-PSS -pkeyopt rsa_keygen_bits:1024 -pkeyopt rsa_pss_keygen_md:sha256 -pkeyopt rsa_pss_keygen_saltlen:32",
                "X448", "X25519", "DH -pkeyopt group:ffdhe2048", "DHX -pkeyopt dh_rfc5114:2",
                "EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:explicit");
        for (String algorithm : algorithms) {
            Path file = dir.resolve("key.pem");
            List<String> args = new java.util.ArrayList<>(List.of("genpkey", "-out", file.toString(), "-algorithm"));
            args.addAll(List.of(algorithm.split(" ")));
            Tools.Result gen = openssl(null, args.toArray(new String[0]));
            assertEquals(0, gen.exitCode(), algorithm + ": " + gen);
            byte[] pem = Files.readAllBytes(file);
            String script = "import sys, warnings\nwarnings.simplefilter('ignore')\nfrom OpenSSL import crypto\n"
                    + "k = crypto.load_privatekey(crypto.FILETYPE_PEM, sys.stdin.buffer.read())\n"
                    + "print(k.type(), k.bits())\n";
            Tools.Result py = Tools.run(TIMEOUT, pem, Tools.require(Tools.PYTHON).toString(), "-c", script);
            PKey key = org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                    () -> Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem), algorithm);
            assertEquals(py.stdoutText().trim(), key.type() + " " + key.bits(), algorithm);
            assertArrayEquals(pem, Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, key), algorithm);
            Tools.Result pub = openssl(pem, "pkey", "-pubout");
            assertEquals(pub.stdoutText(), new String(Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key),
                    StandardCharsets.US_ASCII), algorithm);
            PKey publicOnly = Crypto.loadPublicKey(Crypto.FILETYPE_PEM, pub.stdout());
            assertEquals(key.type(), publicOnly.type(), algorithm);
        }
    }

    /** RSA-PSS keys sign as OpenSSL signs: OpenSSL verifies, and the X.509 AlgorithmIdentifier equals OpenSSL's. */
    @Test
    void rsaPssKeysSignAsOpensslDoes(@TempDir Path dir) throws Exception {
        byte[] data = "pss".getBytes(StandardCharsets.US_ASCII);
        Path dataFile = Files.write(dir.resolve("data"), data);
        String[][] cases = {
            {"-pkeyopt rsa_keygen_bits:2048", "sha256", "sha384"},
            {"-pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha384 -pkeyopt rsa_pss_keygen_saltlen:48",
                "sha384", "sha256"},
            {"-pkeyopt rsa_keygen_bits:1536 -pkeyopt rsa_pss_keygen_md:sha256 -pkeyopt rsa_pss_keygen_mgf1_md:sha512",
                "sha256", "sha512"}};
        for (String[] c : cases) {
            Path keyFile = dir.resolve("pss.pem");
            List<String> gen = new java.util.ArrayList<>(List.of("genpkey", "-algorithm", "RSA-PSS", "-out",
                    keyFile.toString()));
            gen.addAll(List.of(c[0].split(" ")));
            assertEquals(0, openssl(null, gen.toArray(new String[0])).exitCode());
            PKey key = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Files.readAllBytes(keyFile));
            Path pub = Files.write(dir.resolve("pub.pem"), Crypto.dumpPublicKey(Crypto.FILETYPE_PEM, key));
            Path sig = Files.write(dir.resolve("sig"), Crypto.sign(key, data, c[1]));
            Tools.Result verified = openssl(null, "dgst", "-" + c[1], "-verify", pub.toString(), "-signature",
                    sig.toString(), dataFile.toString());
            assertEquals(0, verified.exitCode(), c[0] + ": " + verified);
            dev.portcullis.crypto.internal.Signatures.verify(key.toJavaPublicKey(), Files.readAllBytes(sig), data, c[1]);

            Path cert = dir.resolve("cert.pem");
            assertEquals(0, openssl(null, "req", "-x509", "-key", keyFile.toString(), "-" + c[1], "-subj", "/CN=pss",
                    "-days", "1", "-out", cert.toString()).exitCode());
            Tools.Result der = openssl(null, "x509", "-in", cert.toString(), "-outform", "DER");
            org.bouncycastle.asn1.x509.Certificate parsed = org.bouncycastle.asn1.x509.Certificate.getInstance(der.stdout());
            assertArrayEquals(parsed.getSignatureAlgorithm().getEncoded("DER"),
                    dev.portcullis.crypto.internal.Signatures.contentSigner(key, c[1]).getAlgorithmIdentifier()
                            .getEncoded("DER"), c[0]);
            if (c[0].contains("rsa_pss_keygen_md")) {
                assertEquals("[('Provider routines', '', 'digest not allowed')]",
                        assertThrows(CryptoException.class, () -> Crypto.sign(key, data, c[2])).getMessage());
            }
        }
    }

    /** check() on broken RSA keys gives the reasons pyOpenSSL 23's check() gives for the same bytes. */
    @Test
    void checkMatchesPyOpenSsl() throws Exception {
        PKey good = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("keys/rsa1024.pkcs8.pem"));
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) good.toJavaPrivateKey();
        List<UnaryOperator<BigInteger[]>> breakages = List.of(
                v -> set(v, 4, v[4].add(BigInteger.TWO)),
                v -> set(v, 3, v[3].add(BigInteger.ONE)),
                v -> set(v, 6, v[6].add(BigInteger.ONE)),
                v -> set(v, 7, v[7].add(BigInteger.ONE)),
                v -> set(v, 8, v[8].add(BigInteger.ONE)),
                v -> set(v, 2, BigInteger.valueOf(4)),
                v -> set(v, 0, v[0].add(BigInteger.TWO)));
        for (UnaryOperator<BigInteger[]> breakage : breakages) {
            BigInteger[] v = breakage.apply(new BigInteger[] {BigInteger.ZERO, k.getModulus(), k.getPublicExponent(),
                k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(),
                k.getCrtCoefficient()});
            byte[] der = new RSAPrivateKey(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]).getEncoded("DER");
            String pyOpenSsl = pyOpenSslCheck(der);
            String ours;
            try {
                ours = String.valueOf(Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, der).check());
            } catch (CryptoException e) {
                ours = e.getMessage();
            }
            assertEquals(pyOpenSsl, ours.equals("true") ? "True" : ours, "breakage " + breakages.indexOf(breakage));
        }
    }

    /** pyOpenSSL's own broken test keys (tests/test_crypto.py): {@code rsa_p_not_prime_pem}, {@code inconsistentPrivateKeyPEM}. */
    private static final String[] PYOPENSSL_BROKEN_KEYS = {
        "-----BEGIN RSA PRIVATE KEY-----\nMBsCAQACAS0CAQcCAQACAQ8CAQMCAQACAQACAQA=\n-----END RSA PRIVATE KEY-----\n",
        "-----BEGIN RSA PRIVATE KEY-----\n"
            + "MIIBPAIBAAJBAKy+e3dulvXzV7zoTZWc5TzgApr8DmeQHTYC8ydfzH7EECe4R1Xh\n"
            + "5kwIzOuuFfn178FBiS84gngaNcrFi0Z5fAkCAwEaAQJBAIqm/bz4NA1H++Vx5Ewx\n"
            + "OcKp3w19QSaZAwlGRtsUxrP7436QjnREM3Bm8ygU11BjkPVmtrKm6AayQfCHqJoT\n"
            + "zIECIQDW0BoMoL0HOYM/mrTLhaykYAVqgIeJsPjvkEhTFXWBuQIhAM3deFAvWNu4\n"
            + "nklUQ37XsCT2c9tmNt1LAT+slG2JOTTRAiAuXDtC/m3NYVwyHfFm+zKHRzHkClk2\n"
            + "HjubeEgjpj32AQIhAJqMGTaZVOwevTXvvHwNeH+vRWsAYU/gbx+OQB+7VOcBAiEA\n"
            + "oolb6NMg/R3enNPvS1O4UU1H8wpaF77L4yiSWlE0p4w=\n-----END RSA PRIVATE KEY-----\n"};

    /** pyOpenSSL's test_check_pr_897 / test_inconsistent_key keys: the same verdict, entry for entry. */
    @Test
    void pyOpenSslBrokenTestKeys() {
        for (String pem : PYOPENSSL_BROKEN_KEYS) {
            byte[] der = Crypto.dumpPrivateKey(Crypto.FILETYPE_ASN1, Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, pem));
            String ours;
            try {
                ours = String.valueOf(Crypto.loadPrivateKey(Crypto.FILETYPE_ASN1, der).check());
            } catch (CryptoException e) {
                ours = e.getMessage();
            }
            assertEquals(pyOpenSslCheck(der), ours, pem);
        }
    }

    private static BigInteger[] set(BigInteger[] v, int i, BigInteger value) {
        v[i] = value;
        return v;
    }

    private static String pyOpenSslCheck(byte[] der) {
        String script = "import sys, warnings\nwarnings.simplefilter('ignore')\nfrom OpenSSL import crypto\n"
                + "try:\n    print(crypto.load_privatekey(crypto.FILETYPE_ASN1, sys.stdin.buffer.read()).check())\n"
                + "except crypto.Error as e:\n    print(e)\n";
        Tools.Result r = Tools.run(TIMEOUT, der, Tools.require(Tools.PYTHON).toString(), "-c", script);
        assertEquals(0, r.exitCode(), r.toString());
        String out = r.stdoutText().trim();
        assertTrue(!out.isEmpty(), "pyOpenSSL printed nothing");
        return out;
    }
}
