package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testdata.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSSE clients (HttpsURLConnection, HttpClient) using an NSS database authenticate to {@code openssl s_server -Verify 1 -www} with the database's
 * client certificate, and verify the server against the database's trust.
 */
@Tag("interop")
class NssDbJsseInteropTest {
    static final String PASSWORD = "jsse pw";

    @TempDir
    static Path work;
    static NssTools tools;
    static Path db;
    static Process server;
    static int port;
    static Map<String, String> before;

    @BeforeAll
    static void setUp() throws Exception {
        tools = new NssTools(work);
        db = tools.newDb("jsse", "sql:", PASSWORD);
        tools.makeCa(db, PASSWORD, "Client CA", "CN=Client CA,O=Portcullis", "CT,C,C", "-k rsa -g 2048");
        tools.makeLeaf(db, PASSWORD, "my client", "CN=nss client,O=Portcullis", "Client CA", "u,u,u",
                "-k ec -q nistp256", "--extKeyUsage", "clientAuth");
        tools.makeLeaf(db, PASSWORD, "other client", "CN=other,O=Portcullis", "Client CA", "u,u,u",
                "-k rsa -g 1024", "--extKeyUsage", "serverAuth");
        Path clientCa = work.resolve("client-ca.pem");
        Files.writeString(clientCa, tools.certutil(db, "sql:", null, "-L", "-n", "Client CA", "-a"));
        // the server's own PKI, made by openssl; its CA is imported into the database as trusted for servers
        Path serverCaKey = work.resolve("sca.key");
        Path serverCa = work.resolve("sca.pem");
        tools.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", serverCaKey.toString(), "-out", serverCa.toString(), "-subj", "/CN=Server CA", "-days", "5",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=keyCertSign"), null);
        tools.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", work.resolve("srv.key").toString(), "-out", work.resolve("srv.pem").toString(), "-subj",
                "/CN=localhost", "-days", "5", "-CA", serverCa.toString(), "-CAkey", serverCaKey.toString(),
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"), null);
        tools.certutil(db, "sql:", PASSWORD, "-A", "-n", "Server CA", "-t", "C,,", "-a", "-i", serverCa.toString());
        before = NssTools.hashes(db);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new ProcessBuilder(Tools.require("openssl").toString(), "s_server", "-accept",
                "127.0.0.1:" + port, "-cert", work.resolve("srv.pem").toString(), "-key",
                work.resolve("srv.key").toString(), "-CAfile", clientCa.toString(), "-Verify", "1", "-www")
                .redirectErrorStream(true).redirectOutput(work.resolve("s_server.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.readString(work.resolve("s_server.log")).contains("ACCEPT")) {
            assertTrue(server.isAlive() && System.currentTimeMillis() < deadline, "s_server did not start");
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.destroy();
        }
        assertEquals(before, NssTools.hashes(db));
    }

    /** GET / from s_server -www (which prints the client certificate it verified) through {@code ctx}. */
    static String fetch(SSLContext ctx) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) URI.create("https://localhost:" + port + "/").toURL()
                .openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setConnectTimeout(10_000);
        c.setReadTimeout(20_000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    @Test
    void sslContextAuthenticatesWithTheDatabaseClientCertificate() throws Exception {
        try (NssDb nss = NssDb.open("sql:" + db)) {
            nss.login(PASSWORD.toCharArray());
            String body = fetch(NssDbJsse.sslContext(nss));
            assertTrue(body.contains("nss client"), "s_server saw our client certificate:\n" + body);
        }
    }

    /**
     * java.net.http.HttpClient in three lines. Pinned to TLS 1.2: the JDK 17 HttpClient and s_server -www hang
     * after a TLS 1.3 handshake even with the JDK's own key and trust managers (HttpsURLConnection, above and
     * below, covers TLS 1.3).
     */
    @Test
    void httpClientAuthenticatesWithTheDatabaseClientCertificate() throws Exception {
        try (NssDb nss = NssDb.open("sql:" + db)) {
            nss.login(PASSWORD.toCharArray());
            javax.net.ssl.SSLParameters tls12 = new javax.net.ssl.SSLParameters();
            tls12.setProtocols(new String[] {"TLSv1.2"});
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .sslContext(NssDbJsse.sslContext(nss)).sslParameters(tls12)
                    .connectTimeout(java.time.Duration.ofSeconds(10)).build();
            java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/")).timeout(java.time.Duration.ofSeconds(20)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("nss client"), "s_server saw our client certificate:\n" + r.body());
        }
    }

    @Test
    void httpsUrlConnectionWithTheNssdbKeyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance("NSSDB", new NssDbProvider(db));
        ks.load(null, PASSWORD.toCharArray());
        assertTrue(ks.isKeyEntry("my client"));
        assertTrue(ks.isCertificateEntry("Server CA"));
        assertTrue(ks.isKeyEntry("Client CA"));
        assertEquals(2, ks.getCertificateChain("my client").length);
        assertEquals(List.of("Client CA", "Server CA", "my client", "other client"),
                Collections.list(ks.aliases()).stream().sorted().toList());
        assertThrows(java.security.KeyStoreException.class, () -> ks.deleteEntry("my client"));
        assertThrows(IOException.class, () -> ks.store(null, null));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, new char[0]);
        try (NssDb nss = NssDb.open(db)) {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {NssDbJsse.trustManager(nss)}, null);
            String body = fetch(ctx);
            assertTrue(body.contains("nss client"), body);
        }
    }

    @Test
    void serverNotTrustedByTheDatabaseIsRefused() throws Exception {
        Path other = tools.newDb("untrusting", "sql:", "");
        try (NssDb nss = NssDb.open(other)) {
            assertThrows(SSLHandshakeException.class, () -> fetch(NssDbJsse.sslContext(nss)));
        }
    }

    @Test
    void keyManagerChoosesByIssuerAndKeyType() {
        try (NssDb nss = NssDb.open(db)) {
            nss.login(PASSWORD.toCharArray());
            var km = NssDbJsse.keyManager(nss);
            X509Certificate ca = (X509Certificate) nss.findByNickname("Client CA").get(0).toJavaCertificate();
            assertEquals("my client", km.chooseClientAlias(new String[] {"EC"},
                    new java.security.Principal[] {ca.getSubjectX500Principal()}, null));
            assertEquals(null, km.chooseClientAlias(new String[] {"EC"}, new java.security.Principal[] {
                new javax.security.auth.x500.X500Principal("CN=Somebody Else")}, null));
            assertFalse(km.getPrivateKey("my client").getAlgorithm().isEmpty());
        }
    }
}
