package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.testdata.Fixtures;

/**
 * Peer verification during the handshake, checked against what pyOpenSSL 23 reported for the same files and the
 * same settings (testdata {@code ssl/expected.json}, {@code pyopenssl_handshakes}).
 */
class VerificationTest {
    @TempDir
    static Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> oracle(String name) {
        Map<String, Object> all = (Map<String, Object>) Fixtures.expected("ssl").get("pyopenssl_handshakes");
        return (Map<String, Object>) all.get(name);
    }

    private static String rootFile() throws Exception {
        Path root = dir.resolve("root.pem");
        if (!Files.exists(root)) {
            Files.write(root, Fixtures.bytes("ssl/root.cert.pem"));
        }
        return root.toString();
    }

    private static final class Recorder implements VerifyCallback {
        final List<List<Object>> calls = new ArrayList<>();
        final boolean acceptAll;

        Recorder(boolean acceptAll) {
            this.acceptAll = acceptAll;
        }

        @Override
        public boolean verify(Connection connection, X509 certificate, int errnum, int depth, int ok) {
            calls.add(List.of((long) errnum, (long) depth, (long) ok, certificate.getSubject().get("CN")));
            return acceptAll || ok == 1;
        }
    }

    private static Context client(boolean trust, boolean tls12, Recorder recorder, boolean clientCert) throws Exception {
        Context c = new Context(SSL.TLS_METHOD);
        if (tls12) {
            c.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        }
        if (trust) {
            c.loadVerifyLocations(rootFile());
        }
        if (clientCert) {
            c.useCertificate(TestPki.cert("client"));
            c.addExtraChainCert(TestPki.cert("intermediate"));
            c.usePrivateKey(TestPki.key("client"));
        }
        c.setVerify(SSL.VERIFY_PEER, recorder);
        return c;
    }

