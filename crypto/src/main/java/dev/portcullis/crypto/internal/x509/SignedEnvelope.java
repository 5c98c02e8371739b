package dev.portcullis.crypto.internal.x509;

import java.util.Arrays;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * The signed wrapper shared by certificates, requests and CRLs (RFC 5280 §4.1.1, RFC 2986 §4):
 * {@code SEQUENCE { toBeSigned, signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }}.
 *
 * <p>{@link #read} checks the outer structure and records where the parts lie, leaving the to-be-signed part
 * to the caller; nothing is copied. Trailing bytes after the outer element are ignored, as OpenSSL's
 * {@code d2i} functions ignore them.
 *
 * @param der the array holding the element
 * @param start offset of the outer element
 * @param end offset just past the outer element
 * @param tbsStart offset of the to-be-signed element
 * @param tbsEnd offset just past it
 * @param algorithmStart offset of the outer signature AlgorithmIdentifier
 * @param signatureStart offset of the signature BIT STRING (which ends at {@code end})
 */
public record SignedEnvelope(byte[] der, int start, int end, int tbsStart, int tbsEnd, int algorithmStart,
                             int signatureStart) {
    /** Reads the envelope at the start of {@code der}; empty input fails with no OpenSSL entries, as there. */
    public static SignedEnvelope read(byte[] der) {
        if (der.length == 0) {
            // OpenSSL queues no error for empty input (pyOpenSSL raises Error([])); say what happened instead
            throw new CryptoException("no data: the DER input is empty");
        }
        DerReader outer = new DerReader(der).expect(Der.SEQUENCE);
        DerReader parts = outer.children();
        parts.expect(Der.SEQUENCE);
        int tbsStart = parts.start();
        int tbsEnd = parts.end();
        parts.expect(Der.SEQUENCE);
        int algorithmStart = parts.start();
        checkAlgorithm(parts);
        parts.expect(Der.BIT_STRING);
        int signatureStart = parts.start();
        if (parts.contentLength() < 1) {
            throw DerReader.error("string too short");
        }
        parts.expectEnd();
        return new SignedEnvelope(der, outer.start(), outer.end(), tbsStart, tbsEnd, algorithmStart, signatureStart);
    }

    /** Checks that the element just read is an {@code AlgorithmIdentifier}: an OID and optional parameters. */
    public static void checkAlgorithm(DerReader algorithm) {
        DerReader fields = algorithm.children();
        fields.expect(Der.OID).oid();
        if (fields.hasNext()) {
            fields.next();
        }
        fields.expectEnd();
    }

    /** The outer element's bytes. */
    public byte[] encoding() {
        return start == 0 && end == der.length ? der : Arrays.copyOfRange(der, start, end);
    }

    /** The signature algorithm's AlgorithmIdentifier element. */
    public byte[] algorithm() {
        return Arrays.copyOfRange(der, algorithmStart, signatureStart);
    }

    /** The signature BIT STRING element. */
    public byte[] signature() {
        return Arrays.copyOfRange(der, signatureStart, end);
    }

    /** Wraps to-be-signed bytes with an algorithm and signature BIT STRING element. */
    public static byte[] wrap(byte[] tbs, byte[] algorithm, byte[] signatureBitString) {
        if (algorithm == null || signatureBitString == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        return Der.tlv(Der.SEQUENCE, tbs, algorithm, signatureBitString);
    }
}
