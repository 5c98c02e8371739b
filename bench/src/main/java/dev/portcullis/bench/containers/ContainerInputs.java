package dev.portcullis.bench.containers;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Inputs for the container benchmarks, made with the JDK and Bouncy Castle so that neither side of a comparison
 * builds its own input: an RSA-2048 key with a self-signed certificate, and a CRL of 10,000 entries (every tenth
 * with a reason) with an authority key identifier and a CRL number, as {@code openssl ca -gencrl} writes them.
 */
final class ContainerInputs {
    /** Serial numbers of the big CRL start here; entry i has serial {@code FIRST_SERIAL + 2 i}. */
    static final long FIRST_SERIAL = 0x100000;

    private ContainerInputs() {
    }

    static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair key) {
        try {
            X500Name name = new X500Name("CN=benchmark, O=Portcullis Bench");
            Date now = new Date();
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate());
            byte[] der = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(42), now,
                    new Date(now.getTime() + 86_400_000L * 365), name, key.getPublic()).build(signer).getEncoded();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER of a CRL with {@code entries} revoked serials, signed by {@code issuer}. */
    static byte[] bigCrl(KeyPair issuerKey, X509Certificate issuer, int entries) {
        try {
            Date now = new Date();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                    issuer.getSubjectX500Principal().getEncoded()), now);
            builder.setNextUpdate(new Date(now.getTime() + 86_400_000L * 7));
            for (int i = 0; i < entries; i++) {
                builder.addCRLEntry(BigInteger.valueOf(FIRST_SERIAL + 2L * i), new Date(now.getTime() - i * 60_000L),
                        i % 10 == 0 ? CRLReason.keyCompromise : 0);
            }
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer));
            builder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(
                    BigInteger.valueOf(entries)));
            return builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate()))
                    .getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
