package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.testdata.Json;
import dev.portcullis.testdata.Tools;

/**
 * 150 random certificates given to the live pyOpenSSL 23 in one batch: {@code repr(X509Name)} for subject and
 * issuer, {@code dump_certificate(FILETYPE_TEXT)} and {@code str(ext)} of every extension must equal ours.
 */
@Tag("interop")
class PyOpenSslTextInteropTest {
    private static final String SCRIPT = String.join("\n",
        "import json, sys, os",
        "from OpenSSL import crypto",
        "out = []",
        "for name in sorted(os.listdir(sys.argv[1])):",
        "    x = crypto.load_certificate(crypto.FILETYPE_PEM, open(os.path.join(sys.argv[1], name), 'rb').read())",
        "    exts = []",
        "    for i in range(x.get_extension_count()):",
        "        try:",
        "            exts.append({'ok': True, 'value': str(x.get_extension(i))})",
        "        except crypto.Error as e:",
        "            exts.append({'ok': False, 'error': 'Error'})",
        "        except UnicodeDecodeError:",
        "            exts.append({'ok': False, 'error': 'UnicodeDecodeError'})",
        "    out.append({'name': name, 'subject': repr(x.get_subject()), 'issuer': repr(x.get_issuer()),",
        "                'text': crypto.dump_certificate(crypto.FILETYPE_TEXT, x).decode('utf-8', 'replace'), 'exts': exts})",
        "print(json.dumps(out))");

    @Test
    void randomCertificatesAsPyOpenSslShowsThem(@TempDir Path dir) throws IOException {
        List<Certificate> certs = RandomCertificates.certificates().sampleStream().limit(150).collect(Collectors.toList());
        Path pems = Files.createDirectory(dir.resolve("pems"));
        for (int i = 0; i < certs.size(); i++) {
            Files.write(pems.resolve(String.format("c%03d.pem", i)), TextInteropProperties.pem(certs.get(i)));
        }
        Files.writeString(dir.resolve("s.py"), SCRIPT);
        Tools.Result r = Tools.run(Duration.ofSeconds(120), null, Tools.PYTHON, dir.resolve("s.py").toString(), pems.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) Json.parse(r.stdoutText());
        for (int i = 0; i < certs.size(); i++) {
            Certificate c = certs.get(i);
            Map<String, Object> want = results.get(i);
            String where = "certificate " + want.get("name") + " in " + dir;
            assertEquals(want.get("subject"), "<X509Name object '" + NameText.oneline(c.getSubject(), 512) + "'>", where);
            assertEquals(want.get("issuer"), "<X509Name object '" + NameText.oneline(c.getIssuer(), 512) + "'>", where);
            assertEquals(want.get("text"), CertificateText.print(c, CertificateText.Flavor.PYOPENSSL), where);
            List<Extension> exts = ExtensionPrinter.listOf(c.getTBSCertificate().getExtensions());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> wantExts = (List<Map<String, Object>>) want.get("exts");
            for (int e = 0; e < exts.size(); e++) {
                Map<String, Object> w = wantExts.get(e);
                String got;
                try {
                    got = ExtensionPrinter.pyOpenSslString(exts.get(e));
                } catch (CryptoException ex) {
                    got = "Error";
                }
                if ("UnicodeDecodeError".equals(w.get("error"))) {
                    continue; // pyOpenSSL cannot decode the raw bytes it printed; nothing to compare
                }
                assertEquals(Boolean.TRUE.equals(w.get("ok")) ? w.get("value") : "Error", got,
                    where + " extension " + exts.get(e).getExtnId());
            }
        }
    }
}
