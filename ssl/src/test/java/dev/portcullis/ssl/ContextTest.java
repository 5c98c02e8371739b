package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.crypto.PKey;

/** pyOpenSSL's TestContext behaviours (research notes §4.5, §6.16, §6.18, §7.3). */
class ContextTest {
    @ParameterizedTest
    @ValueSource(ints = {SSL.SSLv23_METHOD, SSL.TLSv1_METHOD, SSL.TLSv1_1_METHOD, SSL.TLSv1_2_METHOD, SSL.TLS_METHOD,
        SSL.TLS_CLIENT_METHOD, SSL.TLS_SERVER_METHOD})
    void methodsConstruct(int method) {
        assertEquals(method, new Context(method).getMethod());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 13, 0, -1})
    void unknownAndRemovedMethodsAreRefused(int method) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Context(method));
        assertEquals("No such protocol", e.getMessage());
    }

    @Test
    void freshContextDefaults() {
        Context c = new Context(SSL.TLS_METHOD);
        assertEquals(0, c.getVerifyMode());
        assertEquals(-1, c.getVerifyDepth());
        assertEquals(7200, c.getTimeout());
        assertEquals(SSL.SESS_CACHE_SERVER, c.getSessionCacheMode());
        assertEquals(0x120000L, c.setOptions(0));
        assertTrue((c.setMode(0) & SSL.MODE_ENABLE_PARTIAL_WRITE) != 0);
    }

    @Test
    void setterReturnValuesFollowOpenSsl() {
        Context c = new Context(SSL.TLS_METHOD);
        long options = c.setOptions(SSL.OP_NO_TLSv1);
        assertTrue((options & SSL.OP_NO_TLSv1) != 0);
        assertEquals(options, c.setOptions(SSL.OP_NO_SSLv2), "OP_NO_SSLv2 is 0");
        assertEquals(7200, c.setTimeout(1234));
        assertEquals(1234, c.getTimeout());
        assertEquals(SSL.SESS_CACHE_SERVER, c.setSessionCacheMode(SSL.SESS_CACHE_OFF));
        assertEquals(SSL.SESS_CACHE_OFF, c.setSessionCacheMode(SSL.SESS_CACHE_BOTH));
        assertEquals(SSL.SESS_CACHE_BOTH, c.getSessionCacheMode());
        c.setVerifyDepth(11);
        assertEquals(11, c.getVerifyDepth());
        c.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_CLIENT_ONCE);
        assertEquals(SSL.VERIFY_PEER | SSL.VERIFY_CLIENT_ONCE, c.getVerifyMode());
        long mode = c.setMode(SSL.MODE_RELEASE_BUFFERS);
        assertEquals(mode & ~SSL.MODE_RELEASE_BUFFERS, c.clearMode(SSL.MODE_RELEASE_BUFFERS));
    }

    @Test
    void appDataRoundTripsByIdentity() {
        Context c = new Context(SSL.TLS_METHOD);
        Object data = new Object();
        c.setAppData(data);
        assertSame(data, c.getAppData());
    }

    @Test
    void contextIsImmutableOnceUsed() {
        Context c = new Context(SSL.TLS_METHOD);
        new Connection(c);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.setOptions(SSL.OP_NO_TICKET));
        assertEquals("Context has already been used to create a Connection, it cannot be mutated again",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> c.setVerify(SSL.VERIFY_PEER));
        assertThrows(IllegalStateException.class, () -> c.setCipherList("HIGH"));
        assertThrows(IllegalStateException.class, () -> c.setTimeout(1));
        assertEquals(7200, c.getTimeout(), "getters keep working");
    }

    @Test
    void setContextMarksTheNewContextUsed() {
        Connection connection = new Connection(new Context(SSL.TLS_METHOD));
        Context other = new Context(SSL.TLS_METHOD);
        connection.setContext(other);
        assertSame(other, connection.getContext());
        assertThrows(IllegalStateException.class, () -> other.setVerifyDepth(3));
        assertThrows(IllegalArgumentException.class, () -> connection.setContext(null));
        assertSame(other, connection.getContext());
    }

    @Test
    void cipherListIgnoresUnknownWordsWhenSomethingMatches() throws Exception {
        Context c = new Context(SSL.TLS_METHOD);
        c.setCipherList("hello world:AES128-SHA");
        List<String> list = new Connection(c).getCipherList();
        assertTrue(list.contains("AES128-SHA"), list.toString());
        assertFalse(list.contains("ECDHE-RSA-AES128-GCM-SHA256"), list.toString());
        assertEquals("TLS_AES_256_GCM_SHA384", list.get(0), "TLS 1.3 suites come first");
    }

    @Test
    void cipherListWithNoMatchFails() {
        Context c = new Context(SSL.TLS_METHOD);
        SslException e = assertThrows(SslException.class, () -> c.setCipherList("imaginary-cipher"));
        assertEquals("SSL routines", e.errors().get(0).library());
        assertEquals("no cipher match", e.errors().get(0).reason());
    }

    @Test
    void tls13SuitesCanBeRestricted() throws Exception {
        Context c = new Context(SSL.TLS_METHOD);
        c.setTls13Ciphersuites("TLS_AES_128_GCM_SHA256");
        List<String> list = new Connection(c).getCipherList();
        assertTrue(list.contains("TLS_AES_128_GCM_SHA256"));
        assertFalse(list.contains("TLS_AES_256_GCM_SHA384"));
        Context d = new Context(SSL.TLS_METHOD);
        assertThrows(SslException.class, () -> d.setTls13Ciphersuites("AES128-SHA"));
    }

    @Test
    void versionBoundsAreChecked() {
        Context c = new Context(SSL.TLS_METHOD);
        assertThrows(IllegalArgumentException.class, () -> c.setMinProtoVersion(0x999));
        assertThrows(IllegalArgumentException.class, () -> c.setMaxProtoVersion(SSL.SSL3_VERSION));
        c.setMinProtoVersion(SSL.SSL3_VERSION);
        c.setMaxProtoVersion(0);
    }

    @Test
    void serverMinTls13AgainstClientMaxTls12IsUnsupportedProtocol() throws Exception {
        Context server = TestPki.server();
        server.setMinProtoVersion(SSL.TLS1_3_VERSION);
        Context client = new Context(SSL.TLS_METHOD);
        client.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        SslException e = assertThrows(SslException.class, () -> MemoryPair.of(client, server).handshake());
        assertTrue(e.getMessage().toLowerCase().matches(".*unsupported.protocol.*|.*protocol version.*"),
                e.getMessage());
        Context lenient = new Context(SSL.TLS_METHOD);
        lenient.setMaxProtoVersion(0);
        Context server2 = TestPki.server();
        server2.setMinProtoVersion(SSL.TLS1_3_VERSION);
        MemoryPair.of(lenient, server2).handshake();
    }

    @Test
    void checkPrivateKeyAcceptsTheMatchingKey() throws Exception {
        Context c = new Context(SSL.TLS_METHOD);
        c.useCertificate(TestPki.cert("server-rsa"));
        c.usePrivateKey(TestPki.key("server-rsa"));
        c.checkPrivateKey();
        Context d = new Context(SSL.TLS_METHOD);
        d.useCertificate(TestPki.cert("server-ec"));
        d.usePrivateKey(PKey.fromJavaKey(TestPki.key("server-ec")));
        d.checkPrivateKey();
    }

    @Test
    void mismatchedKeyIsRefused() throws Exception {
        Context c = new Context(SSL.TLS_METHOD);
        c.useCertificate(TestPki.cert("server-rsa"));
        SslException e = assertThrows(SslException.class, () -> c.usePrivateKey(TestPki.key("server-ec")));
        assertEquals("x509 certificate routines", e.errors().get(0).library());
        assertEquals("key values mismatch", e.errors().get(0).reason());
        SslException missing = assertThrows(SslException.class, c::checkPrivateKey);
        assertTrue(missing.hasReason("no private key assigned"));
        SslException noCert = assertThrows(SslException.class, new Context(SSL.TLS_METHOD)::checkPrivateKey);
        assertTrue(noCert.hasReason("no certificate assigned"));
    }

    @Test
    void missingCertificateFileIsAnError() {
        Context c = new Context(SSL.TLS_METHOD);
        assertThrows(SslException.class, () -> c.useCertificateFile("/nonexistent/cert.pem"));
        assertThrows(SslException.class, () -> c.useCertificateChainFile("/nonexistent/chain.pem"));
        assertThrows(IllegalArgumentException.class, () -> c.useCertificateFile("x", 99));
    }

    @Test
    void passwordCallbackMustBeGiven() {
        assertThrows(IllegalArgumentException.class, () -> new Context(SSL.TLS_METHOD).setPasswdCb(null));
    }

    @Test
    void dtlsIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Context(SSL.DTLS_METHOD));
        assertTrue(e.getMessage().contains("DTLS"));
    }

    @Test
    void versionInfoIsHonestAndDistinct() {
        java.util.Set<String> texts = new java.util.HashSet<>();
        for (int type = SSL.OPENSSL_VERSION; type <= SSL.OPENSSL_DIR; type++) {
            texts.add(SSL.openSslVersion(type));
        }
        assertEquals(5, texts.size());
        assertTrue(SSL.openSslVersion(SSL.OPENSSL_VERSION).contains("Bouncy Castle"));
    }

    @Test
    void constantsHaveOpenSslValues() {
        assertEquals(0x1000, SSL.OP_NO_QUERY_MTU);
        assertEquals(0x2000, SSL.OP_COOKIE_EXCHANGE);
        assertEquals(0x4000, SSL.OP_NO_TICKET);
        assertEquals(0x20000, SSL.OP_NO_COMPRESSION);
        assertEquals(0x0, SSL.SESS_CACHE_OFF);
        assertEquals(0x1, SSL.SESS_CACHE_CLIENT);
        assertEquals(0x2, SSL.SESS_CACHE_SERVER);
        assertEquals(0x3, SSL.SESS_CACHE_BOTH);
        assertEquals(0x80, SSL.SESS_CACHE_NO_AUTO_CLEAR);
        assertEquals(0x100, SSL.SESS_CACHE_NO_INTERNAL_LOOKUP);
        assertEquals(0x200, SSL.SESS_CACHE_NO_INTERNAL_STORE);
        assertEquals(0x300, SSL.SESS_CACHE_NO_INTERNAL);
    }
}
