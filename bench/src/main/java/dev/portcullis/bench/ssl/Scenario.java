package dev.portcullis.bench.ssl;

import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.SignatureScheme;

import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.SSL;
import dev.portcullis.ssl.SslException;

/** One benchmarked TLS configuration, expressed for each implementation. */
public enum Scenario {
    /** TLS 1.3, X25519, ECDSA P-256 certificate, AES-128-GCM. */
    TLS13_ECDSA_AES128GCM(BenchCredentials.EC, "TLSv1.3", "TLS_AES_128_GCM_SHA256", CipherSuite.TLS_AES_128_GCM_SHA256),
    /** TLS 1.3, X25519, ECDSA P-256 certificate, ChaCha20-Poly1305. */
    TLS13_ECDSA_CHACHA20(BenchCredentials.EC, "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256",
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256),
    /** TLS 1.2, ECDHE (X25519), RSA-2048 certificate, AES-128-GCM. */
    TLS12_RSA_AES128GCM(BenchCredentials.RSA, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

    final BenchCredentials credentials;
    final String jdkProtocol;
    final String jdkSuite;
    final int bctlsSuite;

    Scenario(BenchCredentials credentials, String jdkProtocol, String jdkSuite, int bctlsSuite) {
        this.credentials = credentials;
        this.jdkProtocol = jdkProtocol;
        this.jdkSuite = jdkSuite;
        this.bctlsSuite = bctlsSuite;
    }

    boolean tls13() {
        return jdkProtocol.equals("TLSv1.3");
    }

    ProtocolVersion bctlsVersion() {
        return tls13() ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
    }

    SignatureAndHashAlgorithm bctlsScheme(boolean jcaJdk) {
        if (credentials == BenchCredentials.EC) {
            return SignatureScheme.getSignatureAndHashAlgorithm(SignatureScheme.ecdsa_secp256r1_sha256);
        }
        // JcaTlsCrypto over the plain JDK cannot sign RSA-PSS (research notes, pitfall 6)
        return SignatureScheme.getSignatureAndHashAlgorithm(jcaJdk ? SignatureScheme.rsa_pkcs1_sha256
                : SignatureScheme.rsa_pss_rsae_sha256);
    }

    RawBctlsEndpoints rawBctls(RawBctlsEndpoints.CryptoKind kind) throws Exception {
        return new RawBctlsEndpoints(kind, bctlsVersion(), bctlsSuite, credentials.certificateDer(),
                credentials.key.getEncoded(), credentials.keyAlgorithm, bctlsScheme(kind == RawBctlsEndpoints.CryptoKind.JCA_JDK));
    }

    /** Portcullis contexts: [client, server]. */
    Context[] portcullisContexts() throws SslException {
        Context server = new Context(SSL.TLS_METHOD);
        server.useCertificate(credentials.certificate);
        server.usePrivateKey(credentials.key);
        Context client = new Context(SSL.TLS_METHOD);
        for (Context c : new Context[] {client, server}) {
            if (tls13()) {
                c.setMinProtoVersion(SSL.TLS1_3_VERSION);
                c.setTls13Ciphersuites(jdkSuite);
            } else {
                c.setMaxProtoVersion(SSL.TLS1_2_VERSION);
                c.setCipherList("ECDHE-RSA-AES128-GCM-SHA256");
            }
        }
        return new Context[] {client, server};
    }
}
