package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.testdata.Tools;

/**
 * Live checks that the CRLs {@link CRL#export} and {@link CRL#sign} write verify with {@code openssl crl -verify}
 * under RSA and EC issuers, and that {@link CRL#toText()} prints exactly what {@code openssl crl -text -noout}
 * prints for them.
 */
@Tag("interop")
class CRLInteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Tools.Result openssl(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Tools.require("openssl").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Tools.run(TIMEOUT, null, command);
    }

    private static CRL listWithEntries() {
        CRL crl = new CRL();
        String[][] entries = {{"1001", "keyCompromise"}, {"ABCDEF0123456789", null}, {"7", "certificateHold"},
                {"3", "CA Compromise"}};
        for (String[] entry : entries) {
            Revoked revoked = new Revoked();
            revoked.setSerial(entry[0]);
            revoked.setRevDate("20240102030405Z");
            revoked.setReason(entry[1]);
            crl.addRevoked(revoked);
        }
        return crl;
    }

    @Test
    void opensslVerifiesAndPrintsOurLists(@TempDir Path dir) throws Exception {
        record Issuer(X509 cert, PKey key, String digest, String file) {
        }
        List<Issuer> issuers = List.of(
                new Issuer(ContainerFixtures.root(), ContainerFixtures.rootKey(), "sha256", "x509/chain/root.pem"),
                new Issuer(ContainerFixtures.intermediate(), ContainerFixtures.key("keys/ec-p384.pkcs8.pem"),
                        "sha384", "x509/chain/intermediate.pem"));
        for (Issuer issuer : issuers) {
            Path ca = dir.resolve("ca.pem");
            Files.write(ca, dev.portcullis.testdata.Fixtures.bytes(issuer.file()));
            for (int version : new int[] {0, 1}) {
                CRL crl = listWithEntries();
                crl.setVersion(version);
                if (version == 1) {
                    crl.addExtensions(List.of(new X509Extension("authorityKeyIdentifier", false, "keyid:always",
                            null, issuer.cert()), new X509Extension("crlNumber", false, "DER:02:02:01:00")));
                }
                Path file = dir.resolve("crl.pem");
                Files.write(file, crl.export(issuer.cert(), issuer.key(), Crypto.FILETYPE_PEM, 30, issuer.digest()));
                Tools.Result verified = openssl("crl", "-in", file.toString(), "-CAfile", ca.toString(), "-noout");
                assertEquals(0, verified.exitCode(), verified.toString());
                assertTrue(verified.stderr().contains("verify OK"), verified.stderr());
                Tools.Result text = openssl("crl", "-in", file.toString(), "-text", "-noout");
                assertEquals(text.stdoutText(), crl.toText());

                crl.setLastUpdate("20250101000000Z");
                crl.setNextUpdate("20260101000000Z");
                crl.sign(issuer.cert(), issuer.key(), issuer.digest());
                Files.write(file, Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl));
                Tools.Result der = openssl("crl", "-inform", "DER", "-in", file.toString(), "-CAfile", ca.toString(),
                        "-noout", "-text");
                assertEquals(0, der.exitCode(), der.toString());
                assertTrue(der.stderr().contains("verify OK"), der.stderr());
                assertEquals(der.stdoutText(), crl.toText());
            }
        }
    }
}
