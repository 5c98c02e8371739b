package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Fixtures;
import dev.portcullis.testdata.Tools;

/**
 * Live checks that what {@link PKCS12#export} writes opens elsewhere: {@code openssl pkcs12} (with {@code -legacy}
 * for the RC2 profile, which OpenSSL 3 must refuse without it) recovers the same key, certificate, chain and
 * friendly name; NSS's {@code pk12util -i} imports it into a fresh database under the friendly name.
 */
@Tag("interop")
class PKCS12InteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String PASSWORD = "interop pässword";

    private static PKCS12 chain() {
        PKCS12 p12 = new PKCS12();
        p12.setCertificate(ContainerFixtures.leaf());
        p12.setPrivateKey(ContainerFixtures.leafKey());
        p12.setCaCertificates(List.of(ContainerFixtures.intermediate(), ContainerFixtures.root()));
        p12.setFriendlyName("server entry".getBytes(StandardCharsets.UTF_8));
        return p12;
    }

    private static Tools.Result run(String... command) {
        command[0] = Tools.require(command[0]).toString();
        return Tools.run(TIMEOUT, null, command);
    }

    private static List<PKCS12Profile> profiles() {
        return List.of(PKCS12Profile.MODERN, PKCS12Profile.LEGACY, PKCS12Profile.LEGACY_3DES, PKCS12Profile.PYOPENSSL,
                PKCS12Profile.MODERN.withMac(PKCS12Profile.Mac.SHA512).withIterations(50_000, 50_000));
    }

    @Test
    void opensslReadsEveryProfile(@TempDir Path dir) throws Exception {
        String leafPem = new String(Fixtures.bytes("x509/chain/leaf.pem"), StandardCharsets.US_ASCII);
        String keyPem = new String(Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, ContainerFixtures.leafKey()),
                StandardCharsets.US_ASCII);
        for (PKCS12Profile profile : profiles()) {
            Path file = dir.resolve("out.p12");
            Files.write(file, chain().export(PASSWORD.toCharArray(), profile));
            boolean legacy = profile.certEncryption() == PKCS12Profile.Encryption.PBE_SHA1_RC2_40;
            List<String> base = new ArrayList<>(List.of("openssl", "pkcs12", "-in", file.toString(), "-passin",
                    "pass:" + PASSWORD));
            if (legacy) {
                Tools.Result refused = run(concat(base, "-info", "-nokeys"));
                assertNotEquals(0, refused.exitCode(), "OpenSSL 3 must need -legacy for RC2: " + refused);
                base.add("-legacy");
            }
            Tools.Result leaf = run(concat(base, "-nokeys", "-clcerts"));
            assertEquals(0, leaf.exitCode(), profile + ": " + leaf);
            assertTrue(leaf.stdoutText().contains("friendlyName: server entry"), leaf.stdoutText());
            assertTrue(leaf.stdoutText().contains(leafPem), profile.toString());
            Tools.Result cas = run(concat(base, "-nokeys", "-cacerts"));
            assertTrue(cas.stdoutText().contains(new String(Fixtures.bytes("x509/chain/root.pem"),
                    StandardCharsets.US_ASCII)), profile.toString());
            assertTrue(cas.stdoutText().contains(new String(Fixtures.bytes("x509/chain/intermediate.pem"),
                    StandardCharsets.US_ASCII)), profile.toString());
            Tools.Result key = run(concat(base, "-nocerts", "-nodes"));
            assertEquals(0, key.exitCode(), profile + ": " + key);
            assertTrue(key.stdoutText().contains(keyPem), profile + ": " + key.stdoutText());
            Tools.Result info = run(concat(base, "-info", "-noout"));
            String expectedMac = profile.mac().name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(info.stderr().contains("MAC: " + expectedMac + ", Iteration " + profile.macIterations()),
                    profile + ": " + info.stderr());
        }
    }

    @Test
    void opensslReadsMacLessExportWithNomacver(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nomac.p12");
        Files.write(file, chain().export("Lake Michigan".getBytes(StandardCharsets.US_ASCII), 2048, -1));
        Tools.Result result = run("openssl", "pkcs12", "-in", file.toString(), "-passin", "pass:Lake Michigan",
                "-nomacver", "-nodes");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdoutText().contains("BEGIN PRIVATE KEY"));
    }

    @Test
    void opensslReadsPyOpenSslStyleExportWithEmptyPasswords(@TempDir Path dir) throws Exception {
        for (byte[] password : new byte[][] {null, new byte[0]}) {
            Path file = dir.resolve("empty.p12");
            Files.write(file, chain().export(password));
            Tools.Result result = run("openssl", "pkcs12", "-in", file.toString(), "-passin", "pass:", "-nodes");
            assertEquals(0, result.exitCode(), result.toString());
        }
    }

    @Test
    void pk12utilImportsModernAndLegacyExports(@TempDir Path dir) throws Exception {
        for (PKCS12Profile profile : List.of(PKCS12Profile.MODERN, PKCS12Profile.LEGACY, PKCS12Profile.LEGACY_3DES)) {
            Path db = Files.createDirectories(dir.resolve("db-" + profile.certEncryption()));
            Path file = dir.resolve(profile.certEncryption() + ".p12");
            Files.write(file, chain().export(PASSWORD.getBytes(StandardCharsets.UTF_8), profile));
            Tools.Result init = run("certutil", "-N", "-d", "sql:" + db, "--empty-password");
            assertEquals(0, init.exitCode(), init.toString());
            Tools.Result imported = run("pk12util", "-i", file.toString(), "-d", "sql:" + db, "-W", PASSWORD,
                    "-K", "");
            assertEquals(0, imported.exitCode(), profile + ": " + imported.stdoutText() + imported.stderr());
            Tools.Result certs = run("certutil", "-L", "-d", "sql:" + db);
            assertTrue(certs.stdoutText().contains("server entry"), certs.stdoutText());
            Tools.Result keys = run("certutil", "-K", "-d", "sql:" + db);
            assertTrue(keys.stdoutText().contains("server entry"), keys.stdoutText());
        }
    }

    private static String[] concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /**
     * Every scheme OpenSSL can write, most of them refused by OpenSSL 3 without {@code -legacy}: the PKCS#12 PBEs
     * (RC4, RC2, 2-key and 3-key 3DES), the PKCS#5 v1 PBEs (MD5/SHA-1 with DES or RC2) and PBES2 with other
     * ciphers, under several MAC digests; each file reads back with the key and certificate openssl was given.
     */
    @Test
    void weReadEverySchemeOpensslWrites(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("leaf.pem");
        Path key = dir.resolve("leaf.key");
        Files.write(cert, Fixtures.bytes("x509/chain/leaf.pem"));
        Files.write(key, Fixtures.bytes("keys/ec-p256.pkcs8.pem"));
        String[] schemes = {"PBE-SHA1-RC4-128", "PBE-SHA1-RC4-40", "PBE-SHA1-RC2-128", "PBE-SHA1-RC2-40",
            "PBE-SHA1-2DES", "PBE-SHA1-3DES", "PBE-MD5-DES", "PBE-SHA1-DES", "PBE-MD5-RC2-64", "PBE-SHA1-RC2-64",
            "AES-128-CBC", "AES-192-CBC", "CAMELLIA-256-CBC", "DES-EDE3-CBC", "ARIA-192-CBC"};
        String[] macs = {"sha1", "md5", "sha224", "sha384", "sha512", "sha3-256", "sha512-256", "blake2b512"};
        for (int i = 0; i < schemes.length; i++) {
            Path file = dir.resolve(schemes[i] + ".p12");
            Tools.Result made = run("openssl", "pkcs12", "-export", "-legacy", "-in", cert.toString(), "-inkey",
                    key.toString(), "-keypbe", schemes[i], "-certpbe", schemes[(i + 3) % schemes.length], "-macalg",
                    macs[i % macs.length], "-name", "scheme " + i, "-passout", "pass:" + PASSWORD, "-out",
                    file.toString());
            assertEquals(0, made.exitCode(), schemes[i] + ": " + made);
            PKCS12 p12 = Crypto.loadPkcs12(Files.readAllBytes(file), PASSWORD.getBytes(StandardCharsets.UTF_8));
            assertArrayEquals(Fixtures.bytes("x509/chain/leaf.der"),
                    Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, p12.getCertificate()), schemes[i]);
            assertArrayEquals(Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, ContainerFixtures.leafKey()),
                    Crypto.dumpPublicKey(Crypto.FILETYPE_ASN1, p12.getPrivateKey()), schemes[i]);
            assertArrayEquals(("scheme " + i).getBytes(StandardCharsets.US_ASCII), p12.getFriendlyName());
        }
    }

    @Test
    void opensslReadsEveryKeyType(@TempDir Path dir) throws Exception {
        for (String name : List.of("rsa2048", "dsa2048", "ec-p384", "ec-secp256k1", "ed25519", "ed448")) {
            PKCS12 p12 = new PKCS12();
            p12.setPrivateKey(ContainerFixtures.key("keys/" + name + ".pkcs8.pem"));
            p12.setCertificate(ContainerFixtures.cert("x509/selfsigned/" + name + ".pem"));
            Path file = dir.resolve(name + ".p12");
            Files.write(file, p12.export(PASSWORD.toCharArray(), PKCS12Profile.MODERN));
            Tools.Result key = run("openssl", "pkcs12", "-in", file.toString(), "-passin", "pass:" + PASSWORD,
                    "-nocerts", "-nodes");
            assertEquals(0, key.exitCode(), name + ": " + key);
            String fixturePem = new String(Fixtures.bytes("keys/" + name + ".pkcs8.pem"), StandardCharsets.US_ASCII);
            assertTrue(key.stdoutText().contains(fixturePem), name + ": " + key.stdoutText());
        }
    }
}
