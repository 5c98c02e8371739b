package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

/** {@link X509Req} and the request functions of {@link Crypto}: pyOpenSSL's removed TestX509Req and mixin tests. */
class X509ReqTest {
    private static X509Req signedRequest(PKey key, String digest) {
        X509Req request = new X509Req();
        request.getSubject().set("CN", "Yoda root CA");
        request.setPubkey(key);
        request.sign(key, digest);
        return request;
    }

    @Test
    void newRequestHasVersionZero() {
        X509Req request = new X509Req();
        assertEquals(0, request.getVersion());
        request.setVersion(0);
        assertEquals(0, request.getVersion());
    }

    @Test
    void onlyVersionZeroIsAccepted() {
        assertEquals("Invalid version. The only valid version for X509Req is 0.",
                assertThrows(IllegalArgumentException.class, () -> new X509Req().setVersion(2)).getMessage());
    }

    @Test
    void subjectIsALiveView() {
        X509Req request = new X509Req();
        X509Name subject = request.getSubject();
        subject.set("CN", "live");
        assertEquals("live", request.getSubject().get("CN"));
    }

    @Test
    void addAndGetExtensions() {
        X509Req request = new X509Req();
        assertEquals(List.of(), request.getExtensions());
        X509Extension basic = PyOpenSslCerts.nulSan().getExtension(0);
        X509Extension keyUsage = PyOpenSslCerts.nulSan().getExtension(2);
        request.addExtensions(List.of(basic, keyUsage));
        List<X509Extension> extensions = request.getExtensions();
        assertEquals(2, extensions.size());
        assertEquals("basicConstraints", extensions.get(0).getShortName());
        assertTrue(extensions.get(0).getCritical());
        assertArrayEquals(new byte[] {0x30, 0}, extensions.get(0).getData());
        assertEquals("keyUsage", extensions.get(1).getShortName());
        assertFalse(extensions.get(1).getCritical());
        assertEquals(2, request.getExtensions().size(), "a repeated call is stable");
    }

    @Test
    void extensionsCanBeAddedOnce() {
        X509Req request = new X509Req();
        request.addExtensions(List.of(PyOpenSslCerts.nulSan().getExtension(0)));
        CryptoException e = assertThrows(CryptoException.class,
                () -> request.addExtensions(List.of(PyOpenSslCerts.nulSan().getExtension(2))));
        assertEquals("duplicate attribute", e.errors().get(0).reason());
    }

    @Test
    void addExtensionsWrongArguments() {
        X509Req request = new X509Req();
        assertThrows(IllegalArgumentException.class, () -> request.addExtensions(null));
        assertEquals("One of the elements is not an X509Extension", assertThrows(IllegalArgumentException.class,
                () -> request.addExtensions(java.util.Arrays.asList((X509Extension) null))).getMessage());
    }

    @Test
    void signWithUngeneratedKey() {
        X509Req request = new X509Req();
        request.setPubkey(TestKeys.rsa());
        assertEquals("Key is uninitialized",
                assertThrows(IllegalArgumentException.class, () -> request.sign(new PKey(), "sha256")).getMessage());
    }

    @Test
    void signWithPublicKey() {
        X509Req request = new X509Req();
        request.setPubkey(TestKeys.rsa());
        assertEquals("Key only has public part", assertThrows(IllegalArgumentException.class,
                () -> request.sign(request.getPubkey(), "sha256")).getMessage());
    }

    @Test
    void signWithUnknownDigest() {
        X509Req request = new X509Req();
        request.setPubkey(TestKeys.rsa());
        assertEquals("No such digest method", assertThrows(IllegalArgumentException.class,
                () -> request.sign(TestKeys.rsa(), "monkeys")).getMessage());
    }

    @Test
    void signThenVerify() {
        X509Req request = signedRequest(TestKeys.rsa(), "sha256");
        assertTrue(request.verify(request.getPubkey()));
        assertTrue(request.verify(TestKeys.rsa()));
        assertThrows(CryptoException.class, () -> request.verify(TestKeys.otherRsa()));
        assertThrows(CryptoException.class, () -> request.verify(TestKeys.ec()));
    }

    @Test
    void verifyWrongArguments() {
        X509Req request = signedRequest(TestKeys.rsa(), "sha256");
        assertThrows(IllegalArgumentException.class, () -> request.verify(null));
        assertThrows(CryptoException.class, () -> request.verify(new PKey()));
        assertThrows(CryptoException.class, () -> new X509Req().verify(TestKeys.rsa()));
    }

    @Test
    void bouncyCastleAcceptsOurSignatures() throws Exception {
        for (PKey key : List.of(TestKeys.rsa(), TestKeys.ec(), TestKeys.ed25519(), TestKeys.ed448())) {
            X509Req request = signedRequest(key, "sha384");
            request.addExtensions(List.of(PyOpenSslCerts.nulSan().getExtension(3)));
            request.sign(key, "sha384");
            PKCS10CertificationRequest bc = new PKCS10CertificationRequest(
                    Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1, request));
            assertTrue(bc.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key.toJavaPublicKey())));
            assertEquals("CN=Yoda root CA", bc.getSubject().toString());
            assertTrue(request.verify(key));
        }
    }

    @Test
    void dumpAndLoadRoundTrip() {
        X509Req request = signedRequest(TestKeys.ec(), "sha256");
        byte[] pem = Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM, request);
        assertTrue(new String(pem, StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"));
        byte[] der = Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1, request);
        assertArrayEquals(pem, Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM,
                Crypto.loadCertificateRequest(Crypto.FILETYPE_ASN1, der)));
        assertArrayEquals(der, Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1,
                Crypto.loadCertificateRequest(Crypto.FILETYPE_PEM, pem)));
        String text = new String(Crypto.dumpCertificateRequest(Crypto.FILETYPE_TEXT, request), StandardCharsets.UTF_8);
        assertTrue(text.length() > 500);
        assertTrue(text.startsWith("Certificate Request:\n"));
        assertThrows(IllegalArgumentException.class, () -> Crypto.dumpCertificateRequest(100, request));
    }

    @Test
    void newCertificateRequestLabelIsAccepted() {
        X509Req request = signedRequest(TestKeys.ec(), "sha256");
        String pem = new String(Crypto.dumpCertificateRequest(Crypto.FILETYPE_PEM, request), StandardCharsets.US_ASCII)
                .replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
        assertEquals("Yoda root CA",
                Crypto.loadCertificateRequest(Crypto.FILETYPE_PEM, pem).getSubject().get("CN"));
    }

    @Test
    void badRequestData() {
        assertEquals("not enough data", assertThrows(CryptoException.class,
                () -> Crypto.loadCertificateRequest(Crypto.FILETYPE_ASN1, "lol".getBytes(StandardCharsets.US_ASCII)))
                .errors().get(0).reason());
        assertEquals("no start line", assertThrows(CryptoException.class,
                () -> Crypto.loadCertificateRequest(Crypto.FILETYPE_PEM, "xx")).errors().get(0).reason());
        assertEquals("illegal zero content", assertThrows(CryptoException.class,
                () -> Crypto.dumpCertificateRequest(Crypto.FILETYPE_ASN1, new X509Req())).errors().get(0).reason());
    }
}
