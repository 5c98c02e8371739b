package dev.portcullis.crypto.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Tools;

/** What the builder makes, judged by OpenSSL 3's own verifier and host checks. */
@Tag("interop")
class HeldCertificateInteropTest {
    private static final HeldCertificate ROOT = HeldCertificate.builder().commonName("Interop Root").ca(1).build();
    private static final HeldCertificate INTERMEDIATE = HeldCertificate.builder().commonName("Interop Intermediate")
            .ca(0).signedBy(ROOT).build();

    @TempDir
    Path dir;

    private Tools.Result openssl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Tools.require("openssl").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Tools.run(Duration.ofSeconds(30), null, command);
    }

    private static String all(Tools.Result result) {
        return result.stdoutText() + result.stderr();
    }

    private Path write(String name, String pem) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }

    private Tools.Result verify(HeldCertificate leaf, String... extra) throws Exception {
        Path root = write("root.pem", ROOT.certificatePem());
        Path untrusted = write("int.pem", INTERMEDIATE.certificatePem());
        Path cert = write("leaf.pem", leaf.certificatePem());
        String[] args = new String[6 + extra.length];
        args[0] = "verify";
        args[1] = "-CAfile";
        args[2] = root.toString();
        args[3] = "-untrusted";
        args[4] = untrusted.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        args[args.length - 1] = cert.toString();
        return openssl(args);
    }

    @Test
    void serverClientAndEmailCertificatesPassOpensslVerifyForTheirPurpose() throws Exception {
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost")
                .signedBy(INTERMEDIATE).build();
        assertEquals(0, verify(server, "-purpose", "sslserver").exitCode(), verify(server).toString());
        HeldCertificate client = HeldCertificate.builder().commonName("c").role(CertificateRole.TLS_CLIENT)
                .keyType(KeyType.RSA_2048).signedBy(INTERMEDIATE).build();
        assertEquals(0, verify(client, "-purpose", "sslclient").exitCode());
        Tools.Result wrongPurpose = verify(client, "-purpose", "sslserver");
        assertTrue(all(wrongPurpose).contains("error 26"), wrongPurpose.toString());
        HeldCertificate mail = HeldCertificate.builder().subjectAlternativeNames("a@example.com")
                .role(CertificateRole.EMAIL).keyType(KeyType.ED25519).signedBy(INTERMEDIATE).build();
        assertEquals(0, verify(mail, "-purpose", "smimesign").exitCode(), verify(mail).toString());
    }

    @Test
    void expiredAndNotYetValidCertificatesFailAsOpensslSays() throws Exception {
        Instant past = Instant.parse("2010-01-01T00:00:00Z");
        HeldCertificate expired = HeldCertificate.builder().validity(past, past.plusSeconds(3600))
                .signedBy(INTERMEDIATE).build();
        assertTrue(all(verify(expired)).contains("error 10"), verify(expired).toString());
        Instant future = Instant.now().plus(Duration.ofDays(30));
        HeldCertificate notYet = HeldCertificate.builder().validity(future, future.plusSeconds(3600))
                .signedBy(INTERMEDIATE).build();
        assertTrue(all(verify(notYet)).contains("error 9"), verify(notYet).toString());
    }

    @Test
    void hostAndIpChecksAgreeWithOpenssl() throws Exception {
        HeldCertificate server = HeldCertificate.builder()
                .subjectAlternativeNames("localhost", "*.example.com", "127.0.0.1", "::1").signedBy(ROOT).build();
        Path cert = write("server.pem", server.certificatePem());
        String out = openssl("x509", "-in", cert.toString(), "-noout", "-checkhost", "a.example.com",
                "-checkip", "127.0.0.1").stdoutText();
        assertTrue(out.contains("Hostname a.example.com does match certificate"), out);
        assertTrue(out.contains("IP 127.0.0.1 does match certificate"), out);
        String ipv6 = openssl("x509", "-in", cert.toString(), "-noout", "-checkip", "::1").stdoutText();
        assertTrue(ipv6.contains("does match"), ipv6);
        String miss = openssl("x509", "-in", cert.toString(), "-noout", "-checkhost", "b.a.example.com")
                .stdoutText();
        assertTrue(miss.contains("does NOT match"), miss);
    }

    @Test
    void nameConstraintsAreEnforcedByOpenssl() throws Exception {
        HeldCertificate constrained = HeldCertificate.builder().commonName("Constrained").ca(0)
                .permittedSubtrees("example.com", "10.0.0.0/8").signedBy(ROOT).build();
        HeldCertificate inside = HeldCertificate.builder().subjectAlternativeNames("www.example.com", "10.1.2.3")
                .signedBy(constrained).build();
        HeldCertificate outside = HeldCertificate.builder().subjectAlternativeNames("www.example.org")
                .signedBy(constrained).build();
        Path root = write("root.pem", ROOT.certificatePem());
        Path ca = write("ca.pem", constrained.certificatePem());
        Tools.Result ok = openssl("verify", "-CAfile", root.toString(), "-untrusted", ca.toString(),
                write("in.pem", inside.certificatePem()).toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        Tools.Result bad = openssl("verify", "-CAfile", root.toString(), "-untrusted", ca.toString(),
                write("out.pem", outside.certificatePem()).toString());
        assertTrue(all(bad).contains("error 47"), bad.toString());
    }

    @Test
    void encryptedKeyPemOpensWithOpenssl() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder().signedBy(ROOT).build();
        Path key = write("key.pem", leaf.privateKeyPem("s3cret".getBytes(StandardCharsets.US_ASCII)));
        Tools.Result result = openssl("pkey", "-in", key.toString(), "-passin", "pass:s3cret", "-pubout");
        assertEquals(0, result.exitCode(), result.toString());
        Path cert = write("cert.pem", leaf.certificatePem());
        Tools.Result fromCert = openssl("x509", "-in", cert.toString(), "-noout", "-pubkey");
        assertEquals(fromCert.stdoutText(), result.stdoutText());
    }

    @Test
    void pkcs12InBothProfilesOpensInOpenssl() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder().signedBy(INTERMEDIATE).build();
        for (dev.portcullis.crypto.PKCS12Profile profile : List.of(dev.portcullis.crypto.PKCS12Profile.MODERN,
                dev.portcullis.crypto.PKCS12Profile.LEGACY)) {
            Path p12 = dir.resolve("leaf.p12");
            Files.write(p12, leaf.pkcs12("pw".toCharArray(), profile));
            Tools.Result info = profile == dev.portcullis.crypto.PKCS12Profile.MODERN
                    ? openssl("pkcs12", "-in", p12.toString(), "-passin", "pass:pw", "-nodes", "-info")
                    : openssl("pkcs12", "-legacy", "-in", p12.toString(), "-passin", "pass:pw", "-nodes", "-info");
            assertEquals(0, info.exitCode(), info.toString());
            String text = info.stdoutText();
            assertEquals(2, text.split("BEGIN CERTIFICATE").length - 1, text);
            assertTrue(text.contains("BEGIN PRIVATE KEY"), text);
            assertTrue(text.contains("friendlyName: key"), text);
        }
    }

    @Test
    void opensslsOcspClientSeesGoodThenRevoked() throws Exception {
        try (RevocationServer server = RevocationServer.start(ROOT)) {
            HeldCertificate leaf = HeldCertificate.builder().ocspResponder(server.ocspUrl()).signedBy(ROOT).build();
            Path root = write("root.pem", ROOT.certificatePem());
            Path cert = write("leaf.pem", leaf.certificatePem());
            Tools.Result good = openssl("ocsp", "-issuer", root.toString(), "-cert", cert.toString(), "-url",
                    server.ocspUrl(), "-CAfile", root.toString());
            assertTrue(good.stdoutText().contains(cert + ": good"), all(good));
            assertTrue(all(good).contains("Response verify OK"), all(good));
            server.revoke(leaf.certificate());
            Tools.Result revoked = openssl("ocsp", "-issuer", root.toString(), "-cert", cert.toString(), "-url",
                    server.ocspUrl(), "-CAfile", root.toString());
            assertTrue(revoked.stdoutText().contains(cert + ": revoked"), all(revoked));
            Path crl = dir.resolve("crl.der");
            Files.write(crl, dev.portcullis.crypto.Crypto.dumpCrl(dev.portcullis.crypto.Crypto.FILETYPE_PEM,
                    server.currentCrl()));
            Tools.Result verify = openssl("verify", "-crl_check", "-CAfile", root.toString(), "-CRLfile",
                    crl.toString(), cert.toString());
            assertTrue(all(verify).contains("error 23"), all(verify));
        }
    }
}
