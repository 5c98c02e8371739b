package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * Extensions OpenSSL prints as lists of general names: subjectAltName, issuerAltName and
 * certificateIssuer on one line ({@code DNS:a, IP Address:127.0.0.1}); authorityKeyIdentifier and
 * authorityInfoAccess / subjectInfoAccess one item per line ({@code keyid:…}, {@code DirName:/C=…},
 * {@code serial:…}; {@code OCSP - URI:…}).
 */
final class NameListText {
    private NameListText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        ValuePrinter names = (out, v, indent) -> ConfValue.print(out, values(GeneralNames.getInstance(v)), indent, false);
        printers.put("2.5.29.17", names);
        printers.put("2.5.29.18", names);
        printers.put("2.5.29.29", names);
        printers.put("2.5.29.35", NameListText::authorityKeyId);
        printers.put("1.3.6.1.5.5.7.1.1", NameListText::accessDescriptions);
        printers.put("1.3.6.1.5.5.7.1.11", NameListText::accessDescriptions);
    }

    static List<ConfValue> values(GeneralNames names) {
        List<ConfValue> items = new ArrayList<>();
        GeneralNameText.addValues(items, names.getNames());
        return items;
    }

    /** Without issuer or serial the key id is printed bare; otherwise as {@code keyid:}. */
    private static void authorityKeyId(StringBuilder out, ASN1Primitive value, int indent) {
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(value);
        List<ConfValue> items = new ArrayList<>();
        boolean more = aki.getAuthorityCertIssuer() != null || aki.getAuthorityCertSerialNumber() != null;
        if (aki.getKeyIdentifierObject() != null) {
            items.add(new ConfValue(more ? "keyid" : null, Hex.colons(aki.getKeyIdentifierObject().getOctets())));
        }
        if (aki.getAuthorityCertIssuer() != null) {
            GeneralNameText.addValues(items, aki.getAuthorityCertIssuer().getNames());
        }
        if (aki.getAuthorityCertSerialNumber() != null) {
            // OpenSSL keeps an INTEGER as its magnitude bytes, without DER's sign padding.
            items.add(new ConfValue("serial", Hex.colons(CertificateText.magnitude(aki.getAuthorityCertSerialNumber()))));
        }
        ConfValue.printNonEmpty(out, items, indent, true);
    }

    private static void accessDescriptions(StringBuilder out, ASN1Primitive value, int indent) {
        List<ConfValue> items = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            AccessDescription desc = AccessDescription.getInstance(e);
            GeneralName location = desc.getAccessLocation();
            ConfValue v = GeneralNameText.toValue(location);
            items.add(new ConfValue(ObjectNames.text(desc.getAccessMethod()) + " - " + v.name(), v.value()));
        }
        ConfValue.print(out, items, indent, true);
    }
}
