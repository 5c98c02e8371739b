package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.ObjectNames;

/**
 * Configuration strings against what pyOpenSSL's {@code X509Extension(name, critical, value, subject, issuer)}
 * built from them (area text, {@code extension_strings}): the DER, criticality, short name and {@code str()},
 * or the exact OpenSSL error entries.
 */
class ExtensionParserTest {

    @TestFactory
    List<DynamicTest> everyRecordedConfigurationString() {
        Map<String, Object> strings = TextFixtures.section("extension_strings").entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue()));
        Map<String, Object> all = TextFixtures.expected();
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) all.get("extension_strings");
        Certificate subject = TextFixtures.certificate((String) section.get("subject"));
        Certificate issuer = TextFixtures.certificate((String) section.get("issuer"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : TextFixtures.list(section, "cases")) {
            String name = (String) c.get("name");
            boolean critical = (Boolean) c.get("critical");
            String value = (String) c.get("value");
            boolean withCerts = (Boolean) c.get("with_certs");
            String label = name + " " + (critical ? "critical " : "") + "'" + value + "'" + (withCerts ? " +certs" : "");
            tests.add(DynamicTest.dynamicTest(label, () -> check(c, name, critical, value,
                withCerts ? subject : null, withCerts ? issuer : null)));
        }
        assertEquals(true, strings.size() > 0);
        return tests;
    }

    /** The inline form builds the DirName OpenSSL built from the [dir_sect] section of the rsa-everything fixture. */
    @org.junit.jupiter.api.Test
    void inlineDirNameEqualsOpensslSectionDirName() {
        Certificate cert = TextFixtures.certificate("text/rsa-everything.pem");
        Extension san = cert.getTBSCertificate().getExtensions().getExtension(Extension.subjectAlternativeName);
        org.bouncycastle.asn1.x509.GeneralName want = java.util.Arrays.stream(
                org.bouncycastle.asn1.x509.GeneralNames.getInstance(san.getParsedValue()).getNames())
            .filter(g -> g.getTagNo() == org.bouncycastle.asn1.x509.GeneralName.directoryName).findFirst().orElseThrow();
        Extension got = ExtensionParser.parse("subjectAltName", false, "dirName:/C=UK/O=My Organization/CN=My Name", null, null);
        assertEquals(want, org.bouncycastle.asn1.x509.GeneralNames.getInstance(got.getParsedValue()).getNames()[0]);
        CryptoException e = assertThrows(CryptoException.class,
            () -> ExtensionParser.parse("subjectAltName", false, "dirName:/C=USA", null, null));
        assertEquals("dirname error", e.errors().get(e.errors().size() - 2).reason());
    }

    private static void check(Map<String, Object> c, String name, boolean critical, String value,
                              Certificate subject, Certificate issuer) {
        if (Boolean.TRUE.equals(c.get("ok"))) {
            Extension ext = ExtensionParser.parse(name, critical, value, subject, issuer);
            assertEquals(c.get("data"), Hex.toHexString(ext.getExtnValue().getOctets()));
            assertEquals(((Number) c.get("is_critical")).intValue() == 1, ext.isCritical());
            String shortName = ObjectNames.shortName(ext.getExtnId()).orElse("UNDEF");
            assertEquals(c.get("short_name"), shortName);
            @SuppressWarnings("unchecked")
            Map<String, Object> str = (Map<String, Object>) c.get("str");
            if (Boolean.TRUE.equals(str.get("ok"))) {
                assertEquals(str.get("value"), ExtensionPrinter.pyOpenSslString(ext));
            } else {
                assertThrows(CryptoException.class, () -> ExtensionPrinter.pyOpenSslString(ext));
            }
        } else {
            CryptoException e = assertThrows(CryptoException.class,
                () -> ExtensionParser.parse(name, critical, value, subject, issuer));
            assertEquals(c.get("error"), "Error: " + e.errors());
        }
    }
}
