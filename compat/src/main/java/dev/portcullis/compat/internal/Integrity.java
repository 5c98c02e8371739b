package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.security.MessageDigest;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NSS's integrity MACs (nssdb-format.md §8): one metaData row per protected attribute, named
 * {@code sig_key_<id>_<type>} (private-key objects) or {@code sig_cert_<id>_<type>} (cert9.db objects, the row
 * still lives in key4.db), holding a PBMAC1 structure: PBKDF2-HMAC-SHA256 over the pass key, then
 * HMAC-SHA256 over {@code be32(objectId) ‖ be32(type) ‖ value}. Encrypted private attributes are bound to object
 * id 0 and MACed over their plaintext; everything else to its real id and its stored bytes.
 */
public final class Integrity {
    /** The verdict on one attribute. */
    public enum Verdict { VALID, INVALID, MISSING }

    private static final long BUG_1720226_BITS = 0xC0000000L;

    private final Map<String, byte[][]> metaData;
    private final byte[] passKey;

    /** Checks MACs found in key4.db's {@code metaData} rows with the logged-in pass key. */
    public Integrity(Map<String, byte[][]> metaData, byte[] passKey) {
        this.metaData = metaData;
        this.passKey = passKey;
    }

    /**
     * Verifies one attribute.
     *
     * @param table "key" for nssPrivate objects, "cert" for nssPublic objects
     * @param rowId the object's table id (names the row)
     * @param macId the object id inside the MAC (0 for encrypted private attributes)
     */
    public Verdict verify(String table, long rowId, long macId, long type, byte[] value) {
        byte[][] row = metaData == null ? null : metaData.get(rowName(table, rowId, type));
        if (row == null || row[0] == null) {
            // NSS 3.49-3.68 wrote the rows of re-encrypted objects under id | 0xC0000000 (bug 1720226)
            row = metaData == null ? null : metaData.get(rowName(table, rowId | BUG_1720226_BITS, type));
        }
        if (row == null || row[0] == null) {
            return Verdict.MISSING;
        }
        byte[] expected;
        byte[] actual;
        try {
            ASN1Sequence outer = Der.sequence(Der.parse(row[0], "MAC row"), "MAC row", 2);
            ASN1Sequence algId = Der.sequence(outer.getObjectAt(0), "MAC algorithm", 2);
            if (!Der.oid(algId.getObjectAt(0), "MAC algorithm").equals(NssPbe.PBMAC1)) {
                return Verdict.INVALID;
            }
            ASN1Sequence pbmac = Der.sequence(algId.getObjectAt(1), "PBMAC1 parameters", 2);
            ASN1ObjectIdentifier hmacOid = Der.oid(
                    Der.sequence(pbmac.getObjectAt(1), "PBMAC1 scheme", 1).getObjectAt(0), "PBMAC1 scheme");
            String hmacName = NssPbe.hmacName(hmacOid);
            Mac hmac = Mac.getInstance(hmacName);
            byte[] macKey = NssPbe.deriveKey(Der.sequence(pbmac.getObjectAt(0), "PBMAC1 kdf", 2), passKey,
                    hmac.getMacLength());
            expected = Der.octets(outer.getObjectAt(1), "MAC value");
            hmac.init(new SecretKeySpec(macKey, hmacName));
            byte[] header = new byte[8];
            putBe32(header, 0, macId);
            putBe32(header, 4, type);
            hmac.update(header);
            hmac.update(value);
            actual = hmac.doFinal();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks an HMAC it should have", e);
        } catch (Der.OutOfRange e) {
            throw e; // absurd iteration counts are an error, not a silent verdict
        } catch (NssDbException e) {
            return Verdict.INVALID;
        }
        return MessageDigest.isEqual(expected, actual) ? Verdict.VALID : Verdict.INVALID;
    }

    static String rowName(String table, long id, long type) {
        return String.format("sig_%s_%08x_%08x", table, id & 0xFFFFFFFFL, type & 0xFFFFFFFFL);
    }

    private static void putBe32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
