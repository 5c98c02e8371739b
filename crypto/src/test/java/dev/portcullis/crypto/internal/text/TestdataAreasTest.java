package dev.portcullis.crypto.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.testdata.Fixtures;

/**
 * The testdata helper's own corpus (areas {@code x509} and {@code containers}, made independently of the
 * {@code text} area): every certificate, request and CRL dump, name repr, extension string and
 * X509Extension construction they recorded from openssl and pyOpenSSL.
 */
class TestdataAreasTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @TestFactory
    List<DynamicTest> x509Certificates() {
        List<DynamicTest> tests = new ArrayList<>();
        map(Fixtures.expected("x509").get("certs")).forEach((id, value) -> {
            Map<String, Object> cert = map(value);
            Certificate c = Certificate.getInstance(Fixtures.bytes((String) cert.get("der")));
            Map<String, Object> openssl = map(cert.get("openssl"));
            Map<String, Object> py = map(cert.get("pyopenssl"));
            tests.add(DynamicTest.dynamicTest(id + " x509 -text", () ->
                assertEquals(openssl.get("text"), CertificateText.print(c, CertificateText.Flavor.OPENSSL_CLI))));
            tests.add(DynamicTest.dynamicTest(id + " FILETYPE_TEXT", () ->
                assertEquals(py.get("dump_text"), CertificateText.print(c, CertificateText.Flavor.PYOPENSSL))));
            tests.add(DynamicTest.dynamicTest(id + " names", () -> {
                assertEquals(py.get("subject_str"), "<X509Name object '" + NameText.oneline(c.getSubject(), 512) + "'>");
                assertEquals(py.get("issuer_str"), "<X509Name object '" + NameText.oneline(c.getIssuer(), 512) + "'>");
            }));
            tests.add(DynamicTest.dynamicTest(id + " -nameopt oneline/RFC2253/utf8", () -> {
                assertEquals(openssl.get("subject_oneline"), "subject=" + NameText.print(c.getSubject(), NameText.Format.ONELINE) + "\n");
                assertEquals(openssl.get("subject_rfc2253"), "subject=" + NameText.print(c.getSubject(), NameText.Format.RFC2253) + "\n");
                assertEquals(openssl.get("subject_utf8"), "subject=" + NameText.print(c.getSubject(), NameText.Format.UTF8) + "\n");
            }));
            tests.add(DynamicTest.dynamicTest(id + " str(ext)", () -> {
                List<Extension> exts = ExtensionPrinter.listOf(c.getTBSCertificate().getExtensions());
                List<Object> want = list(py.get("extensions"));
                assertEquals(want.size(), exts.size());
                for (int i = 0; i < exts.size(); i++) {
                    Object str = map(want.get(i)).get("str");
                    if (str instanceof String) {
                        assertEquals(str, ExtensionPrinter.pyOpenSslString(exts.get(i)));
                    } else {
                        Extension e = exts.get(i);
                        assertThrows(CryptoException.class, () -> ExtensionPrinter.pyOpenSslString(e), String.valueOf(str));
                    }
                }
            }));
        });
        return tests;
    }

    @TestFactory
    List<DynamicTest> x509ExtensionConstruction() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : list(Fixtures.expected("x509").get("x509extension"))) {
            Map<String, Object> c = map(o);
            String name = (String) c.get("type_name");
            boolean critical = (Boolean) c.get("critical");
            String value = (String) c.get("value");
            Certificate subject = c.get("subject") == null ? null : TextFixtures.certificate((String) c.get("subject"));
            Certificate issuer = c.get("issuer") == null ? null : TextFixtures.certificate((String) c.get("issuer"));
            Map<String, Object> result = map(c.get("result"));
            tests.add(DynamicTest.dynamicTest(name + " '" + value + "'", () -> {
                if (Boolean.TRUE.equals(result.get("ok"))) {
                    Extension e = ExtensionParser.parse(name, critical, value, subject, issuer);
                    assertEquals(result.get("data_hex"), Hex.toHexString(e.getExtnValue().getOctets()));
                    assertEquals(result.get("critical"), e.isCritical());
                    if (result.get("str") instanceof String) {
                        assertEquals(result.get("str"), ExtensionPrinter.pyOpenSslString(e));
                    }
                } else {
                    CryptoException e = assertThrows(CryptoException.class,
                        () -> ExtensionParser.parse(name, critical, value, subject, issuer));
                    assertEquals(result.get("error"), "Error: " + e.errors());
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> x509Requests() {
        List<DynamicTest> tests = new ArrayList<>();
        map(Fixtures.expected("x509").get("csrs")).forEach((id, value) -> {
            Map<String, Object> csr = map(value);
            CertificationRequest r = CertificationRequest.getInstance(Fixtures.bytes((String) csr.get("der")));
            tests.add(DynamicTest.dynamicTest(id + " req -text", () -> assertEquals(map(csr.get("openssl")).get("text"),
                RequestText.print(r, CertificateText.Flavor.OPENSSL_CLI))));
            tests.add(DynamicTest.dynamicTest(id + " FILETYPE_TEXT", () -> assertEquals(map(csr.get("pyopenssl")).get("dump_text"),
                RequestText.print(r, CertificateText.Flavor.PYOPENSSL))));
        });
        return tests;
    }

    @TestFactory
    List<DynamicTest> containerCrls() {
        List<DynamicTest> tests = new ArrayList<>();
        map(Fixtures.expected("containers").get("crl")).forEach((id, value) -> {
            Map<String, Object> crl = map(value);
            CertificateList l = CertificateList.getInstance(Fixtures.bytes((String) crl.get("der")));
            tests.add(DynamicTest.dynamicTest(id + " crl -text", () -> {
                String ours = CrlText.print(l, CertificateText.Flavor.OPENSSL_CLI);
                if (crl.containsKey("openssl_text")) {
                    assertEquals(crl.get("openssl_text"), ours);
                } else {
                    assertTrue(ours.startsWith((String) crl.get("openssl_text_head")), "head");
                    assertTrue(ours.endsWith((String) crl.get("openssl_text_tail")), "tail");
                }
            }));
            Object dump = map(crl.get("pyopenssl")).get("dump_text");
            if (dump != null) {
                tests.add(DynamicTest.dynamicTest(id + " FILETYPE_TEXT", () ->
                    assertEquals(dump, CrlText.print(l, CertificateText.Flavor.PYOPENSSL))));
            }
        });
        return tests;
    }
}
