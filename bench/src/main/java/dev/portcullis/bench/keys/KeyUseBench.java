package dev.portcullis.bench.keys;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKey;

/**
 * Using keys: loading an RSA-2048 PKCS#8 PEM (Portcullis {@code Crypto.loadPrivateKey} vs Bouncy Castle's
 * {@code PEMParser} + {@code JcaPEMKeyConverter}), and signing 1 KiB with SHA-256 (Portcullis {@code Crypto.sign}
 * vs the JDK's {@code Signature} for RSA-2048 and EC P-256, and Bouncy Castle's for P-256), in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class KeyUseBench {
    private final byte[] data = new byte[1024];
    private byte[] rsaPem;
    private String rsaPemText;
    private PKey rsa;
    private PKey p256;
    private PrivateKey rsaJdk;
    private PrivateKey p256Jdk;
    private BouncyCastleProvider bc;
    private JcaPEMKeyConverter converter;

    /** Generates the keys and their PEM once. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        rsa = new PKey();
        rsa.generateKey(Crypto.TYPE_RSA, 2048);
        rsaPem = Crypto.dumpPrivateKey(Crypto.FILETYPE_PEM, rsa);
        rsaPemText = new String(rsaPem, StandardCharsets.US_ASCII);
        p256 = PKey.generateEc("prime256v1");
        java.security.KeyFactory rsaFactory = java.security.KeyFactory.getInstance("RSA");
        rsaJdk = rsaFactory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                rsa.toJavaPrivateKey().getEncoded()));
        p256Jdk = java.security.KeyFactory.getInstance("EC").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(p256.toJavaPrivateKey().getEncoded()));
        bc = new BouncyCastleProvider();
        converter = new JcaPEMKeyConverter().setProvider(bc);
    }

    /** Portcullis: PEM → PKey. */
    @Benchmark
    public PKey loadPemPortcullis() {
        return Crypto.loadPrivateKey(Crypto.FILETYPE_PEM, rsaPem);
    }

    /** Bouncy Castle: PEMParser → PrivateKeyInfo → JCA key. */
    @Benchmark
    public PrivateKey loadPemBouncyCastle() throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(rsaPemText))) {
            return converter.getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    /** Portcullis RSA-2048 PKCS#1 v1.5 SHA-256. */
    @Benchmark
    public byte[] signRsaPortcullis() {
        return Crypto.sign(rsa, data, "sha256");
    }

    /** JDK SunRsaSign SHA256withRSA. */
    @Benchmark
    public byte[] signRsaJdk() throws GeneralSecurityException {
        return jca(Signature.getInstance("SHA256withRSA"), rsaJdk);
    }

    /** Portcullis ECDSA P-256 SHA-256. */
    @Benchmark
    public byte[] signP256Portcullis() {
        return Crypto.sign(p256, data, "sha256");
    }

    /** JDK SunEC SHA256withECDSA. */
    @Benchmark
    public byte[] signP256Jdk() throws GeneralSecurityException {
        return jca(Signature.getInstance("SHA256withECDSA"), p256Jdk);
    }

    /** Bouncy Castle SHA256withECDSA. */
    @Benchmark
    public byte[] signP256BouncyCastle() throws GeneralSecurityException {
        return jca(Signature.getInstance("SHA256withECDSA", bc), p256Jdk);
    }

    private byte[] jca(Signature signature, PrivateKey key) throws GeneralSecurityException {
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }
}
