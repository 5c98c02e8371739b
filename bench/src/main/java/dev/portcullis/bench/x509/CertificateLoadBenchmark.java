package dev.portcullis.bench.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Extension;

/**
 * Load a PEM certificate and read its subject common name, serial number and subjectAltName, round-robin over a
 * pool of 1,000 distinct certificates: Portcullis ({@code Crypto.loadCertificate}, {@code getSubject().getCommonName()},
 * {@code getSerialNumber()}, the SAN extension's text) against Bouncy Castle ({@code PEMParser} to
 * {@code X509CertificateHolder}, the CN from its {@code X500Name}, {@code getSerialNumber()}, the SAN as
 * {@code GeneralNames}, each name's text). {@code bench/python/x509_load.py} does the same with pyOpenSSL 23.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CertificateLoadBenchmark {
    private byte[][] pool;
    private int next;

    /** Builds the pool once per trial. */
    @Setup
    public void setUp() {
        pool = CertificatePool.pems(1000);
    }

    private byte[] nextPem() {
        byte[] pem = pool[next];
        next = next + 1 == pool.length ? 0 : next + 1;
        return pem;
    }

    /** Portcullis: pyOpenSSL-style reading. */
    @Benchmark
    public void portcullis(Blackhole sink) {
        X509 cert = Crypto.loadCertificate(Crypto.FILETYPE_PEM, nextPem());
        sink.consume(cert.getSubject().getCommonName());
        sink.consume(cert.getSerialNumber());
        for (int i = 0, n = cert.getExtensionCount(); i < n; i++) {
            X509Extension extension = cert.getExtension(i);
            if ("subjectAltName".equals(extension.getShortName())) {
                sink.consume(extension.toString());
            }
        }
    }

    /** Bouncy Castle: PEMParser to X509CertificateHolder. */
    @Benchmark
    public void bouncyCastle(Blackhole sink) throws IOException {
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(nextPem()),
                StandardCharsets.US_ASCII))) {
            X509CertificateHolder holder = (X509CertificateHolder) parser.readObject();
            RDN[] cn = holder.getSubject().getRDNs(BCStyle.CN);
            sink.consume(IETFUtils.valueToString(cn[0].getFirst().getValue()));
            BigInteger serial = holder.getSerialNumber();
            sink.consume(serial);
            GeneralNames names = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
            for (GeneralName name : names.getNames()) {
                sink.consume(name.toString());
            }
        }
    }
}
