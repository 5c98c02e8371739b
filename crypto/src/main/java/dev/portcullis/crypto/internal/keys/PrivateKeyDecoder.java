package dev.portcullis.crypto.internal.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;

import dev.portcullis.crypto.CryptoException;

/**
 * Reads the DER private-key structures OpenSSL reads, turning each into a PKCS#8 PrivateKeyInfo: PKCS#8 itself,
 * PKCS#1 RSAPrivateKey, SEC1 ECPrivateKey (which must name its curve) and OpenSSL's DSA sequence. For DER input
 * without a label the shape is detected, as OpenSSL's {@code d2i_AutoPrivateKey} does; bytes after the structure
 * are ignored.
 */
public final class PrivateKeyDecoder {
    /** The PEM labels that hold a private key, in the order OpenSSL's reader accepts them. */
    public static final List<String> PEM_LABELS = List.of("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY",
            "EC PRIVATE KEY", "DSA PRIVATE KEY");

    private PrivateKeyDecoder() {
    }

    /** The structure under a PEM label other than {@code ENCRYPTED PRIVATE KEY}, as PKCS#8. */
    public static PrivateKeyInfo fromLabel(String label, byte[] der) {
        ASN1Sequence seq = sequence(der);
        try {
            switch (label) {
                case "PRIVATE KEY":
                    return pkcs8(seq);
                case "RSA PRIVATE KEY":
                    return rsa(seq);
                case "EC PRIVATE KEY":
                    return ec(seq);
                case "DSA PRIVATE KEY":
                    return dsa(seq);
                default:
                    throw new CryptoException("PEM routines", "no start line");
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw decodeError(e);
        }
    }

    /** A DER private key of any shape OpenSSL auto-detects: PKCS#8, PKCS#1, SEC1 or DSA. */
    public static PrivateKeyInfo fromDer(byte[] der) {
        ASN1Sequence seq = sequence(der);
        try {
            int size = seq.size();
            if (size >= 3 && seq.getObjectAt(1) instanceof ASN1Sequence) {
                return pkcs8(seq);
            }
            if (size >= 9 && allIntegers(seq)) {
                return rsa(seq);
            }
            if (size == 6 && allIntegers(seq)) {
                return dsa(seq);
            }
            if (size >= 2 && seq.getObjectAt(1) instanceof ASN1OctetString) {
                return ec(seq);
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw decodeError(e);
        }
        throw new CryptoException("DECODER routines", "unsupported");
    }

    /** The first DER object of {@code der} as a sequence; trailing bytes are ignored. */
    static ASN1Sequence sequence(byte[] der) {
        if (der == null || der.length == 0) {
            throw new CryptoException("asn1 encoding routines", "not enough data");
        }
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive obj = in.readObject();
            if (obj instanceof ASN1Sequence seq) {
                return seq;
            }
            throw new CryptoException("asn1 encoding routines", "wrong tag");
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException c) {
                throw c;
            }
            throw decodeError(e);
        }
    }

    private static PrivateKeyInfo pkcs8(ASN1Sequence seq) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(seq);
        KeyKind.of(info.getPrivateKeyAlgorithm());
        return info;
    }

    private static PrivateKeyInfo rsa(ASN1Sequence seq) throws IllegalArgumentException {
        RSAPrivateKey key = RSAPrivateKey.getInstance(seq);
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(KeyKind.RSA.oid(), DERNull.INSTANCE), key);
        } catch (IOException e) {
            throw decodeError(e);
        }
    }

    private static PrivateKeyInfo ec(ASN1Sequence seq) {
        org.bouncycastle.asn1.sec.ECPrivateKey key = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(seq);
        ASN1Encodable parameters = key.getParametersObject();
        if (parameters == null) {
            throw new CryptoException("elliptic curve routines", "missing parameters");
        }
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(KeyKind.EC.oid(), parameters), seq);
        } catch (IOException e) {
            throw decodeError(e);
        }
    }

    private static PrivateKeyInfo dsa(ASN1Sequence seq) {
        if (seq.size() != 6) {
            throw new CryptoException("asn1 encoding routines", "wrong number of elements");
        }
        BigInteger[] v = new BigInteger[6];
        for (int i = 0; i < 6; i++) {
            v[i] = ASN1Integer.getInstance(seq.getObjectAt(i)).getValue();
        }
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(KeyKind.DSA.oid(), new DSAParameter(v[1], v[2], v[3])),
                    new ASN1Integer(v[5]));
        } catch (IOException e) {
            throw decodeError(e);
        }
    }

    private static boolean allIntegers(ASN1Sequence seq) {
        for (ASN1Encodable e : seq) {
            if (!(e instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static CryptoException decodeError(Exception cause) {
        return new CryptoException(List.of(new CryptoException.Entry("asn1 encoding routines", "", "decode error")),
                cause);
    }
}
