package dev.portcullis.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.pki.HeldCertificate;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SslException;
import dev.portcullis.ssl.TestPeers;
import dev.portcullis.ssl.TlsClients;
import dev.portcullis.testdata.Fixtures;
import dev.portcullis.testdata.Json;

/**
 * The database as the client-certificate source of a Portcullis TLS client. Oracle: the certificates certutil
 * printed for the fixture database ({@code certutil -L -n NICK -a}).
 */
class NssDbTlsTest {
    private static final HeldCertificate SERVER_ROOT = HeldCertificate.builder().commonName("server root").ca().build();
    private static final HeldCertificate SERVER = HeldCertificate.builder().subjectAlternativeNames("localhost")
            .signedBy(SERVER_ROOT).build();

    @TempDir
    Path dir;

    private static X509 certutilPem(String nickname) {
        String pem = Json.asString(Fixtures.expected("nss", "databases", "pw", "certs", nickname, "pem"));
        return Crypto.loadCertificate(Crypto.FILETYPE_PEM, pem.getBytes(StandardCharsets.US_ASCII));
    }

    private NssDb openFixture() {
        Fixtures.copyTo(Json.asString(Fixtures.expected("nss", "databases", "pw", "dir")), dir);
        NssDb db = NssDb.open(dir);
        db.login(Json.asString(Fixtures.expected("nss", "databases", "pw", "password")).toCharArray());
        return db;
    }

    private static MemoryPair pair(NssDb db, X509 acceptedIssuer) {
        Context server = TestPeers.serverContext(SERVER, null);
        server.getCertStore().addCert(certutilPem("Portcullis NSS CA"));
        server.setClientCaList(List.of(acceptedIssuer.getSubject()));
        server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
        Context client = new Context(SSL.TLS_CLIENT_METHOD);
        client.getCertStore().addCert(SERVER_ROOT.certificate());
        client.setVerify(SSL.VERIFY_PEER);
        NssDbTls.useClientCertificates(client, db);
        return MemoryPair.of(TlsClients.connection(client, "localhost"), TestPeers.accepting(server));
    }

    @Test
    void theClientCertificateComesFromTheDatabaseForTheIssuerTheServerNames() throws Exception {
        try (NssDb db = openFixture()) {
            MemoryPair pair = pair(db, certutilPem("Portcullis NSS CA"));
            pair.handshake();
            assertArrayEquals(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, certutilPem("client cert")),
                    Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, pair.server().getPeerCertificate()));
            pair.shutdown();
        }
    }

    @Test
    void noCertificateIsSentWhenNoneFitsAndTheServerRefuses() {
        try (NssDb db = openFixture()) {
            MemoryPair pair = pair(db, SERVER_ROOT.certificate());
            assertThrows(SslException.class, pair::handshake);
        }
    }

    @Test
    void trustedCasOfTheDatabaseVerifyAClient() throws Exception {
        try (NssDb db = openFixture()) {
            Context server = TestPeers.serverContext(SERVER, null);
            NssDbTls.trustClients(server, db);
            server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
            Context client = new Context(SSL.TLS_CLIENT_METHOD);
            client.getCertStore().addCert(SERVER_ROOT.certificate());
            client.setVerify(SSL.VERIFY_PEER);
            NssDbTls.useClientCertificates(client, db);
            MemoryPair pair = MemoryPair.of(TlsClients.connection(client, "localhost"), TestPeers.accepting(server));
            pair.handshake();
            assertArrayEquals(Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, certutilPem("client cert")),
                    Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, pair.server().getPeerCertificate()));
        }
    }
}
