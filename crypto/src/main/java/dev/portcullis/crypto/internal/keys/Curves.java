package dev.portcullis.crypto.internal.keys;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * OpenSSL 3.0's built-in curve list ({@code EC_get_builtin_curves}, {@code openssl ecparam -list_curves}) mapped to
 * the names Bouncy Castle knows. Of OpenSSL's 82 curves, 69 are here; missing because Bouncy Castle has no
 * parameters under their OpenSSL identity: {@code Oakley-EC2N-3}, {@code Oakley-EC2N-4} and the eleven
 * {@code wap-wsg-idm-ecid-wtls*} curves.
 */
public final class Curves {
    /** OpenSSL short name → Bouncy Castle curve name, in OpenSSL's order. */
    private static final Map<String, String> BC_NAMES = new LinkedHashMap<>();

    static {
        for (String name : ("secp112r1 secp112r2 secp128r1 secp128r2 secp160k1 secp160r1 secp160r2 secp192k1 "
                + "secp224k1 secp224r1 secp256k1 secp384r1 secp521r1 prime192v1 prime192v2 prime192v3 prime239v1 "
                + "prime239v2 prime239v3 prime256v1 sect113r1 sect113r2 sect131r1 sect131r2 sect163k1 sect163r1 "
                + "sect163r2 sect193r1 sect193r2 sect233k1 sect233r1 sect239k1 sect283k1 sect283r1 sect409k1 "
                + "sect409r1 sect571k1 sect571r1 c2pnb163v1 c2pnb163v2 c2pnb163v3 c2pnb176v1 c2tnb191v1 c2tnb191v2 "
                + "c2tnb191v3 c2pnb208w1 c2tnb239v1 c2tnb239v2 c2tnb239v3 c2pnb272w1 c2pnb304w1 c2tnb359v1 "
                + "c2pnb368w1 c2tnb431r1 brainpoolP160r1 brainpoolP160t1 brainpoolP192r1 brainpoolP192t1 "
                + "brainpoolP224r1 brainpoolP224t1 brainpoolP256r1 brainpoolP256t1 brainpoolP320r1 brainpoolP320t1 "
                + "brainpoolP384r1 brainpoolP384t1 brainpoolP512r1 brainpoolP512t1 SM2").split(" ")) {
            BC_NAMES.put(name, bcNameOf(name));
        }
    }

    private Curves() {
    }

    /** OpenSSL's curve names that Portcullis supports, in OpenSSL's order. */
    public static Iterable<String> openSslNames() {
        return Collections.unmodifiableSet(BC_NAMES.keySet());
    }

    /**
     * The Bouncy Castle name of a curve given by its OpenSSL short name or its NIST name ({@code P-256}), or
     * {@code null} for an unknown curve.
     */
    public static String bcName(String openSslOrNistName) {
        if (openSslOrNistName == null) {
            return null;
        }
        String bc = BC_NAMES.get(openSslOrNistName);
        if (bc != null) {
            return bc;
        }
        switch (openSslOrNistName) {
            case "P-192": return "secp192r1";
            case "P-224": return "secp224r1";
            case "P-256": return "secp256r1";
            case "P-384": return "secp384r1";
            case "P-521": return "secp521r1";
            default: return null;
        }
    }

    /** The OpenSSL short name of a named-curve OID, or {@code null}. */
    public static String openSslNameOf(ASN1ObjectIdentifier oid) {
        for (Map.Entry<String, String> e : BC_NAMES.entrySet()) {
            if (oid.equals(ECNamedCurveTable.getOID(e.getValue()))) {
                return e.getKey();
            }
        }
        return null;
    }

    /*
     * The X9.62 names of the NIST prime curves map to their SEC names: Bouncy Castle resolves "secp256r1" to its
     * optimized curve implementation but "prime256v1" to the generic one, which signs about 4.5 times slower.
     * Same curve, same OID in every encoding.
     */
    private static String bcNameOf(String openSslName) {
        switch (openSslName) {
            case "prime192v1": return "secp192r1";
            case "prime256v1": return "secp256r1";
            case "SM2": return "sm2p256v1";
            case "c2pnb176v1": return "c2pnb176w1";
            default: return openSslName;
        }
    }
}
