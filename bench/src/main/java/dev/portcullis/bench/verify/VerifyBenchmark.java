package dev.portcullis.bench.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Store;
import dev.portcullis.crypto.X509StoreContext;

/**
 * Verifying a 3-deep chain (leaf, intermediate given as untrusted, root among 150 trust anchors): Portcullis'
 * {@link X509StoreContext#verifyCertificate()} against the JDK's {@code CertPathValidator("PKIX")} (SUN provider,
 * revocation off) on the same certificates and anchors. Each operation is a complete verification of
 * already-loaded certificate objects; both sides check signatures, validity, basic constraints and key usage.
 * Warm operations reuse the same certificate objects (the JDK caches a verified signature inside its
 * {@code X509CertImpl}; Portcullis caches the parsed certificate and verified signatures per {@link X509} object);
 * cold operations decode leaf and intermediate from DER every time, so both sides parse and check signatures.
 * Compare with {@code bench/verify/openssl-verify-cost.sh} for OpenSSL's per-chain cost on the same files.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {
    /** Key type of every certificate: "ec" (P-256, ECDSA-SHA256) or "rsa" (2048, SHA256withRSA). */
    @Param({"ec", "rsa"})
    public String keyType;

    private X509Store store;
    private X509 leaf;
    private List<X509> untrusted;
    private byte[] leafDer;
    private byte[] intermediateDer;
    private CertPathValidator jdkValidator;
    private CertPath jdkPath;
    private PKIXParameters jdkParams;

    @Setup
    public void setup() throws GeneralSecurityException, IOException {
        VerifyInputs in = new VerifyInputs(keyType);
        store = new X509Store();
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509CertificateHolder root : in.roots) {
            store.addCert(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, root.getEncoded()));
            anchors.add(new TrustAnchor(jdk(root), null));
        }
        leafDer = in.leaf.getEncoded();
        intermediateDer = in.intermediate.getEncoded();
        leaf = Crypto.loadCertificate(Crypto.FILETYPE_ASN1, leafDer);
        untrusted = List.of(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, in.intermediate.getEncoded()));
        jdkValidator = CertPathValidator.getInstance("PKIX");
        jdkParams = new PKIXParameters(anchors);
        jdkParams.setRevocationEnabled(false);
        jdkPath = CertificateFactory.getInstance("X.509").generateCertPath(List.of(jdk(in.leaf), jdk(in.intermediate)));
        portcullis(); // both must accept the chain before anything is timed
        jdkPkix();
    }

    private static X509Certificate jdk(X509CertificateHolder h) throws GeneralSecurityException, IOException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(h.getEncoded()));
    }

    @Benchmark
    public X509StoreContext portcullis() {
        X509StoreContext ctx = new X509StoreContext(store, leaf, untrusted);
        ctx.verifyCertificate();
        return ctx;
    }

    @Benchmark
    public PKIXCertPathValidatorResult jdkPkix() throws GeneralSecurityException {
        return (PKIXCertPathValidatorResult) jdkValidator.validate(jdkPath, jdkParams);
    }

    /** Cold: leaf and intermediate decoded from DER in every operation, so no per-object cache can help. */
    @Benchmark
    public X509StoreContext portcullisCold() {
        X509StoreContext ctx = new X509StoreContext(store, Crypto.loadCertificate(Crypto.FILETYPE_ASN1, leafDer),
                List.of(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, intermediateDer)));
        ctx.verifyCertificate();
        return ctx;
    }

    /** Cold: the JDK decodes leaf and intermediate from DER in every operation. */
    @Benchmark
    public PKIXCertPathValidatorResult jdkPkixCold() throws GeneralSecurityException, IOException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        CertPath path = cf.generateCertPath(List.of(
                (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(leafDer)),
                (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(intermediateDer))));
        return (PKIXCertPathValidatorResult) jdkValidator.validate(path, jdkParams);
    }
}
