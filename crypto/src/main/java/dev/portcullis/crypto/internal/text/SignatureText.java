package dev.portcullis.crypto.internal.text;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * OpenSSL 3.0's {@code X509_signature_print}: the {@code Signature Algorithm:} line (with the RSA-PSS
 * parameter block), and the {@code Signature Value:} dump (18 bytes per line; DSA signatures as their
 * {@code r:} and {@code s:} numbers).
 */
final class SignatureText {
    private static final String DSA_SIGNATURE_PREFIX = "2.16.840.1.101.3.4.3.";
    private static final String DSA_SHA1 = "1.2.840.10040.4.3";

    private SignatureText() {
    }

    /** The algorithm line inside the to-be-signed part: 8 spaces, the name, PSS parameters, newline. */
    static void appendAlgorithmLine(StringBuilder out, AlgorithmIdentifier algorithm) {
        out.append("        Signature Algorithm: ").append(ObjectNames.text(algorithm.getAlgorithm()));
        if (isPss(algorithm)) {
            pssParameters(out, algorithm, 8);
        } else {
            out.append('\n');
        }
    }

    /** The closing signature block: algorithm and value at indent 4, the bytes at indent 8. */
    static void appendSignature(StringBuilder out, AlgorithmIdentifier algorithm, ASN1BitString signature) {
        out.append("    Signature Algorithm: ").append(ObjectNames.text(algorithm.getAlgorithm()));
        out.append("\n    Signature Value:");
        byte[] bytes = signature.getBytes();
        if (isPss(algorithm)) {
            pssParameters(out, algorithm, 8);
        } else if (isDsa(algorithm.getAlgorithm()) && dsaNumbers(out, bytes)) {
            return;
        } else {
            out.append('\n');
        }
        Hex.blocks(out, bytes, 18, 8);
    }

    private static boolean isPss(AlgorithmIdentifier algorithm) {
        return PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm.getAlgorithm());
    }

    private static boolean isDsa(ASN1ObjectIdentifier oid) {
        String id = oid.getId();
        return DSA_SHA1.equals(id) || (id.startsWith(DSA_SIGNATURE_PREFIX)
            && Integer.parseInt(id.substring(DSA_SIGNATURE_PREFIX.length())) <= 8);
    }

    /** {@code dsa_sig_print}: the r and s of a DER DSA signature; false when it does not decode. */
    private static boolean dsaNumbers(StringBuilder out, byte[] signature) {
        BigInteger r;
        BigInteger s;
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(signature);
            r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
        } catch (RuntimeException e) {
            return false;
        }
        out.append('\n');
        StringBuilder numbers = new StringBuilder();
        PublicKeyText.labeledNumber(numbers, "r:   ", r);
        PublicKeyText.labeledNumber(numbers, "s:   ", s);
        for (String line : numbers.toString().split("\n")) {
            Indent.spaces(out, 8).append(line).append('\n');
        }
        return true;
    }

    /** {@code rsa_pss_param_print} for a signature (not a key). */
    private static void pssParameters(StringBuilder out, AlgorithmIdentifier algorithm, int indent) {
        Indent.spaces(out, indent);
        RSASSAPSSparams pss;
        try {
            pss = RSASSAPSSparams.getInstance(algorithm.getParameters());
        } catch (RuntimeException e) {
            pss = null;
        }
        if (pss == null) {
            out.append("(INVALID PSS PARAMETERS)\n");
            return;
        }
        out.append('\n');
        Indent.spaces(out, indent).append("Hash Algorithm: ").append(ObjectNames.text(pss.getHashAlgorithm().getAlgorithm()));
        if (isDefault(pss.getHashAlgorithm(), RSASSAPSSparams.DEFAULT_HASH_ALGORITHM)) {
            out.append(" (default)");
        }
        out.append('\n');
        Indent.spaces(out, indent).append("Mask Algorithm: ");
        AlgorithmIdentifier mgf = pss.getMaskGenAlgorithm();
        if (isDefault(mgf, RSASSAPSSparams.DEFAULT_MASK_GEN_FUNCTION)) {
            out.append("mgf1 with sha1 (default)");
        } else {
            out.append(ObjectNames.text(mgf.getAlgorithm())).append(" with ");
            try {
                out.append(ObjectNames.text(AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm()));
            } catch (RuntimeException e) {
                out.append("INVALID");
            }
        }
        out.append('\n');
        Indent.spaces(out, indent).append(" Salt Length: 0x");
        out.append(pss.getSaltLength().equals(RSASSAPSSparams.DEFAULT_SALT_LENGTH.getValue())
            && !hasField(algorithm, 2) ? "14 (default)" : ValueText.hexInteger(pss.getSaltLength()));
        out.append('\n');
        Indent.spaces(out, indent).append("Trailer Field: 0x");
        out.append(hasField(algorithm, 3) ? ValueText.hexInteger(pss.getTrailerField()) : "01 (default)");
        out.append('\n');
    }

    /** True when the parameters omit the field (the DER default), so OpenSSL prints "(default)". */
    private static boolean isDefault(AlgorithmIdentifier value, AlgorithmIdentifier def) {
        return value == def;
    }

    private static boolean hasField(AlgorithmIdentifier algorithm, int tag) {
        for (var e : ASN1Sequence.getInstance(algorithm.getParameters())) {
            if (e instanceof org.bouncycastle.asn1.ASN1TaggedObject
                && ((org.bouncycastle.asn1.ASN1TaggedObject) e).getTagNo() == tag) {
                return true;
            }
        }
        return false;
    }
}
