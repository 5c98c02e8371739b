package dev.portcullis.crypto.internal.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import dev.portcullis.crypto.internal.Bc;

/**
 * Checks signatures made with one certificate's public key. The key is decoded once and kept.
 *
 * <p>The common algorithms (RSA PKCS#1 v1.5, ECDSA and DSA with SHA-1/SHA-2, Ed25519, Ed448) go to the JDK's own
 * providers, whose EC and RSA code keeps its precomputed tables between calls; everything else (RSASSA-PSS, keys the
 * JDK cannot decode such as EC keys with explicit parameters) goes to Portcullis' private Bouncy Castle provider.
 * Both are standard JCA verification; the choice is only about speed.
 */
final class KeyVerifier {
    /** signature algorithm OID → JDK algorithm name. */
    private static final Map<String, String> JDK_NAMES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.4", "MD5withRSA"),
            Map.entry("1.2.840.113549.1.1.5", "SHA1withRSA"),
            Map.entry("1.2.840.113549.1.1.14", "SHA224withRSA"),
            Map.entry("1.2.840.113549.1.1.11", "SHA256withRSA"),
            Map.entry("1.2.840.113549.1.1.12", "SHA384withRSA"),
            Map.entry("1.2.840.113549.1.1.13", "SHA512withRSA"),
            Map.entry("1.2.840.10045.4.1", "SHA1withECDSA"),
            Map.entry("1.2.840.10045.4.3.1", "SHA224withECDSA"),
            Map.entry("1.2.840.10045.4.3.2", "SHA256withECDSA"),
            Map.entry("1.2.840.10045.4.3.3", "SHA384withECDSA"),
            Map.entry("1.2.840.10045.4.3.4", "SHA512withECDSA"),
            Map.entry("1.2.840.10040.4.3", "SHA1withDSA"),
            Map.entry("2.16.840.1.101.3.4.3.1", "SHA224withDSA"),
            Map.entry("2.16.840.1.101.3.4.3.2", "SHA256withDSA"),
            Map.entry(SignatureAlgorithms.ED25519, "Ed25519"),
            Map.entry(SignatureAlgorithms.ED448, "Ed448"));
    /** key algorithm OID → JDK key factory name. */
    private static final Map<String, String> JDK_KEYS = Map.of(
            SignatureAlgorithms.RSA, "RSA", SignatureAlgorithms.EC, "EC", SignatureAlgorithms.DSA, "DSA",
            SignatureAlgorithms.ED25519, "Ed25519", SignatureAlgorithms.ED448, "Ed448");

    private final SubjectPublicKeyInfo spki;
    private final PublicKey jdkKey;
    private volatile ContentVerifierProvider bcKey;

    private KeyVerifier(SubjectPublicKeyInfo spki, PublicKey jdkKey, ContentVerifierProvider bcKey) {
        this.spki = spki;
        this.jdkKey = jdkKey;
        this.bcKey = bcKey;
    }

    /** A verifier for {@code spki}, or {@code null} when no provider can decode the key. */
    static KeyVerifier of(SubjectPublicKeyInfo spki) {
        PublicKey jdk = jdkKey(spki);
        if (jdk != null) {
            return new KeyVerifier(spki, jdk, null); // Bouncy Castle's form is built only if an algorithm needs it
        }
        ContentVerifierProvider bc = bcKey(spki);
        return bc == null ? null : new KeyVerifier(spki, null, bc);
    }

    private static ContentVerifierProvider bcKey(SubjectPublicKeyInfo spki) {
        try {
            return new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(spki);
        } catch (OperatorCreationException | RuntimeException e) {
            return null;
        }
    }

    private static PublicKey jdkKey(SubjectPublicKeyInfo spki) {
        String name = JDK_KEYS.get(spki.getAlgorithm().getAlgorithm().getId());
        if (name == null) {
            return null;
        }
        try {
            return KeyFactory.getInstance(name).generatePublic(new X509EncodedKeySpec(spki.getEncoded(ASN1Encoding.DER)));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return null; // e.g. explicit EC parameters: Bouncy Castle takes it
        }
    }

    /** Whether {@code signature} over {@code signed} verifies under {@code alg}; any failure is {@code false}. */
    boolean verify(AlgorithmIdentifier alg, byte[] signed, byte[] signature) {
        if (signed == null) {
            return false;
        }
        String jdkName = JDK_NAMES.get(alg.getAlgorithm().getId());
        if (jdkName != null && jdkKey != null && parametersAbsentOrNull(alg)) {
            try {
                Signature s = Signature.getInstance(jdkName);
                s.initVerify(jdkKey);
                s.update(signed);
                return s.verify(signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
        return verifyWithBc(alg, signed, signature);
    }

    private boolean verifyWithBc(AlgorithmIdentifier alg, byte[] signed, byte[] signature) {
        ContentVerifierProvider bc = bcKey;
        if (bc == null) {
            bc = bcKey(spki);
            if (bc == null) {
                return false;
            }
            bcKey = bc;
        }
        try {
            ContentVerifier v = bc.get(alg);
            try (OutputStream out = v.getOutputStream()) {
                out.write(signed);
            }
            return v.verify(signature);
        } catch (IOException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    /** RSA identifiers carry NULL parameters, the others none; anything else goes to Bouncy Castle's stricter path. */
    private static boolean parametersAbsentOrNull(AlgorithmIdentifier alg) {
        return alg.getParameters() == null || DERNull.INSTANCE.equals(alg.getParameters());
    }

    /** The key this verifier checks with. */
    SubjectPublicKeyInfo key() {
        return spki;
    }
}
