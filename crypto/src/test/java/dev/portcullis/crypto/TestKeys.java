package dev.portcullis.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Keys for tests, generated once per JVM with the JDK (an independent implementation). */
final class TestKeys {
    private static PKey rsa;
    private static PKey ec;
    private static PKey ed25519;
    private static PKey ed448;

    private TestKeys() {
    }

    /** A 1024-bit RSA key (small, so tests stay fast). */
    static synchronized PKey rsa() {
        if (rsa == null) {
            rsa = generate("RSA", null);
        }
        return rsa;
    }

    /** A fresh 1024-bit RSA key, different from {@link #rsa()}. */
    static PKey otherRsa() {
        return generate("RSA", null);
    }

    /** An EC P-256 key. */
    static synchronized PKey ec() {
        if (ec == null) {
            ec = generate("EC", new ECGenParameterSpec("secp256r1"));
        }
        return ec;
    }

    /** An Ed25519 key. */
    static synchronized PKey ed25519() {
        if (ed25519 == null) {
            ed25519 = generate("Ed25519", null);
        }
        return ed25519;
    }

    /** An Ed448 key. */
    static synchronized PKey ed448() {
        if (ed448 == null) {
            ed448 = generate("Ed448", null);
        }
        return ed448;
    }

    private static PKey generate(String algorithm, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else if (algorithm.equals("RSA")) {
                generator.initialize(1024);
            }
            return PKey.fromJavaKeyPair(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed self-issued certificate for {@code key}: CN=name, valid from now for a day, serial 1. */
    static X509 selfSigned(PKey key, String commonName, String digest) {
        X509 cert = new X509();
        cert.getSubject().set("CN", commonName);
        cert.setIssuer(cert.getSubject());
        cert.setPubkey(key);
        cert.setSerialNumber(1);
        cert.gmtimeAdjNotBefore(0);
        cert.gmtimeAdjNotAfter(86400);
        cert.sign(key, digest);
        return cert;
    }
}
