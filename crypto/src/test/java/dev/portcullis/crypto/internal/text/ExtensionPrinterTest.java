package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.portcullis.crypto.CryptoException;

/** Extension text against what pyOpenSSL's {@code str(ext)} and {@code openssl x509 -text} printed (fixture area text). */
class ExtensionPrinterTest {

    @TestFactory
    List<DynamicTest> pyOpenSslStrOfEveryFixtureExtension() {
        List<DynamicTest> tests = new ArrayList<>();
        TextFixtures.certificates().forEach((id, cert) -> {
            List<Extension> exts = ExtensionPrinter.listOf(
                TextFixtures.certificate((String) cert.get("path")).getTBSCertificate().getExtensions());
            List<Map<String, Object>> recorded = TextFixtures.list(cert, "extensions");
            tests.add(DynamicTest.dynamicTest(id + " count", () -> assertEquals(recorded.size(), exts.size())));
            for (int i = 0; i < recorded.size(); i++) {
                Map<String, Object> want = recorded.get(i);
                Extension ext = exts.get(i);
                @SuppressWarnings("unchecked")
                Map<String, Object> str = (Map<String, Object>) want.get("str");
                tests.add(DynamicTest.dynamicTest(id + " " + want.get("short_name") + " #" + i, () -> {
                    if (Boolean.TRUE.equals(str.get("ok"))) {
                        assertEquals(str.get("value"), ExtensionPrinter.pyOpenSslString(ext));
                    } else {
                        assertThrows(CryptoException.class, () -> ExtensionPrinter.pyOpenSslString(ext));
                    }
                }));
            }
        });
        return tests;
    }

    @TestFactory
    List<DynamicTest> extensionBlockOfEveryFixtureCertificate() {
        List<DynamicTest> tests = new ArrayList<>();
        TextFixtures.certificates().forEach((id, cert) -> tests.add(DynamicTest.dynamicTest(id, () -> {
            Certificate c = TextFixtures.certificate((String) cert.get("path"));
            String want = TextFixtures.block((String) cert.get("text"), "        X509v3 extensions:", "    Signature Algorithm");
            StringBuilder got = new StringBuilder();
            ExtensionPrinter.appendBlock(got, "X509v3 extensions", ExtensionPrinter.listOf(c.getTBSCertificate().getExtensions()), 8);
            assertEquals(want, got.toString());
        })));
        return tests;
    }

    @Test
    void unknownExtensionsAreUnprintable() {
        Extension unknown = new Extension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5.6.7"), false,
            new byte[] {5, 0});
        assertFalse(ExtensionPrinter.print(unknown, 0).isPresent());
        CryptoException e = assertThrows(CryptoException.class, () -> ExtensionPrinter.pyOpenSslString(unknown));
        assertTrue(e.errors().isEmpty(), "pyOpenSSL raises Error([]) here");
    }
}
