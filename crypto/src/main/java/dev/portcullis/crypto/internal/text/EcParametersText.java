package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECCurve;

/**
 * An EC public key whose curve is given by explicit parameters (RFC 3279 §2.3.5 {@code specifiedCurve}),
 * as OpenSSL 3.0 prints it: the point, then {@code Field Type: prime-field}, {@code Prime:}, {@code A:},
 * {@code B:}, {@code Generator (uncompressed):}, {@code Order:}, {@code Cofactor:} and {@code Seed:}.
 * Binary-field curves are not handled (the caller then reports the key as not printable).
 */
final class EcParametersText {
    private EcParametersText() {
    }

    static boolean appendExplicit(StringBuilder out, SubjectPublicKeyInfo key) {
        X9ECParameters params = X9ECParameters.getInstance(key.getAlgorithm().getParameters());
        ECCurve curve = params.getCurve();
        if (!(curve instanceof ECCurve.Fp)) {
            return false;
        }
        out.append("Public-Key: (").append(params.getN().bitLength()).append(" bit)\n");
        PublicKeyText.labeledBytes(out, "pub:", key.getPublicKeyData().getBytes());
        out.append("Field Type: prime-field\n");
        PublicKeyText.labeledNumber(out, "Prime:", curve.getField().getCharacteristic());
        PublicKeyText.labeledNumber(out, "A:   ", curve.getA().toBigInteger());
        PublicKeyText.labeledNumber(out, "B:   ", curve.getB().toBigInteger());
        byte[] generator = params.getBaseEntry().getPointEncoding();
        int form = generator.length == 0 ? 0 : generator[0] & 0xfe;
        String formName = form == 2 ? "compressed" : form == 6 ? "hybrid" : "uncompressed";
        PublicKeyText.labeledBytes(out, "Generator (" + formName + "):", generator);
        PublicKeyText.labeledNumber(out, "Order: ", params.getN());
        if (params.getH() != null) {
            PublicKeyText.labeledNumber(out, "Cofactor: ", params.getH());
        }
        if (params.getSeed() != null) {
            PublicKeyText.labeledBytes(out, "Seed:", params.getSeed());
        }
        return true;
    }
}
