package dev.portcullis.bench.containers;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CRLHolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.portcullis.crypto.CRL;
import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.Revoked;

/**
 * Load a DER CRL of 10,000 entries and look up one revoked serial: Portcullis ({@code Crypto.loadCrl} then
 * {@code findRevoked}) against the JDK ({@code CertificateFactory.generateCRL} then
 * {@code getRevokedCertificate}) and Bouncy Castle ({@code X509CRLHolder} then {@code getRevokedCertificate}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CrlLookupBenchmark {
    private byte[] der;
    private BigInteger serial;
    private CertificateFactory factory;

    /** Builds the CRL once per trial; the serial looked up lies in the middle. */
    @Setup
    public void setUp() throws Exception {
        KeyPair key = ContainerInputs.rsaKey();
        X509Certificate issuer = ContainerInputs.selfSigned(key);
        der = ContainerInputs.bigCrl(key, issuer, 10_000);
        serial = BigInteger.valueOf(ContainerInputs.FIRST_SERIAL + 2L * 5_000);
        factory = CertificateFactory.getInstance("X.509");
        if (portcullis() == null || jdk() == null || bouncyCastle() == null) {
            throw new IllegalStateException("the serial must be found by all three");
        }
    }

    /** Portcullis. */
    @Benchmark
    public Revoked portcullis() {
        CRL crl = Crypto.loadCrl(Crypto.FILETYPE_ASN1, der);
        return crl.findRevoked(serial);
    }

    /** The JDK's X509CRL. */
    @Benchmark
    public Object jdk() throws Exception {
        X509CRL crl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(der));
        return crl.getRevokedCertificate(serial);
    }

    /** Bouncy Castle's X509CRLHolder. */
    @Benchmark
    public Object bouncyCastle() throws Exception {
        return new X509CRLHolder(der).getRevokedCertificate(serial);
    }
}
