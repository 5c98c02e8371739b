package dev.portcullis.ssl;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import dev.portcullis.testdata.Fixtures;

/** The TLS test PKI made by openssl (testdata area {@code ssl}), loaded with the JDK's own parsers. */
final class TestPki {
    private TestPki() {
    }

    static X509Certificate cert(String name) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Fixtures.bytes("ssl/" + name + ".cert.pem")));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static PrivateKey key(String name) {
        String pem = Fixtures.text("ssl/" + name + ".key.pem");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        throw new AssertionError("cannot load key " + name);
    }

    /** A TLS_METHOD server context with the {@code server-<kind>} leaf, the intermediate and the key. */
    static Context server(String kind) throws SslException {
        Context context = new Context(SSL.TLS_METHOD);
        context.useCertificate(cert("server-" + kind));
        context.addExtraChainCert(cert("intermediate"));
        context.usePrivateKey(key("server-" + kind));
        return context;
    }

    static Context server() throws SslException {
        return server("ec");
    }

    static Context client() {
        return new Context(SSL.TLS_METHOD);
    }
}
