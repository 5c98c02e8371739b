package dev.portcullis.compat.internal;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import org.bouncycastle.math.ec.ECCurve;

/** The public point d·G of a prime-field curve, computed with Bouncy Castle's constant-time multiplier. */
final class EcMath {
    private EcMath() {
    }

    static ECPoint multiply(ECParameterSpec params, BigInteger d) {
        if (!(params.getCurve().getField() instanceof ECFieldFp fp)) {
            throw new dev.portcullis.compat.NssDbException("only prime-field EC curves are supported");
        }
        ECCurve curve = new ECCurve.Fp(fp.getP(), params.getCurve().getA(), params.getCurve().getB(),
                params.getOrder(), BigInteger.valueOf(params.getCofactor()));
        org.bouncycastle.math.ec.ECPoint g = curve.createPoint(params.getGenerator().getAffineX(),
                params.getGenerator().getAffineY());
        org.bouncycastle.math.ec.ECPoint q = g.multiply(d).normalize();
        return new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }
}
