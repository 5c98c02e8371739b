package dev.portcullis.bench.x509;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A pool of distinct, realistic PEM certificates for load benchmarks: RSA-2048 leaf keys signed by an RSA-2048
 * CA with SHA-256, each with its own serial, subject (C, O, OU, CN) and a subjectAltName of three DNS names and
 * an IP address, plus basicConstraints and keyUsage. Made with Bouncy Castle so that neither side of the
 * comparison builds its own input.
 */
final class CertificatePool {
    private CertificatePool() {
    }

    /** {@code size} PEM certificates (about 1.2 KB of DER each). */
    static byte[][] pems(int size) {
        try {
            Provider bc = new BouncyCastleProvider();
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair ca = rsa.generateKeyPair();
            KeyPair[] leafKeys = {rsa.generateKeyPair(), rsa.generateKeyPair(), rsa.generateKeyPair()};
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").setProvider(bc).build(ca.getPrivate());
            X500Name issuer = new X500Name("C=US,O=Portcullis Bench,CN=Bench CA");
            byte[][] pems = new byte[size][];
            long now = System.currentTimeMillis();
            for (int i = 0; i < size; i++) {
                X500Name subject = new X500Name("C=US,O=Portcullis Bench,OU=unit " + (i % 17) + ",CN=host" + i
                        + ".example.com");
                JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                        BigInteger.valueOf(1_000_003L * i + 12345), new Date(now - 86_400_000L),
                        new Date(now + 365L * 86_400_000L), subject, leafKeys[i % leafKeys.length].getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "host" + i + ".example.com"),
                    new GeneralName(GeneralName.dNSName, "www.host" + i + ".example.com"),
                    new GeneralName(GeneralName.dNSName, "alt" + i + ".example.net"),
                    new GeneralName(GeneralName.iPAddress, "192.0.2." + (i % 250 + 1))}));
                pems[i] = pem(builder.build(signer));
            }
            return pems;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pem(X509CertificateHolder holder) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(holder);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
