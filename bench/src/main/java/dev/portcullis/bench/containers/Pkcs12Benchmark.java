package dev.portcullis.bench.containers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKCS12;
import dev.portcullis.crypto.PKCS12Profile;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;

/**
 * Write a PKCS#12 file holding an RSA-2048 key and its certificate, then read it back with the key decrypted:
 * Portcullis with {@link PKCS12Profile#MODERN} (AES-256-CBC, PBKDF2-HMAC-SHA256 and an HMAC-SHA256 MAC, 10,000
 * iterations each) against the JDK's {@code KeyStore.getInstance("PKCS12")} with its Java 17 defaults, which are
 * the same algorithms and iteration counts ({@code store}, then {@code load} and {@code getKey}, which is when the
 * JDK decrypts the key). {@link #portcullisPyOpenSslExportAndLoad} does what pyOpenSSL 23's {@code export()} did
 * (3DES, 2,048 iterations, a 1-iteration MAC); {@code bench/python/containers.py} times pyOpenSSL on the same work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Pkcs12Benchmark {
    private static final char[] PASSWORD = "benchmark password".toCharArray();

    private KeyPair key;
    private X509Certificate certificate;
    private PKCS12 p12;

    /** Makes the key and certificate once per trial. */
    @Setup
    public void setUp() {
        key = ContainerInputs.rsaKey();
        certificate = ContainerInputs.selfSigned(key);
        p12 = new PKCS12();
        p12.setPrivateKey(PKey.fromJavaKeyPair(key));
        p12.setCertificate(X509.fromJavaCertificate(certificate));
        p12.setFriendlyName("bench".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Portcullis: {@code export(password, MODERN)} then {@code Crypto.loadPkcs12}. */
    @Benchmark
    public void portcullisExportAndLoad(Blackhole sink) {
        byte[] file = p12.export(PASSWORD, PKCS12Profile.MODERN);
        PKCS12 loaded = Crypto.loadPkcs12(file, PASSWORD);
        sink.consume(loaded.getPrivateKey());
        sink.consume(loaded.getCertificate());
    }

    /** The JDK: {@code KeyStore.store} then {@code load}, {@code getKey} and {@code getCertificateChain}. */
    @Benchmark
    public void jdkKeyStoreStoreAndLoad(Blackhole sink) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("bench", key.getPrivate(), PASSWORD, new Certificate[] {certificate});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        loaded.load(new ByteArrayInputStream(out.toByteArray()), PASSWORD);
        sink.consume(loaded.getKey("bench", PASSWORD));
        sink.consume(loaded.getCertificateChain("bench"));
    }

    /** Portcullis with pyOpenSSL's settings: {@code export(password)} then {@code Crypto.loadPkcs12}. */
    @Benchmark
    public void portcullisPyOpenSslExportAndLoad(Blackhole sink) {
        byte[] password = "benchmark password".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        PKCS12 loaded = Crypto.loadPkcs12(p12.export(password), password);
        sink.consume(loaded.getPrivateKey());
        sink.consume(loaded.getCertificate());
    }
}
