package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The public key part of OpenSSL 3.0's text dumps (its provider "text" encoders): RSA
 * ({@code Public-Key: (2048 bit)}, {@code Modulus:}, {@code Exponent: 65537 (0x10001)}), RSA-PSS keys
 * ({@code No PSS parameter restrictions}), DSA ({@code pub:}, {@code P:}, {@code Q:}, {@code G:}),
 * named-curve EC ({@code pub:}, {@code ASN1 OID: prime256v1}, {@code NIST CURVE: P-256}), Ed25519/Ed448
 * and X25519/X448 ({@code ED25519 Public-Key:}, {@code pub:}). Numbers of more than 8 bytes and raw keys
 * are written 15 bytes per line, 4 spaces further in.
 */
public final class PublicKeyText {
    private static final String[][] RAW_KEYS = {
        {"1.3.101.112", "ED25519"}, {"1.3.101.113", "ED448"}, {"1.3.101.110", "X25519"}, {"1.3.101.111", "X448"}};

    private PublicKeyText() {
    }

    /**
     * Appends the key's lines, each prefixed by {@code indent} spaces.
     *
     * @return false when OpenSSL 3.0 has no text form this class knows for the key (nothing appended)
     */
    public static boolean append(StringBuilder out, SubjectPublicKeyInfo key, int indent) {
        StringBuilder body = new StringBuilder(1024);
        try {
            if (!body(body, key)) {
                return false;
            }
        } catch (RuntimeException | java.io.IOException e) {
            return false;
        }
        int start = 0;
        for (int end = body.indexOf("\n"); end >= 0; start = end + 1, end = body.indexOf("\n", start)) {
            if (end > start) {
                Indent.spaces(out, indent).append(body, start, end).append('\n');
            }
        }
        return true;
    }

    private static boolean body(StringBuilder out, SubjectPublicKeyInfo key) throws java.io.IOException {
        ASN1ObjectIdentifier alg = key.getAlgorithm().getAlgorithm();
        if (alg.equals(PKCSObjectIdentifiers.rsaEncryption) || alg.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            RSAPublicKey rsa = RSAPublicKey.getInstance(key.parsePublicKey());
            out.append("Public-Key: (").append(rsa.getModulus().bitLength()).append(" bit)\n");
            labeledNumber(out, "Modulus:", rsa.getModulus());
            labeledNumber(out, "Exponent:", rsa.getPublicExponent());
            if (alg.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
                PssKeyText.append(out, key.getAlgorithm().getParameters());
            }
            return true;
        }
        if (alg.equals(X9ObjectIdentifiers.id_dsa)) {
            DSAParameter params = DSAParameter.getInstance(key.getAlgorithm().getParameters());
            BigInteger y = ASN1Integer.getInstance(key.parsePublicKey()).getValue();
            out.append("Public-Key: (").append(params.getP().bitLength()).append(" bit)\n");
            labeledNumber(out, "pub: ", y);
            labeledNumber(out, "P:   ", params.getP());
            labeledNumber(out, "Q:   ", params.getQ());
            labeledNumber(out, "G:   ", params.getG());
            return true;
        }
        if (alg.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            if (!(key.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier)) {
                return EcParametersText.appendExplicit(out, key);
            }
            ASN1ObjectIdentifier curve = (ASN1ObjectIdentifier) key.getAlgorithm().getParameters();
            X9ECParameters x9 = ECNamedCurveTable.getByOID(curve);
            if (x9 == null) {
                return false;
            }
            out.append("Public-Key: (").append(x9.getN().bitLength()).append(" bit)\n");
            labeledBytes(out, "pub:", key.getPublicKeyData().getBytes());
            out.append("ASN1 OID: ").append(ObjectNames.shortText(curve)).append('\n');
            String nist = NISTNamedCurves.getName(curve);
            if (nist != null) {
                out.append("NIST CURVE: ").append(nist).append('\n');
            }
            return true;
        }
        for (String[] raw : RAW_KEYS) {
            if (alg.getId().equals(raw[0])) {
                out.append(raw[1]).append(" Public-Key:\n");
                labeledBytes(out, "pub:", key.getPublicKeyData().getBytes());
                return true;
            }
        }
        return false;
    }

    /** OpenSSL's {@code print_labeled_bignum}: small numbers inline in decimal and hex, big ones in a hex block. */
    public static void labeledNumber(StringBuilder out, String label, BigInteger n) {
        String space = " ";
        String neg = n.signum() < 0 ? "-" : "";
        BigInteger abs = n.abs();
        if (abs.signum() == 0) {
            out.append(label).append(space).append("0\n");
            return;
        }
        if (abs.bitLength() <= 64) {
            out.append(label).append(space).append(neg).append(abs).append(" (").append(neg).append("0x")
                .append(abs.toString(16)).append(")\n");
            return;
        }
        out.append(label).append(n.signum() < 0 ? " (Negative)" : "").append('\n');
        // toByteArray() starts with 00 exactly when the top bit is set, as OpenSSL's dump does.
        Hex.blocks(out, abs.toByteArray(), 15, 4);
    }

    /** OpenSSL's {@code print_labeled_buf}: the label, then the bytes 15 per line. */
    public static void labeledBytes(StringBuilder out, String label, byte[] bytes) {
        out.append(label).append('\n');
        Hex.blocks(out, bytes, 15, 4);
    }
}
