package dev.portcullis.crypto.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;

/** Oracles: the JDK's CertificateFactory, PKIX CertPathValidator and SunJSSE — none of them our code. */
class HeldCertificateTest {
    private static final HeldCertificate ROOT = HeldCertificate.builder().commonName("Test Root").ca(1).build();
    private static final HeldCertificate INTERMEDIATE = HeldCertificate.builder().commonName("Test Intermediate")
            .ca(0).signedBy(ROOT).build();

    private static X509Certificate jdk(X509 certificate) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, certificate)));
    }

    private static void pkixValidate(HeldCertificate leaf) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> path = new java.util.ArrayList<>();
        for (X509 c : leaf.certificatePath()) {
            path.add(jdk(c));
        }
        CertPath certPath = factory.generateCertPath(path);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(jdk(leaf.root()), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(certPath, params);
    }

    @Test
    void aThreeLevelChainValidatesUnderTheJdksPkixValidator() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder().subjectAlternativeNames("localhost", "127.0.0.1")
                .signedBy(INTERMEDIATE).build();
        pkixValidate(leaf);
        assertEquals(2, leaf.certificatePath().size());
        assertEquals("Test Root", leaf.root().getSubject().getCommonName());
        assertEquals(2, leaf.issuers().size());
    }

    @Test
    void sansAreTypedByShape() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder()
                .subjectAlternativeNames("localhost", "*.example.com", "127.0.0.1", "::1", "mailto:a@example.com",
                        "b@example.org", "spiffe://cluster/ns/default", "bücher.example")
                .signedBy(ROOT).build();
        Collection<List<?>> sans = jdk(leaf.certificate()).getSubjectAlternativeNames();
        List<String> seen = sans.stream().map(e -> e.get(0) + "=" + e.get(1)).toList();
        assertEquals(List.of("2=localhost", "2=*.example.com", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1",
                "1=a@example.com", "1=b@example.org", "6=spiffe://cluster/ns/default", "2=xn--bcher-kva.example"),
                seen);
        assertEquals("localhost", leaf.certificate().getSubject().getCommonName());
    }

    @Test
    void rolesSetKeyUsagesTheJdkReports() throws Exception {
        X509Certificate root = jdk(ROOT.certificate());
        assertEquals(1, root.getBasicConstraints());
        assertTrue(root.getKeyUsage()[5], "keyCertSign");
        X509Certificate server = jdk(HeldCertificate.builder().signedBy(ROOT).build().certificate());
        assertEquals(-1, server.getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
        assertTrue(server.getKeyUsage()[0]);
        assertFalse(server.getKeyUsage()[5]);
        X509Certificate client = jdk(HeldCertificate.builder().role(CertificateRole.TLS_CLIENT).keyType(KeyType.RSA_2048)
                .signedBy(ROOT).build().certificate());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), client.getExtendedKeyUsage());
        assertEquals("RSA", client.getPublicKey().getAlgorithm());
    }

    @Test
    void validityWindowsInThePastAndFutureAreKept() throws Exception {
        Instant past = Instant.parse("2001-01-01T00:00:00Z");
        X509Certificate expired = jdk(HeldCertificate.builder().validity(past, past.plus(Duration.ofDays(1)))
                .signedBy(ROOT).build().certificate());
        assertThrows(CertificateExpiredException.class, expired::checkValidity);
        Instant future = Instant.now().plus(Duration.ofDays(400));
        X509Certificate notYet = jdk(HeldCertificate.builder().validity(future, future.plus(Duration.ofDays(1)))
                .signedBy(ROOT).build().certificate());
        assertThrows(CertificateNotYetValidException.class, notYet::checkValidity);
    }

    @Test
    void serialAndKeyTypesAreHonoured() throws Exception {
        for (KeyType type : KeyType.values()) {
            HeldCertificate held = HeldCertificate.builder().keyType(type).serialNumber(BigInteger.valueOf(4096))
                    .build();
            X509Certificate cert = jdk(held.certificate());
            cert.verify(cert.getPublicKey());
            assertEquals(BigInteger.valueOf(4096), cert.getSerialNumber());
        }
        assertTrue(jdk(HeldCertificate.builder().build().certificate()).getSerialNumber().bitLength() >= 150);
    }

    @Test
    void validationErrorsNameTheProblem() {
        HeldCertificate leaf = HeldCertificate.builder().signedBy(ROOT).build();
        assertTrue(assertThrows(IllegalStateException.class,
                () -> HeldCertificate.builder().signedBy(leaf).build()).getMessage().contains("is not a CA"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> HeldCertificate.builder().ca().keyUsage(CertificateBuilder.KeyUsage.DIGITAL_SIGNATURE).build())
                .getMessage().contains("keyCertSign"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> HeldCertificate.builder().ca(0).signedBy(INTERMEDIATE).build())
                .getMessage().contains("path length 0"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> HeldCertificate.builder().permittedSubtrees("example.com").build())
                .getMessage().contains("only allowed on a CA"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeldCertificate.builder().subjectAlternativeNames("999.1.1.1")).getMessage()
                .contains("999.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> HeldCertificate.builder().subjectAlternativeNames("a..b"));
        assertThrows(IllegalArgumentException.class, () -> HeldCertificate.builder().subjectAlternativeNames("f*o.com"));
        assertThrows(IllegalArgumentException.class, () -> HeldCertificate.builder().serialNumber(BigInteger.ZERO));
        Instant now = Instant.now();
        assertThrows(IllegalStateException.class, () -> HeldCertificate.builder().validity(now, now.minusSeconds(1))
                .build());
        assertThrows(IllegalArgumentException.class, () -> HeldCertificate.builder().extendedKeyUsage("serverAuthh"));
    }

    @Test
    void aCopiedBuilderMakesAFamilyOfCertificates() throws Exception {
        CertificateBuilder template = HeldCertificate.builder().organization("Family").signedBy(ROOT);
        HeldCertificate a = template.copy().commonName("a").build();
        HeldCertificate b = template.copy().commonName("b").build();
        assertEquals("Family", a.certificate().getSubject().getOrganizationName());
        assertEquals("b", b.certificate().getSubject().getCommonName());
        assertFalse(a.certificate().getSerialNumber().equals(b.certificate().getSerialNumber()));
        pkixValidate(a);
    }

    @Test
    void pemAndKeyStoreConversionsLoadInTheJdk() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder().signedBy(INTERMEDIATE).build();
        Collection<? extends java.security.cert.Certificate> parsed = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(
                        leaf.certificatePathPem().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(2, parsed.size());
        assertTrue(leaf.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(leaf.privateKeyPem("pw".getBytes()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        KeyStore store = leaf.keyStore("secret".toCharArray());
        assertEquals(2, store.getCertificateChain("key").length);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        store.store(out, "secret".toCharArray());
        KeyStore reloaded = KeyStore.getInstance("PKCS12");
        reloaded.load(new ByteArrayInputStream(out.toByteArray()), "secret".toCharArray());
        assertEquals(leaf.key().toJavaPrivateKey(), reloaded.getKey("key", "secret".toCharArray()));
        assertTrue(TrustBundle.of(ROOT).pem().startsWith("-----BEGIN CERTIFICATE-----"));
        assertEquals(1, TrustBundle.of(ROOT).keyStore().size());
    }

    @Test
    void temporaryFilesAreWrittenAndDeleted() throws Exception {
        HeldCertificate leaf = HeldCertificate.builder().signedBy(ROOT).build();
        java.nio.file.Path dir;
        try (TemporaryFiles files = leaf.writeTemporaryFiles()) {
            dir = files.directory();
            assertEquals(leaf.certificatePem(), Files.readString(files.certificate()));
            assertTrue(Files.readString(files.privateKey()).contains("PRIVATE KEY"));
            assertTrue(Files.exists(files.root()));
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void mutualTlsWorksThroughTheJdksOwnTlsStack() throws Exception {
        HeldCertificate server = HeldCertificate.builder().subjectAlternativeNames("localhost", "127.0.0.1")
                .signedBy(INTERMEDIATE).build();
        HeldCertificate client = HeldCertificate.builder().commonName("client").role(CertificateRole.TLS_CLIENT)
                .signedBy(INTERMEDIATE).build();
        TrustBundle trust = TrustBundle.of(ROOT);
        try (SSLServerSocket listener = (SSLServerSocket) server.sslContext(trust).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    byte[] buf = in.readNBytes(5);
                    String peer = ((X509Certificate) s.getSession().getPeerCertificates()[0])
                            .getSubjectX500Principal().getName();
                    s.getOutputStream().write("pong!".getBytes(StandardCharsets.US_ASCII));
                    return new String(buf, StandardCharsets.US_ASCII) + " from " + peer;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (SSLSocket socket = (SSLSocket) client.sslContext(trust).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                socket.setSoTimeout(10_000);
                javax.net.ssl.SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setServerNames(List.of(new javax.net.ssl.SNIHostName("localhost")));
                socket.setSSLParameters(params);
                OutputStream out = socket.getOutputStream();
                out.write("ping!".getBytes(StandardCharsets.US_ASCII));
                assertEquals("pong!", new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII));
            }
            assertEquals("ping! from CN=client", served.get(20, TimeUnit.SECONDS));
        }
    }
}
