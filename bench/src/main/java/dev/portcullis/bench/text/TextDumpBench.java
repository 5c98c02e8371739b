package dev.portcullis.bench.text;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * A certificate as human-readable text: Portcullis's {@code dumpCertificate(FILETYPE_TEXT)} (OpenSSL's
 * {@code X509_print_ex} line for line) against the JDK's own dump, {@code X509Certificate.toString()}.
 * The certificate is RSA-2048 with a CA's typical extensions (basicConstraints, keyUsage, extendedKeyUsage,
 * subjectAltName, subjectKeyIdentifier, authorityKeyIdentifier, crlDistributionPoints, authorityInfoAccess).
 * The pyOpenSSL side is {@code bench/python/text_dump.py}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TextDumpBench {
    private X509 certificate;
    private X509Certificate jdkCertificate;

    /** Builds the certificate once. */
    @Setup
    public void setUp() {
        PKey key = new PKey();
        key.generateKey(Crypto.TYPE_RSA, 2048);
        X509 cert = new X509();
        cert.setVersion(2);
        cert.setSerialNumber(0x1000);
        cert.getSubject().set("C", "US");
        cert.getSubject().set("O", "Portcullis Bench");
        cert.getSubject().set("CN", "www.example.com");
        cert.setIssuer(cert.getSubject());
        cert.gmtimeAdjNotBefore(0);
        cert.gmtimeAdjNotAfter(86_400);
        cert.setPubkey(key);
        cert.addExtensions(List.of(
            new X509Extension("basicConstraints", true, "CA:TRUE,pathlen:0"),
            new X509Extension("keyUsage", true, "digitalSignature,keyCertSign,cRLSign"),
            new X509Extension("extendedKeyUsage", false, "serverAuth,clientAuth"),
            new X509Extension("subjectAltName", false, "DNS:www.example.com,DNS:example.com,IP:192.0.2.1"),
            new X509Extension("subjectKeyIdentifier", false, "hash", cert, null),
            new X509Extension("crlDistributionPoints", false, "URI:http://crl.example.com/ca.crl"),
            new X509Extension("authorityInfoAccess", false, "OCSP;URI:http://ocsp.example.com/")));
        cert.addExtensions(List.of(new X509Extension("authorityKeyIdentifier", false, "keyid:always,issuer", null, cert)));
        cert.sign(key, "sha256");
        certificate = cert;
        jdkCertificate = cert.toJavaCertificate();
    }

    /** Portcullis: {@code Crypto.dumpCertificate(FILETYPE_TEXT, cert)}. */
    @Benchmark
    public byte[] portcullis() {
        return Crypto.dumpCertificate(Crypto.FILETYPE_TEXT, certificate);
    }

    /** The JDK: {@code X509Certificate.toString()} of the same certificate. */
    @Benchmark
    public String jdkToString() {
        return jdkCertificate.toString();
    }
}
