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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Name;
import dev.portcullis.testdata.Fixtures;

/** Client CA lists (pyOpenSSL's {@code TestConnection} client-CA tests) and the client-certificate callback. */
class ClientCertificateTest {
    private static X509 load(String name) {
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, Fixtures.bytes("ssl/" + name + ".cert.pem"));
    }

    private static PKey clientKey() {
        return Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("ssl/client.key.pem"));
    }

    private static Context verifyingServer(int maxVersion) throws SslException {
        Context server = TestPki.server();
        server.setMaxProtoVersion(maxVersion);
        server.getCertStore().addCert(load("root"));
        server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
        return server;
    }

    @ParameterizedTest
    @ValueSource(ints = {SSL.TLS1_3_VERSION, SSL.TLS1_2_VERSION})
    void theServersListReachesTheClient(int version) throws Exception {
        Context server = verifyingServer(version);
        X509 root = load("root");
        X509 intermediate = load("intermediate");
        server.setClientCaList(List.of(root.getSubject()));
        server.addClientCa(intermediate);
        Context clientContext = TestPki.client();
        clientContext.useCertificate(TestPki.cert("client"));
        clientContext.addExtraChainCert(TestPki.cert("intermediate"));
        clientContext.usePrivateKey(TestPki.key("client"));
        MemoryPair pair = MemoryPair.of(clientContext, server);
        List<X509Name> expected = List.of(root.getSubject(), intermediate.getSubject());
        assertEquals(expected, pair.server().getClientCaList(), "server: its list before the handshake");
        assertEquals(List.of(), pair.client().getClientCaList(), "client: empty before the request");
        pair.handshake();
        assertEquals(expected, pair.server().getClientCaList());
        assertEquals(expected, pair.client().getClientCaList());
        assertEquals(TestPki.cert("client"), pair.server().getPeerCertificate().toJavaCertificate());
    }

    @Test
    void setAfterAddReplacesAndLaterChangesToTheCallersListDoNotMatter() throws Exception {
        Context server = TestPki.server();
        X509 root = load("root");
        server.addClientCa(load("intermediate"));
        List<X509Name> mine = new ArrayList<>(List.of(root.getSubject()));
        server.setClientCaList(mine);
        mine.add(load("client").getSubject());
        assertEquals(List.of(root.getSubject()), new Connection(server).getClientCaList());
        assertThrows(IllegalArgumentException.class, () -> TestPki.server().setClientCaList(null));
        List<X509Name> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> TestPki.server().setClientCaList(withNull));
    }

    @Test
    void loadClientCaReadsTheSubjectsOfAPemFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cas.pem");
        Files.write(file, Fixtures.bytes("ssl/server-ec.chain.pem"));
        Context server = TestPki.server();
        server.loadClientCa(file.toString());
        List<X509Name> names = new Connection(server).getClientCaList();
        assertTrue(names.size() >= 2, names.toString());
        assertEquals(load("server-ec").getSubject(), names.get(0));
        Path empty = dir.resolve("empty.pem");
        Files.write(empty, new byte[0]);
        assertThrows(SslException.class, () -> TestPki.server().loadClientCa(empty.toString()));
    }

    @ParameterizedTest
    @ValueSource(ints = {SSL.TLS1_3_VERSION, SSL.TLS1_2_VERSION})
    void theCallbackSeesIssuersAndSchemesAndItsChoiceIsSent(int version) throws Exception {
        Context server = verifyingServer(version);
        server.setClientCaList(List.of(load("intermediate").getSubject()));
        List<List<X509Name>> seenIssuers = new ArrayList<>();
        List<List<String>> seenSchemes = new ArrayList<>();
        Context clientContext = TestPki.client();
        clientContext.setClientCertCallback((conn, issuers, schemes) -> {
            seenIssuers.add(issuers);
            seenSchemes.add(schemes);
            return new ClientCertificate(List.of(load("client"), load("intermediate")), clientKey());
        });
        MemoryPair pair = MemoryPair.of(clientContext, server);
        pair.handshake();
        assertEquals(List.of(List.of(load("intermediate").getSubject())), seenIssuers);
        assertTrue(seenSchemes.get(0).contains("ecdsa_secp256r1_sha256"), seenSchemes.toString());
        assertEquals(TestPki.cert("client"), pair.server().getPeerCertificate().toJavaCertificate());
    }

    @Test
    void aNullChoiceSendsNoCertificate() throws Exception {
        Context server = verifyingServer(SSL.TLS1_3_VERSION);
        Context clientContext = TestPki.client();
        clientContext.setClientCertCallback((conn, issuers, schemes) -> null);
        MemoryPair pair = MemoryPair.of(clientContext, server);
        SslException e = assertThrows(SslException.class, pair::handshake);
        assertTrue(e.hasReason("peer did not return a certificate"), e.getMessage());
        Context lenient = TestPki.server();
        lenient.setVerify(SSL.VERIFY_PEER);
        MemoryPair ok = MemoryPair.of(clientContext, lenient);
        ok.handshake();
        assertNull(ok.server().getPeerCertificate());
    }

    @Test
    void theCallbackIsNotCalledWhenACertificateIsSet() throws Exception {
        Context clientContext = TestPki.client();
        clientContext.useCertificate(TestPki.cert("client"));
        clientContext.addExtraChainCert(TestPki.cert("intermediate"));
        clientContext.usePrivateKey(TestPki.key("client"));
        int[] calls = {0};
        clientContext.setClientCertCallback((conn, issuers, schemes) -> {
            calls[0]++;
            return null;
        });
        MemoryPair.of(clientContext, verifyingServer(SSL.TLS1_3_VERSION)).handshake();
        assertEquals(0, calls[0]);
    }

    @Test
    void anExceptionFailsTheHandshakeAndPropagates() throws Exception {
        IllegalStateException thrown = new IllegalStateException("token removed");
        Context clientContext = TestPki.client();
        clientContext.setClientCertCallback((conn, issuers, schemes) -> {
            throw thrown;
        });
        MemoryPair pair = MemoryPair.of(clientContext, verifyingServer(SSL.TLS1_3_VERSION));
        assertSame(thrown, assertThrows(IllegalStateException.class, pair::handshake));
        assertThrows(SslException.class, () -> pair.client().send(new byte[1]), "the client stays failed");
    }

    @Test
    void aKeyOfAnotherCertificateIsAnError() throws Exception {
        Context clientContext = TestPki.client();
        PKey wrong = Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, Fixtures.bytes("ssl/server-rsa.key.pem"));
        clientContext.setClientCertCallback((conn, issuers, schemes) ->
                new ClientCertificate(List.of(load("client")), wrong));
        MemoryPair pair = MemoryPair.of(clientContext, verifyingServer(SSL.TLS1_3_VERSION));
        assertThrows(IllegalArgumentException.class, pair::handshake);
        assertThrows(IllegalArgumentException.class, () -> new ClientCertificate(List.of(), wrong));
        assertThrows(IllegalArgumentException.class, () -> new ClientCertificate(List.of(load("client")), null));
    }
}
