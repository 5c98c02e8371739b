package dev.portcullis.bench.ssl;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server certificates every implementation in a benchmark uses: a self-signed EC P-256 and an RSA-2048
 * certificate, made once with the JDK's key generators and bcpkix, handed to each competitor in its own form.
 */
final class BenchCredentials {
    static final BenchCredentials EC = make("EC");
    static final BenchCredentials RSA = make("RSA");

    final X509Certificate certificate;
    final PrivateKey key;
    final String keyAlgorithm;

    private BenchCredentials(X509Certificate certificate, PrivateKey key, String keyAlgorithm) {
        this.certificate = certificate;
        this.key = key;
        this.keyAlgorithm = keyAlgorithm;
    }

    byte[] certificateDer() {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BenchCredentials make(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost");
            long now = System.currentTimeMillis();
            byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(now - 3_600_000L),
                    new Date(now + 86_400_000L), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                            .build(pair.getPrivate()))
                    .getEncoded();
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new BenchCredentials(certificate, pair.getPrivate(), algorithm);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
