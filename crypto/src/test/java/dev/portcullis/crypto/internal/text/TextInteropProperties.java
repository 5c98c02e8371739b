package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import net.jqwik.api.Tag;

import dev.portcullis.testdata.Tools;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random certificates (names, serials, times, extensions of every family with random contents) printed by us
 * and by the live {@code openssl x509 -text -noout}: the text must be identical.
 */
@Tag("interop")
class TextInteropProperties {

    @Provide
    Arbitrary<Certificate> certificates() {
        return RandomCertificates.certificates();
    }

    @Property(tries = 200)
    void certificateTextMatchesOpenssl(@ForAll("certificates") Certificate certificate) throws IOException {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), pem(certificate), "openssl", "x509", "-text", "-noout");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(r.stdoutText(), CertificateText.print(certificate, CertificateText.Flavor.OPENSSL_CLI));
    }

    @Property(tries = 100)
    void nameFormatsMatchOpenssl(@ForAll("certificates") Certificate certificate) throws IOException {
        byte[] pem = pem(certificate);
        for (NameText.Format format : NameText.Format.values()) {
            String option = format == NameText.Format.RFC2253 ? "RFC2253"
                : format == NameText.Format.UTF8 ? "utf8,sep_comma_plus,sname" : "oneline";
            Tools.Result r = Tools.run(Duration.ofSeconds(30), pem, "openssl", "x509", "-noout", "-subject", "-nameopt", option);
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(r.stdoutText(), "subject=" + NameText.print(certificate.getSubject(), format) + "\n", option);
        }
    }

    static byte[] pem(Certificate certificate) throws IOException {
        StringWriter pem = new StringWriter();
        try (PemWriter w = new PemWriter(pem)) {
            w.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
