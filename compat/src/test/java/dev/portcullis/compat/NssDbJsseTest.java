package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testdata.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSSE bridges over the testdata area nss: the trust manager follows certutil's letters per purpose (the
 * trust-matrix database, whose listing certutil printed), the key store's entries follow trust and keys.
 */
class NssDbJsseTest {
    @TempDir
    Path work;

    private static X509Certificate cert(String fixture) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Fixtures.bytes(fixture)));
    }

    @Test
    void trustManagerFollowsTheTrustLettersPerPurpose() throws Exception {
        Fixtures.copyTo("nss/trust-matrix/", work);
        try (NssDb db = NssDb.open(work)) {
            X509ExtendedTrustManager tm = NssDbJsse.trustManager(db);
            X509Certificate peer = cert("x509/selfsigned/ec-p256.pem");        // P,P,P: a trusted peer
            X509Certificate distrusted = cert("x509/selfsigned/ec-p384.pem");  // p,p,p
            X509Certificate untrusted = cert("x509/signers/ca-rsa2048-sha512.pem"); // ,,
            X509Certificate clientOnly = cert("x509/selfsigned/dsa2048.pem");  // T,,
            assertDoesNotThrow(() -> tm.checkServerTrusted(new X509Certificate[] {peer}, "ECDHE_ECDSA"));
            assertDoesNotThrow(() -> tm.checkClientTrusted(new X509Certificate[] {peer}, "EC"));
            CertificateException e = assertThrows(CertificateException.class,
                    () -> tm.checkServerTrusted(new X509Certificate[] {distrusted}, "ECDHE_ECDSA"));
            assertTrue(e.getMessage().contains("distrusted"), e.getMessage());
            assertThrows(CertificateException.class,
                    () -> tm.checkServerTrusted(new X509Certificate[] {untrusted}, "ECDHE_RSA"));
            // T,, is an anchor for client certificates only
            assertDoesNotThrow(() -> tm.checkClientTrusted(new X509Certificate[] {clientOnly}, "DSA"));
            assertThrows(CertificateException.class,
                    () -> tm.checkServerTrusted(new X509Certificate[] {clientOnly}, "DHE_DSS"));
            assertEquals(db.trustedCas(NssTrust.Purpose.CLIENT_AUTH).size(), tm.getAcceptedIssuers().length);
        }
    }

    @Test
    void keyStoreEntriesFollowKeysAndTrust() throws Exception {
        Fixtures.copyTo("nss/trust-matrix/", work);
        KeyStore ks = KeyStore.getInstance(NssDbProvider.KEYSTORE_TYPE, new NssDbProvider(work));
        ks.load(null, null);
        List<String> aliases = Collections.list(ks.aliases());
        // certificates the database trusts (C, T or P for some purpose) are trusted entries; c, p and none are not
        assertTrue(aliases.containsAll(List.of("trust CT,C,C", "trust C,,", "trust T,,", "trust P,P,P", "trust ,C,",
                "trust ,,C", "trust CTg,,", "trust Cw,,", "trust CT,,")), aliases.toString());
        for (String absent : List.of("trust c,c,c", "trust p,p,p", "trust ,,", "trust u,u,u")) {
            assertFalse(ks.containsAlias(absent), absent);
        }
        assertTrue(ks.isCertificateEntry("trust C,,"));
        assertEquals(cert("x509/selfsigned/rsa2048.pem"), ks.getCertificate("trust C,,"));
        assertEquals("trust C,,", ks.getCertificateAlias(cert("x509/selfsigned/rsa2048.pem")));
        assertThrows(java.security.KeyStoreException.class,
                () -> ks.setCertificateEntry("x", cert("x509/selfsigned/rsa2048.pem")));
    }

    @Test
    void keyStoreLoadErrors() throws Exception {
        KeyStore noDir = KeyStore.getInstance("NSSDB", new NssDbProvider());
        IOException e = assertThrows(IOException.class, () -> noDir.load(null, null));
        assertTrue(e.getMessage().contains("NssDbLoadParameter"), e.getMessage());
        Fixtures.copyTo("nss/pw/", work);
        KeyStore wrong = KeyStore.getInstance("NSSDB", new NssDbProvider(work));
        IOException bad = assertThrows(IOException.class, () -> wrong.load(null, "nope".toCharArray()));
        assertTrue(bad.getMessage().contains("wrong password"), bad.getMessage());
        KeyStore ok = KeyStore.getInstance("NSSDB", new NssDbProvider());
        ok.load(new NssDbLoadParameter(work, "nss-password".toCharArray()));
        assertTrue(ok.isKeyEntry("server rsa"));
        assertEquals(2, ok.getCertificateChain("server rsa").length);
        assertEquals("RSA", ok.getKey("server rsa", null).getAlgorithm());
        assertThrows(IOException.class, () -> ok.store(null, null));
        KeyStore notLoggedIn = KeyStore.getInstance("NSSDB", new NssDbProvider(work));
        notLoggedIn.load(null, null);
        assertThrows(java.security.UnrecoverableKeyException.class, () -> notLoggedIn.getKey("server rsa", null));
    }
}
