package dev.portcullis.bench.verify;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The benchmark's inputs: 150 self-signed roots, one intermediate under the 75th, one leaf under the intermediate
 * (a 3-deep chain), all EC P-256 or all RSA-2048. {@code main(dir, ec|rsa)} writes them as PEM files so that
 * {@code bench/verify/openssl-verify-cost.sh} times {@code openssl verify} on exactly the same certificates.
 */
public final class VerifyInputs {
    /** How many trust anchors the store holds. */
    public static final int ROOTS = 150;

    final List<X509CertificateHolder> roots = new ArrayList<>();
    final X509CertificateHolder intermediate;
    final X509CertificateHolder leaf;

    /** Builds the inputs for {@code keyType} "ec" or "rsa". */
    public VerifyInputs(String keyType) {
        try {
            KeyPair[] keys = new KeyPair[4];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = generate(keyType);
            }
            KeyPair anchorKey = null;
            X509CertificateHolder anchor = null;
            for (int i = 0; i < ROOTS; i++) {
                KeyPair k = keys[i % 3];
                X509CertificateHolder root = issue("CN=Bench Root " + i + ",O=Portcullis Bench", k, null, null, true);
                roots.add(root);
                if (i == ROOTS / 2) {
                    anchor = root;
                    anchorKey = k;
                }
            }
            KeyPair interKey = keys[3];
            intermediate = issue("CN=Bench Intermediate,O=Portcullis Bench", interKey, anchor, anchorKey, true);
            leaf = issue("CN=bench.example.com", generate(keyType), intermediate, interKey, false);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot build benchmark certificates", e);
        }
    }

    private static KeyPair generate(String keyType) throws GeneralSecurityException {
        if (keyType.equals("rsa")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509CertificateHolder issue(String subject, KeyPair key, X509CertificateHolder issuer, KeyPair issuerKey,
            boolean ca) throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        X500Name name = new X500Name(subject);
        X500Name issuerName = issuer == null ? name : issuer.getSubject();
        KeyPair signer = issuer == null ? key : issuerKey;
        long now = System.currentTimeMillis();
        var b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(now + subject.hashCode() & 0xffffffL),
                new Date(now - 86_400_000L), new Date(now + 365L * 86_400_000L), name, key.getPublic());
        JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(key.getPublic()));
        b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(signer.getPublic()));
        String alg = signer.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return b.build(new JcaContentSignerBuilder(alg).build(signer.getPrivate()));
    }

    static String pem(List<?> objects) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                p.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    /** Writes roots.pem, intermediate.pem and leaf.pem for {@code args[1]} ("ec" or "rsa") into directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        VerifyInputs in = new VerifyInputs(args.length > 1 ? args[1] : "ec");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("roots.pem"), pem(in.roots));
        Files.writeString(dir.resolve("intermediate.pem"), pem(List.of(in.intermediate)));
        Files.writeString(dir.resolve("leaf.pem"), pem(List.of(in.leaf)));
    }
}
