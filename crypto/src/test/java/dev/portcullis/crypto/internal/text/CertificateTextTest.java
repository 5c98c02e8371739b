package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Whole certificate dumps against {@code openssl x509 -text -noout} and pyOpenSSL's FILETYPE_TEXT (area text). */
class CertificateTextTest {

    @TestFactory
    List<DynamicTest> everyFixtureCertificate() {
        List<DynamicTest> tests = new ArrayList<>();
        TextFixtures.certificates().forEach((id, cert) -> {
            Certificate c = TextFixtures.certificate((String) cert.get("path"));
            tests.add(DynamicTest.dynamicTest(id + " openssl x509 -text", () ->
                assertEquals(cert.get("text"), CertificateText.print(c, CertificateText.Flavor.OPENSSL_CLI))));
            tests.add(DynamicTest.dynamicTest(id + " pyOpenSSL FILETYPE_TEXT", () ->
                assertEquals(cert.get("pyopenssl_text"), CertificateText.print(c, CertificateText.Flavor.PYOPENSSL))));
        });
        return tests;
    }
}
