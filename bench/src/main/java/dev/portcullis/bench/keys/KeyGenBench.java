package dev.portcullis.bench.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
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
 * Key generation: Portcullis's {@code PKey.generateKey(TYPE_RSA, 2048)} and {@code PKey.generateEc("prime256v1")}
 * against the JDK's own {@code KeyPairGenerator} (SunRsaSign, SunEC) and Bouncy Castle's, in the same run.
 * RSA key generation time varies a lot from key to key (prime search), so compare averages over many keys.
 * Portcullis searches for p and q side by side on two threads: run it on an otherwise idle machine with at least
 * two cores to see that, and read the figures as wall time per key.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class KeyGenBench {
    private KeyPairGenerator jdkRsa;
    private KeyPairGenerator bcRsa;
    private KeyPairGenerator jdkEc;
    private KeyPairGenerator bcEc;

    /** Makes the competitors' generators, initialised as Portcullis's: e = 65537, named curve P-256. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        RSAKeyGenParameterSpec rsa = new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4);
        jdkRsa = KeyPairGenerator.getInstance("RSA");
        jdkRsa.initialize(rsa);
        BouncyCastleProvider bc = new BouncyCastleProvider();
        bcRsa = KeyPairGenerator.getInstance("RSA", bc);
        bcRsa.initialize(rsa);
        jdkEc = KeyPairGenerator.getInstance("EC");
        jdkEc.initialize(new ECGenParameterSpec("secp256r1"));
        bcEc = KeyPairGenerator.getInstance("EC", bc);
        bcEc.initialize(new ECGenParameterSpec("prime256v1"));
    }

    /** Portcullis RSA-2048 (pyOpenSSL's generate_key; parallel prime search). */
    @Benchmark
    public PKey rsa2048Portcullis() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_RSA, 2048);
        return key;
    }

    /** The JDK's RSA-2048 (SunRsaSign). */
    @Benchmark
    public KeyPair rsa2048Jdk() {
        return jdkRsa.generateKeyPair();
    }

    /** Bouncy Castle's RSA-2048. */
    @Benchmark
    public KeyPair rsa2048BouncyCastle() {
        return bcRsa.generateKeyPair();
    }

    /** Portcullis EC P-256. */
    @Benchmark
    public PKey p256Portcullis() {
        return PKey.generateEc("prime256v1");
    }

    /** The JDK's EC P-256 (SunEC). */
    @Benchmark
    public KeyPair p256Jdk() {
        return jdkEc.generateKeyPair();
    }

    /** Bouncy Castle's EC P-256. */
    @Benchmark
    public KeyPair p256BouncyCastle() {
        return bcEc.generateKeyPair();
    }
}
