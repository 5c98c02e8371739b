package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

import dev.portcullis.testdata.Tools;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/** Random CRLs and requests printed by us and by the live {@code openssl crl/req -text -noout}. */
@Tag("interop")
class CrlAndRequestInteropProperties {

    @Provide
    Arbitrary<CertificateList> crls() {
        return RandomCrlsAndRequests.crls();
    }

    @Provide
    Arbitrary<CertificationRequest> requests() {
        return RandomCrlsAndRequests.requests();
    }

    @Property(tries = 100)
    void crlTextMatchesOpenssl(@ForAll("crls") CertificateList crl) throws IOException {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), pem("X509 CRL", crl.getEncoded()), "openssl", "crl", "-text", "-noout");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(r.stdoutText(), CrlText.print(crl, CertificateText.Flavor.OPENSSL_CLI));
    }

    @Property(tries = 100)
    void requestTextMatchesOpenssl(@ForAll("requests") CertificationRequest request) throws IOException {
        Tools.Result r = Tools.run(Duration.ofSeconds(30), pem("CERTIFICATE REQUEST", request.getEncoded()),
            "openssl", "req", "-text", "-noout");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(r.stdoutText(), RequestText.print(request, CertificateText.Flavor.OPENSSL_CLI));
    }

    private static byte[] pem(String type, byte[] der) throws IOException {
        StringWriter pem = new StringWriter();
        try (PemWriter w = new PemWriter(pem)) {
            w.writeObject(new PemObject(type, der));
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
