package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.portcullis.crypto.internal.text.NameText;
import dev.portcullis.testdata.Fixtures;

/**
 * {@link PKCS7} and {@link Crypto#loadPkcs7Data}: pyOpenSSL 23.2's TestPKCS7 and its load tests, and every PKCS#7
 * fixture (openssl crl2pkcs7, smime, cms) against pyOpenSSL's type answers and {@code openssl pkcs7 -print_certs}.
 */
class PKCS7Test {
    private static PKCS7 bundle() {
        return Crypto.loadPkcs7Data(Crypto.FILETYPE_PEM, Fixtures.bytes("containers/p7/certs.p7b"));
    }

    @Test
    void typeQuestionsOnASignedBundle() {
        PKCS7 pkcs7 = bundle();
        assertEquals(true, pkcs7.typeIsSigned());
        assertEquals(false, pkcs7.typeIsEnveloped());
        assertEquals(false, pkcs7.typeIsSignedAndEnveloped());
        assertEquals(false, pkcs7.typeIsData());
        assertEquals("pkcs7-signedData", pkcs7.getTypeName());
    }

    @Test
    void loadErrors() {
        assertThrows(CryptoException.class, () -> Crypto.loadPkcs7Data(Crypto.FILETYPE_PEM, "foo"));
        assertThrows(CryptoException.class, () -> Crypto.loadPkcs7Data(Crypto.FILETYPE_ASN1, "foo"));
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadPkcs7Data(100, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> Crypto.loadPkcs7Data(Crypto.FILETYPE_TEXT, new byte[0]));
        byte[] der = Fixtures.bytes("containers/p7/certs.p7b.der");
        for (int cut : new int[] {1, 5, der.length / 3, der.length - 1}) {
            byte[] truncated = java.util.Arrays.copyOf(der, cut);
            assertThrows(CryptoException.class, () -> Crypto.loadPkcs7Data(Crypto.FILETYPE_ASN1, truncated));
        }
    }

    @Test
    void listsAreEmptyWhenNothingIsCarried() {
        PKCS7 data = Crypto.loadPkcs7Data(Crypto.FILETYPE_ASN1, Fixtures.bytes("containers/p7/data.p7.der"));
        assertEquals(List.of(), data.getCertificates());
        assertEquals(List.of(), data.getCrls());
        assertEquals(List.of(), bundle().getCrls());
    }

    static List<String> p7Fixtures() {
        return ContainerFixtures.names("pkcs7").stream().filter(name -> name.startsWith("containers/")).toList();
    }

    @ParameterizedTest
    @MethodSource("p7Fixtures")
    @SuppressWarnings("unchecked")
    void fixtureAnswersAsPyOpenSslAndOpensslDid(String name) {
        Map<String, Object> expected = ContainerFixtures.expected("pkcs7", name);
        int type = "PEM".equals(expected.get("format")) ? Crypto.FILETYPE_PEM : Crypto.FILETYPE_ASN1;
        PKCS7 pkcs7 = Crypto.loadPkcs7Data(type, Fixtures.bytes(name));
        Map<String, Object> py = (Map<String, Object>) expected.get("pyopenssl");
        assertEquals(py.get("type_name"), pkcs7.getTypeName());
        assertEquals(py.get("type_is_signed"), pkcs7.typeIsSigned());
        assertEquals(py.get("type_is_enveloped"), pkcs7.typeIsEnveloped());
        assertEquals(py.get("type_is_signedAndEnveloped"), pkcs7.typeIsSignedAndEnveloped());
        assertEquals(py.get("type_is_data"), pkcs7.typeIsData());
        Map<String, Object> printed = (Map<String, Object>) expected.get("openssl_print_certs");
        if (printed != null && Long.valueOf(0).equals(((Number) printed.get("exit")).longValue())) {
            assertEquals(printed.get("stdout"), printCerts(pkcs7), name);
        }
    }

    /** What {@code openssl pkcs7 -print_certs -noout} prints: subject and issuer per certificate, then CRL texts. */
    private static String printCerts(PKCS7 pkcs7) {
        StringBuilder out = new StringBuilder();
        for (X509 cert : pkcs7.getCertificates()) {
            out.append("subject=").append(NameText.print(X500Name.getInstance(cert.getSubject().der())))
                    .append("\nissuer=").append(NameText.print(X500Name.getInstance(cert.getIssuer().der())))
                    .append("\n\n");
        }
        for (CRL crl : pkcs7.getCrls()) {
            out.append(crl.toText()).append('\n');
        }
        return out.toString();
    }
}
