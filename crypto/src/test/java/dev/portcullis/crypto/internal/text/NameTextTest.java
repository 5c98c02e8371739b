package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Name renderings against {@code openssl x509 -subject/-issuer}, pyOpenSSL's repr and its text dump (area text). */
class NameTextTest {

    @TestFactory
    List<DynamicTest> everyFixtureName() {
        List<DynamicTest> tests = new ArrayList<>();
        TextFixtures.certificates().forEach((id, cert) -> {
            TBSCertificate tbs = TextFixtures.certificate((String) cert.get("path")).getTBSCertificate();
            X500Name subject = tbs.getSubject();
            X500Name issuer = tbs.getIssuer();
            tests.add(DynamicTest.dynamicTest(id + " -subject", () ->
                assertEquals(cert.get("subject_line"), "subject=" + NameText.print(subject) + "\n")));
            tests.add(DynamicTest.dynamicTest(id + " -issuer", () ->
                assertEquals(cert.get("issuer_line"), "issuer=" + NameText.print(issuer) + "\n")));
            tests.add(DynamicTest.dynamicTest(id + " repr", () ->
                assertEquals(cert.get("subject_repr"), "<X509Name object '" + NameText.oneline(subject, 512) + "'>")));
            tests.add(DynamicTest.dynamicTest(id + " pyOpenSSL text Subject", () -> {
                String text = (String) cert.get("pyopenssl_text");
                String line = text.lines().filter(l -> l.startsWith("        Subject: ")).findFirst().orElseThrow();
                assertEquals(line, "        Subject: " + NameText.printCompat(subject));
            }));
        });
        return tests;
    }
}
