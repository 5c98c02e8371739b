package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.jqwik.api.Arbitraries;

import dev.portcullis.testdata.Tools;

/**
 * Live checks against OpenSSL 3 and pyOpenSSL 23 (run with {@code -Pinterop}; a missing tool fails): certificates
 * and requests we generate are read and verified by {@code openssl x509}, {@code openssl req -verify} and
 * {@code openssl verify}, and for generated names with arbitrary Unicode values pyOpenSSL reports the same name
 * hash, repr and components as we do.
 */
@Tag("interop")
class X509InteropTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static Tools.Result openssl(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Tools.require("openssl").toString());
        command.addAll(List.of(args));
        return Tools.run(TIMEOUT, stdin, command.toArray(new String[0]));
    }

    private static String pem(X509 cert) {
        return new String(Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert), StandardCharsets.US_ASCII);
    }

    private static X509 issue(PKey subjectKey, String commonName, X509 issuer, PKey issuerKey, long serial,
            List<String[]> extensions) {
        X509 cert = new X509();
        cert.setVersion(2);
        cert.setSerialNumber(serial);
        cert.getSubject().set("O", "Portcullis Interop");
        cert.getSubject().set("CN", commonName);
        cert.setIssuer(issuer == null ? cert.getSubject() : issuer.getSubject());
        cert.setPubkey(subjectKey);
        cert.gmtimeAdjNotBefore(-3600);
        cert.gmtimeAdjNotAfter(30 * 86_400L);
        List<X509Extension> built = new ArrayList<>();
        for (String[] e : extensions) {
            built.add(new X509Extension(e[0], Boolean.parseBoolean(e[1]), e[2], cert, issuer == null ? cert : issuer));
        }
        cert.addExtensions(built);
        cert.sign(issuerKey, "sha256");
        return cert;
    }

    @Test
    void opensslReadsGeneratedCertificates() {
        for (PKey key : List.of(TestKeys.rsa(), TestKeys.ec(), TestKeys.ed25519(), TestKeys.ed448())) {
            X509 cert = TestKeys.selfSigned(key, "interop", "sha384");
            Tools.Result result = openssl(Crypto.dumpCertificate(Crypto.FILETYPE_PEM, cert), "x509", "-noout",
                    "-serial", "-fingerprint", "-sha256", "-subject_hash");
            assertEquals(0, result.exitCode(), result.toString());
            String expected = "serial=01\nsha256 Fingerprint=" + cert.digest("sha256") + "\n"
                    + String.format("%08x", cert.subjectNameHash()) + "\n";
            assertEquals(expected, result.stdoutText());
            Tools.Result der = openssl(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert), "x509", "-inform", "DER",
                    "-noout", "-text");
            assertEquals(0, der.exitCode(), der.toString());
        }
    }

    @Test
    void opensslVerifiesAGeneratedChain(@TempDir Path dir) throws Exception {
        PKey rootKey = TestKeys.ec();
        PKey intermediateKey = TestKeys.rsa();
        PKey leafKey = TestKeys.ed25519();
        X509 root = issue(rootKey, "Interop Root", null, rootKey, 1, List.of(
                new String[] {"basicConstraints", "true", "CA:TRUE"},
                new String[] {"keyUsage", "true", "keyCertSign, cRLSign"},
                new String[] {"subjectKeyIdentifier", "false", "hash"}));
        X509 intermediate = issue(intermediateKey, "Interop Intermediate", root, rootKey, 2, List.of(
                new String[] {"basicConstraints", "true", "CA:TRUE, pathlen:0"},
                new String[] {"keyUsage", "true", "keyCertSign, cRLSign"},
                new String[] {"subjectKeyIdentifier", "false", "hash"},
                new String[] {"authorityKeyIdentifier", "false", "keyid:always"}));
        X509 leaf = issue(leafKey, "leaf.example.com", intermediate, intermediateKey, 3, List.of(
                new String[] {"basicConstraints", "true", "CA:FALSE"},
                new String[] {"keyUsage", "true", "digitalSignature"},
                new String[] {"extendedKeyUsage", "false", "serverAuth"},
                new String[] {"subjectAltName", "false", "DNS:leaf.example.com, IP:192.0.2.7"},
                new String[] {"subjectKeyIdentifier", "false", "hash"},
                new String[] {"authorityKeyIdentifier", "false", "keyid:always"}));
        Files.writeString(dir.resolve("root.pem"), pem(root));
        Files.writeString(dir.resolve("intermediate.pem"), pem(intermediate));
        Files.writeString(dir.resolve("leaf.pem"), pem(leaf));
        Tools.Result result = Tools.runIn(dir, TIMEOUT, null, Tools.require("openssl").toString(), "verify",
                "-x509_strict", "-CAfile", "root.pem", "-untrusted", "intermediate.pem", "-purpose", "sslserver",
                "-verify_hostname", "leaf.example.com", "-verify_ip", "192.0.2.7", "leaf.pem");
        assertEquals("leaf.pem: OK\n", result.stdoutText(), result.toString());
        assertEquals(0, result.exitCode());
    }

    @Test
    void opensslVerifiesGeneratedRequests() {
        for (PKey key : List.of(TestKeys.rsa(), TestKeys.ec(), TestKeys.ed25519(), TestKeys.ed448())) {
            X509Req request = new X509Req();
            request.getSubject().set("CN", "request");
            request.getSubject().set("emailAddress", "req@example.com");
            request.setPubkey(key);
            request.addExtensions(List.of(new X509Extension("subjectAltName", false, "DNS:req.example.com")));
            request.sign(key, "sha256");
            Tools.Result result = openssl(Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM, request), "req",
                    "-verify", "-noout");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stderr().contains("verify OK") || result.stdoutText().contains("verify OK"),
                    result.toString());
        }
    }

    /** pyOpenSSL reads certificates from stdin (one hex DER per line) and prints hash, repr and components. */
    private static final String PYOPENSSL_NAMES = String.join("\n",
            "import sys, warnings",
            "warnings.simplefilter('ignore')",
            "from OpenSSL import crypto",
            "for line in sys.stdin:",
            "    c = crypto.load_certificate(crypto.FILETYPE_ASN1, bytes.fromhex(line.strip()))",
            "    s = c.get_subject()",
            "    comps = ','.join(k.decode() + '=' + v.hex() for k, v in s.get_components())",
            "    print(c.subject_name_hash(), comps, repr(s).encode('unicode_escape').decode('ascii'), sep='\\t')",
            "");

    @Test
    void pyOpenSslAgreesOnGeneratedNames() {
        List<String> commonNames = X509NameProperties.unicodeValues().sampleStream().limit(150).toList();
        List<String> organizations = Arbitraries.of("Acme Inc", "  MIXED case  ORG ", "\u00c9cole", "\u2603 snow")
                .sampleStream().limit(150).toList();
        List<X509> certs = new ArrayList<>();
        StringBuilder stdin = new StringBuilder();
        for (int i = 0; i < commonNames.size(); i++) {
            X509 cert = new X509();
            cert.getSubject().set("O", organizations.get(i));
            cert.getSubject().set("CN", commonNames.get(i));
            cert.getSubject().set("C", "US");
            cert.setPubkey(TestKeys.ec());
            cert.gmtimeAdjNotBefore(0);
            cert.gmtimeAdjNotAfter(60);
            cert.sign(TestKeys.ec(), "sha256");
            certs.add(cert);
            stdin.append(HexFormat.of().formatHex(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert))).append('\n');
        }
        Tools.Result result = Tools.run(TIMEOUT, stdin.toString().getBytes(StandardCharsets.US_ASCII),
                Tools.require(Tools.PYTHON).toString(), "-c", PYOPENSSL_NAMES);
        assertEquals(0, result.exitCode(), result.toString());
        String[] lines = result.stdoutText().split("\n");
        assertEquals(certs.size(), lines.length);
        for (int i = 0; i < certs.size(); i++) {
            String[] fields = lines[i].split("\t");
            X509Name subject = certs.get(i).getSubject();
            assertEquals(Long.parseLong(fields[0]), subject.hash(), "hash of " + subject);
            StringBuilder components = new StringBuilder();
            for (X509Name.Component c : subject.getComponents()) {
                components.append(components.length() == 0 ? "" : ",")
                        .append(new String(c.name(), StandardCharsets.US_ASCII)).append('=')
                        .append(HexFormat.of().formatHex(c.value()));
            }
            assertEquals(fields[1], components.toString());
            assertEquals(fields[2], escape(subject.toString()), "repr");
        }
    }

    /** Python's {@code unicode_escape} of an ASCII-only repr: only backslashes are doubled. */
    private static String escape(String repr) {
        StringBuilder out = new StringBuilder();
        for (char c : repr.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
