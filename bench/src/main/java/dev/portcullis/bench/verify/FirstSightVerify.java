package dev.portcullis.bench.verify;

import dev.portcullis.crypto.*;
import java.util.*;
import java.math.BigInteger;
import java.security.*;
import java.security.spec.*;
import java.security.cert.*;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.*;
import org.bouncycastle.cert.*;
import org.bouncycastle.cert.jcajce.*;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
/**
 * Verifying chains never seen before (fresh intermediate and leaf every time, so no cache on either side helps):
 * Portcullis {@code X509StoreContext} vs the JDK {@code CertPathValidator("PKIX")}. JMH cannot give every operation
 * new certificates, so this is a plain timing loop: {@code java -cp ... dev.portcullis.bench.verify.FirstSightVerify ec 400}.
 */
public final class FirstSightVerify {
    private FirstSightVerify() {
    }

    static KeyPair gen(String t) throws Exception { KeyPairGenerator g = KeyPairGenerator.getInstance(t.equals("rsa") ? "RSA" : "EC"); if (t.equals("rsa")) g.initialize(2048); else g.initialize(new ECGenParameterSpec("secp256r1")); return g.generateKeyPair(); }
    static X509CertificateHolder issue(String subj, PublicKey pub, X500Name issuer, PrivateKey signer, boolean ca, long serial) throws Exception {
        var b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial), new Date(System.currentTimeMillis() - 86400000L), new Date(System.currentTimeMillis() + 86400000L * 30), new X500Name(subj), pub);
        b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true, new BasicConstraints(ca));
        return b.build(new JcaContentSignerBuilder(signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA").build(signer));
    }
    public static void main(String[] a) throws Exception {
        String t = a.length > 0 ? a[0] : "ec";
        int n = a.length > 1 ? Integer.parseInt(a[1]) : 400;
        KeyPair rootKey = gen(t), interKey = gen(t), leafKey = gen(t);
        X509CertificateHolder root = issue("CN=First Root", rootKey.getPublic(), new X500Name("CN=First Root"), rootKey.getPrivate(), true, 1);
        List<byte[][]> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            X509CertificateHolder inter = issue("CN=Inter " + i, interKey.getPublic(), root.getSubject(), rootKey.getPrivate(), true, 100 + i);
            X509CertificateHolder leaf = issue("CN=leaf " + i, leafKey.getPublic(), inter.getSubject(), interKey.getPrivate(), false, 100000 + i);
            pairs.add(new byte[][] {leaf.getEncoded(), inter.getEncoded()});
        }
        X509Store store = new X509Store(); store.addCert(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, root.getEncoded()));
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(root.getEncoded())), null)));
        p.setRevocationEnabled(false); CertPathValidator v = CertPathValidator.getInstance("PKIX");
        // warm up code paths on the first 20 pairs, time the rest (each chain seen once by each side)
        for (int i = 0; i < 20; i++) { byte[][] c = pairs.get(i); new X509StoreContext(store, Crypto.loadCertificate(Crypto.FILETYPE_ASN1, c[0]), List.of(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, c[1]))).verifyCertificate();
            v.validate(cf.generateCertPath(List.of((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(c[0])), (X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(c[1])))), p); }
        long s = System.nanoTime();
        for (int i = 20; i < n; i++) { byte[][] c = pairs.get(i); new X509StoreContext(store, Crypto.loadCertificate(Crypto.FILETYPE_ASN1, c[0]), List.of(Crypto.loadCertificate(Crypto.FILETYPE_ASN1, c[1]))).verifyCertificate(); }
        double ours = (System.nanoTime() - s) / 1e3 / (n - 20);
        s = System.nanoTime();
        for (int i = 20; i < n; i++) { byte[][] c = pairs.get(i); v.validate(cf.generateCertPath(List.of((X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(c[0])), (X509Certificate) cf.generateCertificate(new java.io.ByteArrayInputStream(c[1])))), p); }
        System.out.printf("%s first-sight chains: portcullis %.1f us, jdk %.1f us%n", t, ours, (System.nanoTime() - s) / 1e3 / (n - 20));
    }
}
