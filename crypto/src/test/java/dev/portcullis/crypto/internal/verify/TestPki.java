package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import dev.portcullis.crypto.internal.Bc;

/** Test certificates and CRLs built with Bouncy Castle's builders (test-only; never an oracle by itself). */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xffffffffL);
    private static final List<KeyPair> EC = new ArrayList<>();
    private static final List<KeyPair> RSA = new ArrayList<>();
    private static final List<KeyPair> ED = new ArrayList<>();
    private static final List<KeyPair> ED448 = new ArrayList<>();
    private static final List<KeyPair> DSA = new ArrayList<>();

    private TestPki() {
    }

    static synchronized KeyPair ec(int i) {
        while (EC.size() <= i) {
            EC.add(generate("EC", new ECGenParameterSpec("secp256r1")));
        }
        return EC.get(i);
    }

    static synchronized KeyPair rsa(int i) {
        while (RSA.size() <= i) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Bc.PROVIDER);
                g.initialize(2048);
                RSA.add(g.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return RSA.get(i);
    }

    static synchronized KeyPair ed25519(int i) {
        while (ED.size() <= i) {
            ED.add(generate("Ed25519", null));
        }
        return ED.get(i);
    }

    static synchronized KeyPair ed448(int i) {
        while (ED448.size() <= i) {
            ED448.add(generate("Ed448", null));
        }
        return ED448.get(i);
    }

    static synchronized KeyPair dsa(int i) {
        while (DSA.size() <= i) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("DSA", Bc.PROVIDER);
                g.initialize(2048);
                DSA.add(g.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return DSA.get(i);
    }

    private static KeyPair generate(String alg, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(alg, Bc.PROVIDER);
            if (spec != null) {
                g.initialize(spec);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sigAlg(KeyPair signer) {
        return sigAlg(signer, false);
    }

    /** The signature algorithm for {@code signer}'s key; RSA keys sign with RSASSA-PSS when {@code pss}. */
    static String sigAlg(KeyPair signer, boolean pss) {
        return switch (signer.getPrivate().getAlgorithm()) {
            case "RSA" -> pss ? "SHA256withRSAandMGF1" : "SHA256withRSA";
            case "Ed25519" -> "Ed25519";
            case "Ed448" -> "Ed448";
            case "DSA" -> "SHA256withDSA";
            case "EdDSA" -> signer.getPublic().getEncoded().length > 50 ? "Ed448" : "Ed25519";
            default -> "SHA256withECDSA";
        };
    }

    /** A certificate specification; unset optional extensions are absent. */
    static final class Cert {
        String subject;
        KeyPair key;
        Cert issuer; // null = self-signed
        Instant notBefore = Instant.now().minusSeconds(86400);
        Instant notAfter = Instant.now().plusSeconds(86400 * 30);
        Boolean ca;
        Integer pathLen;
        boolean bcCritical = true;
        Integer keyUsage;
        List<KeyPurposeId> eku;
        List<String> dnsNames;
        List<String> permittedDns;
        List<String> excludedDns;
        boolean keyIds = true;
        boolean unknownCritical;
        boolean pss;
        List<String> policies;
        Integer requireExplicit;
        BigInteger serial = BigInteger.valueOf(SERIAL.incrementAndGet());
        X509CertificateHolder built;

        Cert(String subject, KeyPair key) {
            this.subject = subject;
            this.key = key;
        }

        Cert issuedBy(Cert issuer) {
            this.issuer = issuer;
            return this;
        }

        Cert ca(Integer pathLen) {
            this.ca = true;
            this.pathLen = pathLen;
            this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            return this;
        }

        Cert validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        Cert dns(String... names) {
            this.dnsNames = List.of(names);
            return this;
        }

        X509CertificateHolder build() {
            try {
                X500Name subj = new X500Name(subject);
                X500Name iss = issuer == null ? subj : issuer.built.getSubject();
                KeyPair signer = issuer == null ? key : issuer.key;
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(iss, serial, Date.from(notBefore),
                        Date.from(notAfter), subj, key.getPublic());
                JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
                if (ca != null) {
                    b.addExtension(Extension.basicConstraints, bcCritical,
                            ca && pathLen != null ? new BasicConstraints(pathLen) : new BasicConstraints(ca));
                }
                if (keyUsage != null) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (eku != null) {
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku.toArray(new KeyPurposeId[0])));
                }
                if (dnsNames != null) {
                    GeneralName[] g = dnsNames.stream().map(d -> new GeneralName(GeneralName.dNSName, d)).toArray(GeneralName[]::new);
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(g));
                }
                if (permittedDns != null || excludedDns != null) {
                    b.addExtension(Extension.nameConstraints, true, new NameConstraints(subtrees(permittedDns), subtrees(excludedDns)));
                }
                if (keyIds) {
                    b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(key.getPublic()));
                    if (issuer != null) {
                        b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(issuer.key.getPublic()));
                    }
                }
                if (policies != null) {
                    b.addExtension(Extension.certificatePolicies, false, new org.bouncycastle.asn1.x509.CertificatePolicies(
                            policies.stream().map(o -> new org.bouncycastle.asn1.x509.PolicyInformation(new ASN1ObjectIdentifier(o)))
                                    .toArray(org.bouncycastle.asn1.x509.PolicyInformation[]::new)));
                }
                if (requireExplicit != null) {
                    b.addExtension(Extension.policyConstraints, true, new org.bouncycastle.asn1.x509.PolicyConstraints(
                            BigInteger.valueOf(requireExplicit), null));
                }
                if (unknownCritical) {
                    b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, DERNull.INSTANCE);
                }
                ContentSigner s = new JcaContentSignerBuilder(sigAlg(signer, pss)).setProvider(Bc.PROVIDER).build(signer.getPrivate());
                built = b.build(s);
                return built;
            } catch (Exception e) {
                throw new IllegalStateException("cannot build test certificate " + subject, e);
            }
        }

        CertInfo info() {
            return CertInfo.of((built != null ? built : build()).toASN1Structure());
        }
    }

    private static GeneralSubtree[] subtrees(List<String> dns) {
        if (dns == null) {
            return null;
        }
        return dns.stream().map(d -> new GeneralSubtree(new GeneralName(GeneralName.dNSName, d))).toArray(GeneralSubtree[]::new);
    }

    /** A CRL issued by {@code issuer} listing {@code revoked} serials. */
    static X509CRLHolder crl(Cert issuer, Instant thisUpdate, Instant nextUpdate, BigInteger... revoked) {
        return crl(issuer, thisUpdate, nextUpdate, false, revoked);
    }

    /** A CRL, optionally with an unknown critical extension (which OpenSSL cannot handle). */
    static X509CRLHolder crl(Cert issuer, Instant thisUpdate, Instant nextUpdate, boolean unknownCritical,
            BigInteger... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer.built.getSubject(), Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (BigInteger s : revoked) {
                b.addCRLEntry(s, Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.key.getPublic()));
            if (unknownCritical) {
                b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.2"), true, DERNull.INSTANCE);
            }
            ContentSigner s = new JcaContentSignerBuilder(sigAlg(issuer.key)).setProvider(Bc.PROVIDER).build(issuer.key.getPrivate());
            return b.build(s);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build test CRL", e);
        }
    }

    /** {@code cert} with the last byte of its signature flipped (a broken signature, same everything else). */
    static X509CertificateHolder tampered(X509CertificateHolder cert) {
        try {
            byte[] der = cert.getEncoded();
            der[der.length - 1] ^= 0x01;
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object... objects) {
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
}
