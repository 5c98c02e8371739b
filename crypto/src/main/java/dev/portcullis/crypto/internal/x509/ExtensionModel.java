package dev.portcullis.crypto.internal.x509;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * One X.509v3 extension (RFC 5280 §4.1): {@code Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE,
 * extnValue OCTET STRING }}. Immutable; the encoding it was read with is kept and reused verbatim (a
 * non-DER {@code critical FALSE} from the wild survives a re-encoding of its certificate).
 *
 * @param oid the extension type
 * @param critical whether a verifier that does not understand it must reject the certificate
 * @param value the contents of {@code extnValue}: the DER of the extension's own structure
 * @param encoding the whole {@code Extension} element
 */
public record ExtensionModel(ASN1ObjectIdentifier oid, boolean critical, byte[] value, byte[] encoding) {
    /** An extension with a fresh DER encoding. */
    public static ExtensionModel of(ASN1ObjectIdentifier oid, boolean critical, byte[] value) {
        byte[] encoding = critical
                ? Der.tlv(Der.SEQUENCE, Der.oid(oid), Der.bool(true), Der.tlv(Der.OCTET_STRING, value))
                : Der.tlv(Der.SEQUENCE, Der.oid(oid), Der.tlv(Der.OCTET_STRING, value));
        return new ExtensionModel(oid, critical, value, encoding);
    }

    /** Reads one {@code Extension} element at the cursor. */
    public static ExtensionModel read(DerReader list) {
        list.expect(Der.SEQUENCE);
        byte[] encoding = list.element();
        DerReader fields = list.children();
        ASN1ObjectIdentifier oid = fields.expect(Der.OID).oid();
        boolean critical = false;
        if (fields.nextIf(Der.BOOLEAN)) {
            if (fields.contentLength() != 1) {
                throw DerReader.error("invalid boolean");
            }
            critical = fields.buffer()[fields.contentStart()] != 0;
        }
        byte[] value = fields.expect(Der.OCTET_STRING).content();
        fields.expectEnd();
        return new ExtensionModel(oid, critical, value, encoding);
    }

    /** Reads a {@code SEQUENCE OF Extension} element at the cursor. */
    public static List<ExtensionModel> readList(DerReader cursor) {
        DerReader list = cursor.expect(Der.SEQUENCE).children();
        List<ExtensionModel> extensions = new ArrayList<>();
        while (list.hasNext()) {
            extensions.add(read(list));
        }
        return extensions;
    }

    /** The {@code SEQUENCE OF Extension} element for {@code extensions}. */
    public static byte[] encodeList(List<ExtensionModel> extensions) {
        List<byte[]> parts = new ArrayList<>(extensions.size());
        for (ExtensionModel extension : extensions) {
            parts.add(extension.encoding);
        }
        return Der.sequence(parts);
    }
}
