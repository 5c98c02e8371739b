package dev.portcullis.crypto.internal.crl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.text.ExtensionPrinter;
import dev.portcullis.crypto.internal.x509.Asn1Time;
import dev.portcullis.crypto.internal.x509.ExtensionModel;

/**
 * One entry of a CRL's {@code revokedCertificates} (RFC 5280 §5.1.2.6): {@code SEQUENCE { userCertificate
 * CertificateSerialNumber, revocationDate Time, crlEntryExtensions Extensions OPTIONAL }}. Mutable, like OpenSSL's
 * {@code X509_REVOKED}; {@link #copy()} gives the independent copies pyOpenSSL hands out.
 */
public final class RevokedEntry {
    /** {@code id-ce-cRLReasons}. */
    public static final ASN1ObjectIdentifier REASON = Extension.reasonCode;

    private byte[] serial = {0};
    private Asn1Time revocationDate;
    private List<ExtensionModel> extensions = new ArrayList<>();

    /** A new entry: serial 0, no date, no extensions (OpenSSL's {@code X509_REVOKED_new}). */
    public RevokedEntry() {
    }

    /** Reads the entry at the cursor (its tag is checked). */
    public static RevokedEntry read(DerReader cursor) {
        DerReader fields = cursor.expect(Der.SEQUENCE).children();
        RevokedEntry entry = new RevokedEntry();
        entry.serial = fields.expect(Der.INTEGER).content();
        if (entry.serial.length == 0) {
            throw DerReader.error("illegal zero content");
        }
        int tag = fields.peekTag();
        if (tag != Der.UTC_TIME && tag != Der.GENERALIZED_TIME) {
            throw DerReader.wrongTag();
        }
        fields.next();
        entry.revocationDate = Asn1Time.fromDer(tag, fields.content());
        if (entry.revocationDate == null) {
            throw DerReader.error("invalid time format");
        }
        if (fields.hasNext()) {
            entry.extensions = ExtensionModel.readList(fields);
        }
        fields.expectEnd();
        return entry;
    }

    /** An independent copy. */
    public RevokedEntry copy() {
        RevokedEntry copy = new RevokedEntry();
        copy.serial = serial;
        copy.revocationDate = revocationDate;
        copy.extensions = new ArrayList<>(extensions);
        return copy;
    }

    /** The serial number. */
    public BigInteger serial() {
        return new BigInteger(serial);
    }

    /** Sets the serial number. */
    public void setSerial(BigInteger value) {
        serial = value.toByteArray();
    }

    /** The revocation date, or {@code null} when never set. */
    public Asn1Time revocationDate() {
        return revocationDate;
    }

    /** Sets the revocation date. */
    public void setRevocationDate(Asn1Time date) {
        revocationDate = date;
    }

    /** The entry extensions (a copy). */
    public List<ExtensionModel> extensions() {
        return List.copyOf(extensions);
    }

    /**
     * The reason as OpenSSL prints it ({@code X509V3_EXT_print}: {@code Key Compromise}, …; the raw bytes when
     * the value cannot be printed), or {@code null} when the entry has no reason.
     */
    public String reasonText() {
        for (ExtensionModel extension : extensions) {
            if (extension.oid().equals(REASON)) {
                return ExtensionPrinter.print(Extension.getInstance(extension.encoding()), 0)
                        .orElseGet(() -> new String(extension.value(), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return null;
    }

    /**
     * Removes the first reason extension and, for {@code code >= 0}, appends a new one with that code (an
     * ENUMERATED, RFC 5280 §5.3.1), as pyOpenSSL's {@code set_reason} does.
     */
    public void setReason(int code) {
        List<ExtensionModel> kept = new ArrayList<>(extensions.size() + 1);
        boolean removed = false;
        for (ExtensionModel extension : extensions) {
            if (!removed && extension.oid().equals(REASON)) {
                removed = true;
            } else {
                kept.add(extension);
            }
        }
        if (code >= 0) {
            kept.add(reasonExtension(code));
        }
        extensions = kept;
    }

    private static ExtensionModel reasonExtension(int code) {
        return ExtensionModel.of(REASON, false, Der.tlv(0x0a, BigInteger.valueOf(code).toByteArray()));
    }

    /**
     * The DER element.
     *
     * @throws CryptoException ({@code asn1 encoding routines}, {@code illegal zero content}) without a date
     */
    public byte[] encoding() {
        if (revocationDate == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        byte[] integer = Der.tlv(Der.INTEGER, serial);
        if (extensions.isEmpty()) {
            return Der.tlv(Der.SEQUENCE, integer, revocationDate.encode());
        }
        return Der.tlv(Der.SEQUENCE, integer, revocationDate.encode(), ExtensionModel.encodeList(extensions));
    }
}
