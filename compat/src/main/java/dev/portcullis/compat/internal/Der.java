package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * Strict, typed access to the small DER structures key4.db stores, turning every shape error into an
 * {@link NssDbException} that names what was being read (never a Bouncy Castle exception or a cast failure).
 */
final class Der {
    private Der() {
    }

    static ASN1Primitive parse(byte[] der, String what) {
        if (der == null || der.length == 0) {
            throw new NssDbException(what + " is empty");
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            if (p == null) {
                throw new NssDbException(what + " is not DER");
            }
            return p;
        } catch (IOException | RuntimeException e) {
            throw new NssDbException(what + " is not valid DER", e);
        }
    }

    static ASN1Sequence sequence(ASN1Encodable e, String what, int minSize) {
        if (!(e instanceof ASN1Sequence s) || s.size() < minSize) {
            throw new NssDbException(what + " is not a SEQUENCE of at least " + minSize + " elements");
        }
        return s;
    }

    static ASN1ObjectIdentifier oid(ASN1Encodable e, String what) {
        if (!(e instanceof ASN1ObjectIdentifier o)) {
            throw new NssDbException(what + " is not an OBJECT IDENTIFIER");
        }
        return o;
    }

    static byte[] octets(ASN1Encodable e, String what) {
        if (!(e instanceof ASN1OctetString o)) {
            throw new NssDbException(what + " is not an OCTET STRING");
        }
        return o.getOctets();
    }

    static int smallInt(ASN1Encodable e, String what, int max) {
        if (!(e instanceof ASN1Integer i)) {
            throw new NssDbException(what + " is not an INTEGER");
        }
        BigInteger v = i.getValue();
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new OutOfRange(what + " " + v + " is out of range (0.." + max + ")");
        }
        return v.intValue();
    }

    static byte[] encoded(ASN1Encodable e, String what) {
        if (e == null) {
            throw new NssDbException(what + " is missing");
        }
        try {
            return e.toASN1Primitive().getEncoded("DER");
        } catch (IOException ex) {
            throw new NssDbException(what + " cannot be encoded", ex);
        }
    }

    /** A number beyond what NSS writes (an absurd iteration count): always an error, never a verdict. */
    static final class OutOfRange extends NssDbException {
        private static final long serialVersionUID = 1L;

        OutOfRange(String message) {
            super(message);
        }
    }
}
