package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * pyOpenSSL 23's {@code TestCRL.test_verify_with_revoked} and {@code test_verify_with_missing_crl}: CRLs built
 * with {@link CRL} exactly as pyOpenSSL's {@code _make_test_crl} does (version 2, lastUpdate 2014-06-01, nextUpdate in
 * the year 5000, SHA-512), added with {@link X509Store#addCrl(CRL)}, checked with CRL_CHECK | CRL_CHECK_ALL.
 */
class X509StoreCrlTest {
    private static final X509 ROOT = PyOpenSslCerts.root();
    private static final X509 INTERMEDIATE = load("intermediate.pem");
    private static final X509 SERVICE = load("intermediate_service.pem");
    private static final PKey ROOT_KEY = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, PyOpenSslCerts.bytes("root_key.pem"));
    private static final PKey INTERMEDIATE_KEY =
            Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, PyOpenSslCerts.bytes("intermediate_key.pem"));

    private static X509 load(String name) {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, PyOpenSslCerts.bytes(name));
    }

    private static CRL makeTestCrl(X509 issuerCert, PKey issuerKey, X509... revokedCerts) {
        CRL crl = new CRL();
        for (X509 cert : revokedCerts) {
            Revoked revoked = new Revoked();
            revoked.setSerial(cert.getSerialNumber().toString(16));
            revoked.setReason("unspecified");
            revoked.setRevDate("20140601000000Z");
            crl.addRevoked(revoked);
        }
        crl.setVersion(1);
        crl.setLastUpdate("20140601000000Z");
        crl.setNextUpdate("50000601000000Z");
        crl.sign(issuerCert, issuerKey, "sha512");
        return crl;
    }

    private static X509Store store() {
        X509Store store = new X509Store();
        store.addCert(ROOT);
        store.addCert(INTERMEDIATE);
        store.setFlags(X509StoreFlags.CRL_CHECK | X509StoreFlags.CRL_CHECK_ALL);
        return store;
    }

    @Test
    void verifyWithRevoked() {
        X509Store store = store();
        store.addCrl(makeTestCrl(ROOT, ROOT_KEY, INTERMEDIATE));
        store.addCrl(makeTestCrl(INTERMEDIATE, INTERMEDIATE_KEY));
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(store, SERVICE).verifyCertificate());
        assertEquals("certificate revoked", e.getMessage());
    }

    @Test
    void verifyWithMissingCrl() {
        X509Store store = store();
        store.addCrl(makeTestCrl(ROOT, ROOT_KEY, INTERMEDIATE));
        X509StoreContextException e = assertThrows(X509StoreContextException.class,
                () -> new X509StoreContext(store, SERVICE).verifyCertificate());
        assertEquals("unable to get certificate CRL", e.getMessage());
        assertEquals("intermediate-service", e.certificate().getSubject().getCommonName());
    }

    @Test
    void verifyWithNothingRevoked() {
        X509Store store = store();
        store.addCrl(makeTestCrl(ROOT, ROOT_KEY));
        store.addCrl(makeTestCrl(INTERMEDIATE, INTERMEDIATE_KEY));
        assertDoesNotThrow(() -> new X509StoreContext(store, SERVICE).verifyCertificate());
    }

    @Test
    void addCrlRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> new X509Store().addCrl((CRL) null));
    }
}
