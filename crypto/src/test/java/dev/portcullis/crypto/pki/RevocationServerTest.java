package dev.portcullis.crypto.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;

/** Oracles: the JDK's OCSP client (PKIXRevocationChecker) and its CRL parser. */
class RevocationServerTest {
    private static final HeldCertificate ROOT = HeldCertificate.builder().commonName("Revocation Root").ca().build();

    private static X509Certificate jdk(X509 c) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, c)));
    }

    private static void validateWithOcsp(HeldCertificate leaf, String ocspUrl) throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOcspResponder(URI.create(ocspUrl));
        checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(jdk(ROOT.certificate()), null)));
        params.addCertPathChecker(checker);
        validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(
                List.of(jdk(leaf.certificate()))), params);
    }

    @Test
    void ocspAnswersGoodThenRevokedToTheJdksOcspClient() throws Exception {
        try (RevocationServer server = RevocationServer.start(ROOT)) {
            HeldCertificate leaf = HeldCertificate.builder().ocspResponder(server.ocspUrl()).signedBy(ROOT).build();
            validateWithOcsp(leaf, server.ocspUrl());
            server.revoke(leaf.certificate());
            CertPathValidatorException e = assertThrows(CertPathValidatorException.class,
                    () -> validateWithOcsp(leaf, server.ocspUrl()));
            assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
        }
    }

    @Test
    void publishedCrlListsRevokedCertificatesForTheJdk() throws Exception {
        try (RevocationServer server = RevocationServer.start(ROOT)) {
            HeldCertificate good = HeldCertificate.builder().signedBy(ROOT).build();
            HeldCertificate bad = HeldCertificate.builder().crlDistributionPoint(server.crlUrl()).signedBy(ROOT)
                    .build();
            server.revoke(bad.certificate());
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(server.crlUrl()).toURL()
                    .openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            byte[] body;
            try (java.io.InputStream in = connection.getInputStream()) {
                body = in.readAllBytes();
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(body));
            crl.verify(jdk(ROOT.certificate()).getPublicKey());
            assertTrue(crl.isRevoked(jdk(bad.certificate())));
            assertFalse(crl.isRevoked(jdk(good.certificate())));
            assertEquals(1, server.currentCrl().getRevoked().size());
        }
    }

    @Test
    void onlyCasCanPublishRevocation() {
        HeldCertificate leaf = HeldCertificate.builder().signedBy(ROOT).build();
        assertThrows(IllegalStateException.class, () -> RevocationServer.start(leaf));
        assertThrows(IllegalStateException.class, () -> leaf.issueCrl(List.of(), Duration.ofDays(1)));
    }
}
