package dev.portcullis.crypto.internal.text;

import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The restrictions of an RSASSA-PSS key (RFC 4055 §3.1) as OpenSSL 3.0's provider text encoder prints them:
 * {@code No PSS parameter restrictions}, or {@code PSS parameter restrictions:} followed by the hash and
 * mask algorithms under their provider names ({@code SHA2-256}, {@code MGF1}), the minimum salt length
 * in decimal and the trailer field in hex, each marked {@code (default)} where it is the RFC default.
 */
final class PssKeyText {
    private static final Map<String, String> HASH_NAMES = Map.of(
        "1.3.14.3.2.26", "SHA1",
        "2.16.840.1.101.3.4.2.4", "SHA2-224",
        "2.16.840.1.101.3.4.2.1", "SHA2-256",
        "2.16.840.1.101.3.4.2.2", "SHA2-384",
        "2.16.840.1.101.3.4.2.3", "SHA2-512",
        "2.16.840.1.101.3.4.2.5", "SHA2-512/224",
        "2.16.840.1.101.3.4.2.6", "SHA2-512/256");
    private static final String SHA1 = "1.3.14.3.2.26";
    private static final String MGF1 = "1.2.840.113549.1.1.8";

    private PssKeyText() {
    }

    static void append(StringBuilder out, ASN1Encodable parameters) {
        if (parameters == null || ASN1Sequence.getInstance(parameters).size() == 0) {
            out.append("No PSS parameter restrictions\n");
            return;
        }
        RSASSAPSSparams pss = RSASSAPSSparams.getInstance(parameters);
        String hash = pss.getHashAlgorithm().getAlgorithm().getId();
        AlgorithmIdentifier mgf = pss.getMaskGenAlgorithm();
        String mgfHash = AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm().getId();
        int salt = pss.getSaltLength().intValueExact();
        int trailer = pss.getTrailerField().intValueExact();
        out.append("PSS parameter restrictions:\n");
        out.append("  Hash Algorithm: ").append(hashName(hash)).append(SHA1.equals(hash) ? " (default)" : "").append('\n');
        out.append("  Mask Algorithm: ").append(MGF1.equals(mgf.getAlgorithm().getId()) ? "MGF1" : mgf.getAlgorithm().getId())
            .append(" with ").append(hashName(mgfHash))
            .append(MGF1.equals(mgf.getAlgorithm().getId()) && SHA1.equals(mgfHash) ? " (default)" : "").append('\n');
        out.append("  Minimum Salt Length: ").append(salt).append(salt == 20 ? " (default)" : "").append('\n');
        out.append("  Trailer Field: 0x").append(Integer.toHexString(trailer)).append(trailer == 1 ? " (default)" : "")
            .append('\n');
    }

    private static String hashName(String oid) {
        String name = HASH_NAMES.get(oid);
        return name != null ? name : dev.portcullis.crypto.internal.ObjectNames.text(new ASN1ObjectIdentifier(oid));
    }
}
