package dev.portcullis.crypto;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyOpenSSL's {@code TestX509Store} (tests/test_crypto.py), with the error lists pyOpenSSL 23 raised
 * (printed by /usr/bin/python3 with python3-openssl for the same calls).
 */
class X509StoreTest {
    @Test
    void addCert() {
        X509Store store = new X509Store();
        assertDoesNotThrow(() -> store.addCert(PyOpenSslCerts.root()));
    }

    @Test
    void addCertWrongArgs() {
        assertThrows(IllegalArgumentException.class, () -> new X509Store().addCert(null));
    }

    @Test
    void addCertAcceptsDuplicate() {
        X509Store store = new X509Store();
        X509 root = PyOpenSslCerts.root();
        store.addCert(root);
        assertDoesNotThrow(() -> store.addCert(root));
    }

    @Test
    void loadLocationsFailsWhenAllArgsAreNone() {
        CryptoException e = assertThrows(CryptoException.class, () -> new X509Store().loadLocations((String) null, null));
        assertEquals(List.of(), e.errors());
        assertEquals("[]", e.getMessage());
    }

    @Test
    void loadLocationsRaisesErrorOnFailure(@TempDir Path dir) throws Exception {
        Path notCert = dir.resolve("notcert.txt");
        Files.writeString(notCert, "hello\n");
        CryptoException e = assertThrows(CryptoException.class, () -> new X509Store().loadLocations(notCert.toString(), null));
        assertEquals("[('x509 certificate routines', '', 'no certificate or crl found')]", e.getMessage());
    }

    @Test
    void loadLocationsMissingFile(@TempDir Path dir) {
        CryptoException e = assertThrows(CryptoException.class,
                () -> new X509Store().loadLocations(dir.resolve("nonexistent.pem"), null));
        assertEquals("[('system library', '', ''), ('BIO routines', '', 'no such file'), "
                + "('x509 certificate routines', '', 'system lib')]", e.getMessage());
    }

    @Test
    void loadLocationsMissingDirectoryIsAccepted(@TempDir Path dir) {
        assertDoesNotThrow(() -> new X509Store().loadLocations(null, dir.resolve("nonexistent-dir").toString()));
    }

    @Test
    void loadLocationsReadsCaFile(@TempDir Path dir) throws Exception {
        Path cafile = dir.resolve("ca.pem");
        Files.write(cafile, PyOpenSslCerts.bytes("root.pem"));
        X509Store store = new X509Store();
        store.loadLocations(cafile.toString(), null);
        X509 inter = Crypto.loadCertificate(Crypto.FILETYPE_PEM, PyOpenSslCerts.bytes("intermediate.pem"));
        assertDoesNotThrow(() -> new X509StoreContext(store, inter).verifyCertificate());
    }

    @Test
    void hashedDirectoryIsLookedUpBySubjectHash(@TempDir Path dir) throws Exception {
        // pyOpenSSL's test_verify_with_ca_path names the file f"{subject_name_hash():08x}.0": c3705638.0 for its root
        X509 root = PyOpenSslCerts.root();
        assertEquals(0xc3705638L, root.subjectNameHash());
        Files.write(dir.resolve("c3705638.0"), PyOpenSslCerts.bytes("root.pem"));
        X509Store store = new X509Store();
        store.loadLocations(null, dir.toString());
        X509 inter = Crypto.loadCertificate(Crypto.FILETYPE_PEM, PyOpenSslCerts.bytes("intermediate.pem"));
        assertDoesNotThrow(() -> new X509StoreContext(store, inter).verifyCertificate());
    }

    @Test
    void defaultPathsFindTheSystemTrust() {
        X509Store store = new X509Store();
        String source = store.setDefaultPaths();
        assertTrue(!source.isEmpty());
    }
}
