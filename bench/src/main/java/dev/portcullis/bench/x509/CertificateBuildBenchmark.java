package dev.portcullis.bench.x509;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Extension;

/**
 * Build and sign an EC P-256 certificate (v3, subject and issuer names, a day of validity, a subjectAltName,
 * ECDSA with SHA-256) and encode it to DER: Portcullis's pyOpenSSL-style {@code X509} against bcpkix's
 * {@code JcaX509v3CertificateBuilder} with Bouncy Castle's {@code JcaContentSignerBuilder}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CertificateBuildBenchmark {
    private final Provider bc = new BouncyCastleProvider();
    private KeyPair caKeys;
    private KeyPair leafKeys;
    private PKey caKey;
    private PKey leafKey;
    private long serial;

    /** Makes the CA and leaf keys once. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        caKeys = ec.generateKeyPair();
        leafKeys = ec.generateKeyPair();
        caKey = PKey.fromJavaKeyPair(caKeys);
        leafKey = PKey.fromJavaKeyPair(leafKeys);
    }

    /** Portcullis: {@code new X509()}, setters, {@code sign}, {@code dumpCertificate}. */
    @Benchmark
    public byte[] portcullis() {
        X509 cert = new X509();
        cert.setVersion(2);
        cert.setSerialNumber(++serial);
        cert.getSubject().set("O", "Portcullis Bench");
        cert.getSubject().set("CN", "leaf.example.com");
        cert.getIssuer().set("O", "Portcullis Bench");
        cert.getIssuer().set("CN", "Bench CA");
        cert.gmtimeAdjNotBefore(0);
        cert.gmtimeAdjNotAfter(86_400);
        cert.setPubkey(leafKey);
        cert.addExtensions(List.of(new X509Extension("subjectAltName", false, "DNS:leaf.example.com")));
        cert.sign(caKey, "sha256");
        return Crypto.dumpCertificate(Crypto.FILETYPE_ASN1, cert);
    }

    /** bcpkix: {@code JcaX509v3CertificateBuilder} and a BC {@code ContentSigner}. */
    @Benchmark
    public byte[] bouncyCastle() throws Exception {
        long now = System.currentTimeMillis();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                new X500Name("O=Portcullis Bench,CN=Bench CA"), BigInteger.valueOf(++serial), new Date(now),
                new Date(now + 86_400_000L), new X500Name("O=Portcullis Bench,CN=leaf.example.com"),
                leafKeys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "leaf.example.com")));
        X509CertificateHolder holder = builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(caKeys.getPrivate()));
        return holder.getEncoded();
    }
}
