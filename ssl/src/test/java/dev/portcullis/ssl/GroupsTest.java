package dev.portcullis.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.DHParameter;
import org.bouncycastle.tls.crypto.DHStandardGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.portcullis.crypto.Crypto;

/** Key-exchange groups: setTmpEcdh, loadTmpDh and the negotiated group's name. */
class GroupsTest {
    @Test
    void theDefaultTls13GroupIsX25519() throws Exception {
        MemoryPair pair = MemoryPair.of(TestPki.client(), TestPki.server());
        assertNull(pair.client().getGroupName());
        pair.handshake();
        assertEquals("X25519", pair.client().getGroupName());
        assertEquals("X25519", pair.server().getGroupName());
    }

    @ParameterizedTest
    @CsvSource({"secp384r1,TLSv1.3,secp384r1", "prime256v1,TLSv1.3,secp256r1", "secp384r1,TLSv1.2,secp384r1"})
    void setTmpEcdhOnTheServerChoosesTheGroup(String curve, String version, String group) throws Exception {
        Context server = TestPki.server();
        server.setTmpEcdh(Crypto.getEllipticCurve(curve));
        Context client = TestPki.client();
        if (version.equals("TLSv1.2")) {
            client.setMaxProtoVersion(SSL.TLS1_2_VERSION);
        }
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals(version, pair.client().getProtocolVersionName());
        assertEquals(version.equals("TLSv1.3") ? group : null, pair.client().getGroupName());
        assertEquals(group, pair.server().getGroupName());
    }

    @Test
    void setTmpEcdhOnTheClientOffersOnlyThatGroup() throws Exception {
        Context client = TestPki.client();
        client.setTmpEcdh(Crypto.getEllipticCurve("secp384r1"));
        MemoryPair pair = MemoryPair.of(client, TestPki.server());
        pair.handshake();
        assertEquals("secp384r1", pair.server().getGroupName());
    }

    @Test
    void disjointGroupsFail() throws Exception {
        Context client = TestPki.client();
        client.setTmpEcdh(Crypto.getEllipticCurve("secp521r1"));
        Context server = TestPki.server();
        server.setTmpEcdh(Crypto.getEllipticCurve("secp384r1"));
        assertThrows(SslException.class, () -> MemoryPair.of(client, server).handshake());
    }

    @Test
    void aCurveTlsDoesNotNegotiateIsRefused() {
        assertThrows(SslException.class, () -> TestPki.server().setTmpEcdh(Crypto.getEllipticCurve("secp112r1")));
        assertThrows(IllegalArgumentException.class, () -> TestPki.server().setTmpEcdh(null));
    }

    @Test
    void loadTmpDhUsesTheParametersForDhe(@TempDir Path dir) throws Exception {
        // RFC 7919 ffdhe3072, written as PKCS#3 PEM from Bouncy Castle's copy of the RFC's numbers
        DHParameter parameter = new DHParameter(DHStandardGroups.rfc7919_ffdhe3072.getP(),
                DHStandardGroups.rfc7919_ffdhe3072.getG(), 0);
        String pem = "-----BEGIN DH PARAMETERS-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(parameter.getEncoded())
                + "\n-----END DH PARAMETERS-----\n";
        Path file = dir.resolve("dh.pem");
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        Context server = TestPki.server("rsa");
        server.setCipherList("DHE-RSA-AES128-GCM-SHA256");
        server.loadTmpDh(file.toString());
        Context client = new Context(SSL.TLSv1_2_METHOD);
        client.setCipherList("DHE-RSA-AES128-GCM-SHA256");
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        assertEquals("DHE-RSA-AES128-GCM-SHA256", pair.client().getCipherName());
        assertEquals("ffdhe3072", pair.server().getGroupName());
        assertThrows(SslException.class, () -> TestPki.server().loadTmpDh(dir.resolve("missing.pem").toString()));
        Files.writeString(dir.resolve("junk.pem"), "not parameters");
        assertThrows(SslException.class, () -> TestPki.server().loadTmpDh(dir.resolve("junk.pem").toString()));
    }
}
