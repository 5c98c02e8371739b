package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Request and CRL dumps against {@code openssl req/crl -text -noout} and pyOpenSSL's FILETYPE_TEXT (area text). */
class RequestAndCrlTextTest {

    @TestFactory
    List<DynamicTest> everyFixtureRequest() {
        List<DynamicTest> tests = new ArrayList<>();
        TextFixtures.section("requests").forEach((id, req) -> {
            var r = TextFixtures.request((String) req.get("path"));
            tests.add(DynamicTest.dynamicTest(id + " openssl req -text", () ->
                assertEquals(req.get("text"), RequestText.print(r, CertificateText.Flavor.OPENSSL_CLI))));
            tests.add(DynamicTest.dynamicTest(id + " pyOpenSSL", () ->
                assertEquals(req.get("pyopenssl_text"), RequestText.print(r, CertificateText.Flavor.PYOPENSSL))));
        });
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyFixtureCrl() {
        List<DynamicTest> tests = new ArrayList<>();
        TextFixtures.section("crls").forEach((id, crl) -> {
            var c = TextFixtures.crl((String) crl.get("path"));
            tests.add(DynamicTest.dynamicTest(id + " openssl crl -text", () ->
                assertEquals(crl.get("text"), CrlText.print(c, CertificateText.Flavor.OPENSSL_CLI))));
            tests.add(DynamicTest.dynamicTest(id + " pyOpenSSL", () ->
                assertEquals(crl.get("pyopenssl_text"), CrlText.print(c, CertificateText.Flavor.PYOPENSSL))));
        });
        return tests;
    }
}