    private static List<String> names(List<X509> chain) {
        return chain == null ? null : chain.stream().map(c -> c.getSubject().get("CN")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls13", "tls12"})
    void callbackSeesOpenSslsSequenceWithoutTrustAndCanOverride(String version) throws Exception {
        Map<String, Object> expected = oracle("untrusted_accept_all_" + version);
        Recorder recorder = new Recorder(true);
        MemoryPair pair = MemoryPair.of(client(false, version.equals("tls12"), recorder, false), TestPki.server());
        pair.handshake();
        assertEquals(expected.get("client_calls"), recorder.calls);
        assertEquals(expected.get("client_peer_chain"), names(pair.client().getPeerCertChain()));
        assertEquals(expected.get("version"), pair.client().getProtocolVersionName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls13", "tls12"})
    void trustedRootVerifies(String version) throws Exception {
        Map<String, Object> expected = oracle("trusted_" + version);
        Recorder recorder = new Recorder(false);
        MemoryPair pair = MemoryPair.of(client(true, version.equals("tls12"), recorder, false), TestPki.server());
        pair.handshake();
        assertEquals(expected.get("client_calls"), recorder.calls);
        assertEquals(expected.get("client_verified_chain"), names(pair.client().getVerifiedChain()));
        assertEquals(expected.get("client_peer_chain"), names(pair.client().getPeerCertChain()));
        assertNull(pair.server().getPeerCertChain());
        assertNull(pair.server().getVerifiedChain());
        String subject = pair.client().getPeerCertificate().getSubject().get("CN");
        assertEquals("Server Certificate", subject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls13", "tls12"})
    void untrustedFailsWithCertificateVerifyFailed(String version) throws Exception {
        Map<String, Object> expected = oracle("untrusted_default_" + version);
        Recorder recorder = new Recorder(false);
        MemoryPair pair = MemoryPair.of(client(false, version.equals("tls12"), recorder, false), TestPki.server());
        SslException e = assertThrows(SslException.class, pair::handshake);
        assertEquals(expected.get("client_calls"), recorder.calls);
        assertEquals(expected.get("error"), entries(e));
        pair.pump();
        SslException server = assertThrows(SslException.class, () -> pair.server().doHandshake());
        assertTrue(server.hasReason("tlsv1 alert unknown ca"), server.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls13", "tls12"})
    void clientCertificatesAreVerifiedByTheServer(String version) throws Exception {
        Map<String, Object> expected = oracle("client_cert_" + version);
        Recorder clientCalls = new Recorder(false);
        Recorder serverCalls = new Recorder(false);
        Context server = TestPki.server();
        server.loadVerifyLocations(rootFile());
        server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT, serverCalls);
        MemoryPair pair = MemoryPair.of(client(true, version.equals("tls12"), clientCalls, true), server);
        pair.handshake();
        assertEquals(expected.get("client_calls"), clientCalls.calls);
        assertEquals(expected.get("server_calls"), serverCalls.calls);
        assertEquals(expected.get("server_peer_chain"), names(pair.server().getPeerCertChain()));
        assertEquals(expected.get("server_verified_chain"), names(pair.server().getVerifiedChain()));
        assertEquals("Client Certificate", pair.server().getPeerCertificate().getSubject().get("CN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls13", "tls12"})
    void missingClientCertificateIsRefused(String version) throws Exception {
        Map<String, Object> expected = oracle("client_cert_missing_" + version);
        Context server = TestPki.server();
        server.loadVerifyLocations(rootFile());
        server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT, new Recorder(false));
        MemoryPair pair = MemoryPair.of(client(true, version.equals("tls12"), new Recorder(false), false), server);
        SslException e = assertThrows(SslException.class, pair::handshake);
        if (!e.hasReason("peer did not return a certificate")) {
            e = assertThrows(SslException.class, () -> pair.server().doHandshake());
        }
        assertEquals(expected.get("error"), entries(e));
    }

    @Test
    void contextCallbackExceptionPropagatesUnchanged() throws Exception {
        Context client = new Context(SSL.TLS_METHOD);
        RuntimeException silly = new IllegalStateException("silly verify failure");
        client.setVerify(SSL.VERIFY_PEER, (conn, cert, errnum, depth, ok) -> {
            throw silly;
        });
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        RuntimeException e = assertThrows(RuntimeException.class, pair::handshake);
        assertSame(silly, e);
    }

    @Test
    void connectionCallbackExceptionBecomesVerifyFailure() throws Exception {
        MemoryPair pair = MemoryPair.of(new Context(SSL.TLS_METHOD), TestPki.server());
        pair.client().setVerify(SSL.VERIFY_PEER, (conn, cert, errnum, depth, ok) -> {
            throw new IllegalStateException("swallowed");
        });
        SslException e = assertThrows(SslException.class, pair::handshake);
        assertTrue(e.hasReason("certificate verify failed"), e.getMessage());
    }

    @Test
    void callbackReceivesTheConnection() throws Exception {
        List<Connection> seen = new ArrayList<>();
        Context client = new Context(SSL.TLS_METHOD);
        client.setVerify(SSL.VERIFY_PEER, (conn, cert, errnum, depth, ok) -> seen.add(conn));
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertTrue(!seen.isEmpty() && seen.stream().allMatch(c -> c == pair.client()));
    }

    @Test
    void defaultVerificationFailsWithoutTrustAndNoneSucceeds() throws Exception {
        Context peer = new Context(SSL.TLS_METHOD);
        peer.setVerify(SSL.VERIFY_PEER);
        SslException e = assertThrows(SslException.class, () -> MemoryPair.of(peer, TestPki.server()).handshake());
        assertTrue(e.hasReason("certificate verify failed"));
        Context none = new Context(SSL.TLS_METHOD);
        none.setVerify(SSL.VERIFY_NONE);
        MemoryPair.of(none, TestPki.server()).handshake();
    }

    @Test
    void certificatesAddedToTheStoreViewAreTrusted() throws Exception {
        Context client = new Context(SSL.TLS_METHOD);
        client.setVerify(SSL.VERIFY_PEER);
        client.getCertStore().addCert(Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes("ssl/root.cert.pem")));
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertEquals(List.of("Server Certificate", "Testing Intermediate CA", "Testing Root CA"),
                names(pair.client().getVerifiedChain()));
    }

    @Test
    void verifiedChainIsNullUnconnectedAndBuiltOnRequestWithVerifyNone() throws Exception {
        Context client = new Context(SSL.TLS_METHOD);
        client.loadVerifyLocations(rootFile());
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        assertNull(pair.client().getVerifiedChain());
        assertNull(pair.client().getPeerCertificate());
        pair.handshake();
        assertEquals(3, pair.client().getVerifiedChain().size());
    }

    @Test
    void verifyLocationErrors() {
        Context c = new Context(SSL.TLS_METHOD);
        assertThrows(SslException.class, () -> c.loadVerifyLocations((String) null, null));
        assertThrows(SslException.class, () -> c.loadVerifyLocations("/nonexistent/ca.pem"));
    }

    @Test
    void chainFileAndKeyFileWork() throws Exception {
        Path chain = dir.resolve("chain.pem");
        Files.write(chain, Fixtures.bytes("ssl/server-rsa.chain.pem"));
        Path key = dir.resolve("key.pem");
        Files.write(key, Fixtures.bytes("ssl/server-rsa.key.pem"));
        Context server = new Context(SSL.TLS_METHOD);
        server.useCertificateChainFile(chain.toString());
        server.usePrivateKeyFile(key.toString());
        server.checkPrivateKey();
        Context client = new Context(SSL.TLS_METHOD);
        client.loadVerifyLocations(rootFile());
        client.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals(3, pair.client().getPeerCertChain().size());
    }

    @Test
    void encryptedKeyFileUsesThePasswordCallback() throws Exception {
        Path key = dir.resolve("enc.pem");
        Files.write(key, Fixtures.bytes("ssl/server-ec.key.encrypted.pem"));
        String passphrase = (String) Fixtures.expected("ssl").get("passphrase");
        List<Object[]> calls = new ArrayList<>();
        Context c = new Context(SSL.TLS_METHOD);
        c.setPasswdCb((maxLength, verify, userData) -> {
            calls.add(new Object[] {maxLength, verify, userData});
            return passphrase.getBytes();
        });
        c.usePrivateKeyFile(key.toString());
        assertEquals(1, calls.size());
        assertEquals(1024, calls.get(0)[0]);
        Context wrong = new Context(SSL.TLS_METHOD);
        wrong.setPasswdCb((maxLength, verify, userData) -> "wrong".getBytes());
        assertThrows(SslException.class, () -> wrong.usePrivateKeyFile(key.toString()));
        Context failing = new Context(SSL.TLS_METHOD);
        failing.setPasswdCb((maxLength, verify, userData) -> {
            throw new UnsupportedOperationException("from the callback");
        });
        assertThrows(UnsupportedOperationException.class, () -> failing.usePrivateKeyFile(key.toString()));
    }

    private static List<List<String>> entries(SslException e) {
        return e.errors().stream().map(x -> List.of(x.library(), x.function(), x.reason())).toList();
    }
}
