package dev.portcullis.bench.pki;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.portcullis.crypto.PKCS12Profile;
import dev.portcullis.crypto.pki.HeldCertificate;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;

/**
 * A test PKI in one operation: an EC P-256 root CA, an intermediate CA, a leaf for {@code localhost}, and the leaf's
 * PKCS#12 (AES-256/PBKDF2-HMAC-SHA256, 10,000 iterations and an HMAC-SHA256 MAC with 10,000 iterations — the
 * JDK's PKCS12 defaults, which the okhttp-tls and Netty paths use). Portcullis {@code HeldCertificate} against
 * okhttp-tls {@code HeldCertificate} and Netty {@code pkitesting}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PkiBench {
    private static final char[] PASSWORD = "password".toCharArray();
    private static final PKCS12Profile PROFILE = PKCS12Profile.MODERN.withIterations(10_000, 10_000);

    /** Portcullis: builder, chain and {@code pkcs12}. */
    @Benchmark
    public byte[] portcullis() {
        HeldCertificate root = HeldCertificate.builder().commonName("root").ca(1).build();
        HeldCertificate intermediate = HeldCertificate.builder().commonName("intermediate").ca(0).signedBy(root)
                .build();
        HeldCertificate leaf = HeldCertificate.builder().subjectAlternativeNames("localhost").signedBy(intermediate)
                .build();
        return leaf.pkcs12(PASSWORD, PROFILE);
    }

    /** okhttp-tls: its builder, then the JDK's PKCS12 KeyStore for the file. */
    @Benchmark
    public byte[] okhttpTls() throws Exception {
        okhttp3.tls.HeldCertificate root = new okhttp3.tls.HeldCertificate.Builder().commonName("root")
                .certificateAuthority(1).ecdsa256().build();
        okhttp3.tls.HeldCertificate intermediate = new okhttp3.tls.HeldCertificate.Builder()
                .commonName("intermediate").certificateAuthority(0).ecdsa256().signedBy(root).build();
        okhttp3.tls.HeldCertificate leaf = new okhttp3.tls.HeldCertificate.Builder().addSubjectAlternativeName(
                "localhost").ecdsa256().signedBy(intermediate).build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", leaf.keyPair().getPrivate(), PASSWORD,
                new X509Certificate[] {leaf.certificate(), intermediate.certificate()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }

    /** Netty pkitesting: its builder, then {@code toKeyStore} stored as PKCS12. */
    @Benchmark
    public byte[] nettyPkitesting() throws Exception {
        X509Bundle root = new CertificateBuilder().subject("CN=root").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildSelfSigned();
        X509Bundle intermediate = new CertificateBuilder().subject("CN=intermediate").setIsCertificateAuthority(true)
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildIssuedBy(root);
        X509Bundle leaf = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
                .algorithm(CertificateBuilder.Algorithm.ecp256).buildIssuedBy(intermediate);
        KeyStore store = leaf.toKeyStore(PASSWORD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }
}
