package dev.portcullis.crypto.internal.text;

import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * The OCSP extensions OpenSSL 3.0 prints (RFC 6960 §4.4): nonce (the raw value in hex), CRL references
 * ({@code crlUrl:}, {@code crlNum:}, {@code crlTime:}), acceptable response types, archive cutoff and the
 * service locator. Like OpenSSL, nonce and archive cutoff cannot be printed at indent 0 (pyOpenSSL's
 * {@code str()} fails for them).
 */
final class OcspExtensionText {
    private OcspExtensionText() {
    }

    static void register(Map<String, ValuePrinter> printers) {
        printers.put("1.3.6.1.5.5.7.48.1.3", OcspExtensionText::crlId);
        printers.put("1.3.6.1.5.5.7.48.1.4", OcspExtensionText::acceptableResponses);
        printers.put("1.3.6.1.5.5.7.48.1.6", OcspExtensionText::archiveCutoff);
        printers.put("1.3.6.1.5.5.7.48.1.7", OcspExtensionText::serviceLocator);
    }

    /** The OCSP nonce: OpenSSL takes the extension's raw bytes, whatever they hold, and prints them in hex. */
    static final String NONCE = "1.3.6.1.5.5.7.48.1.2";

    static void nonce(StringBuilder out, byte[] raw, int indent) {
        requireIndent(indent);
        Indent.spaces(out, indent);
        if (raw.length == 0) {
            out.append('0');
        }
        for (int i = 0; i < raw.length; i++) {
            if (i != 0 && i % 35 == 0) {
                out.append("\\\n");
            }
            Hex.appendUpper(out, raw[i]);
        }
    }

    private static void crlId(StringBuilder out, ASN1Primitive value, int indent) {
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
            ASN1Primitive inner = t.getExplicitBaseObject().toASN1Primitive();
            switch (t.getTagNo()) {
                case 0:
                    Indent.spaces(out, indent).append("crlUrl: ").append(RawString.of(inner).dotted()).append('\n');
                    break;
                case 1:
                    Indent.spaces(out, indent).append("crlNum: ")
                        .append(ValueText.hexInteger(ASN1Integer.getInstance(inner).getValue())).append('\n');
                    break;
                default:
                    Indent.spaces(out, indent).append("crlTime: ")
                        .append(ValueText.time(ASN1GeneralizedTime.getInstance(inner))).append('\n');
            }
        }
    }

    private static void acceptableResponses(StringBuilder out, ASN1Primitive value, int indent) {
        java.util.List<ConfValue> items = new java.util.ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(value)) {
            items.add(new ConfValue(null, ObjectNames.text(ASN1ObjectIdentifier.getInstance(e))));
        }
        ConfValue.print(out, items, indent, false);
    }

    private static void archiveCutoff(StringBuilder out, ASN1Primitive value, int indent) {
        requireIndent(indent);
        Indent.spaces(out, indent).append(ValueText.time(ASN1GeneralizedTime.getInstance(value)));
    }

    private static void serviceLocator(StringBuilder out, ASN1Primitive value, int indent) {
        ASN1Sequence seq = ASN1Sequence.getInstance(value);
        Indent.spaces(out, indent).append("Issuer: ").append(NameText.print(X500Name.getInstance(seq.getObjectAt(0))));
        if (seq.size() > 1) {
            for (ASN1Encodable e : ASN1Sequence.getInstance(seq.getObjectAt(1))) {
                ASN1Sequence ad = ASN1Sequence.getInstance(e);
                out.append('\n');
                Indent.spaces(out, 2 * indent).append(ObjectNames.text(ASN1ObjectIdentifier.getInstance(ad.getObjectAt(0))))
                    .append(" - ").append(GeneralNameText.print(GeneralName.getInstance(ad.getObjectAt(1))));
            }
        }
    }

    /** OpenSSL checks that writing the indent wrote something, so these printers fail at indent 0. */
    private static void requireIndent(int indent) {
        if (indent <= 0) {
            throw new IllegalArgumentException("OpenSSL cannot print this extension without an indent");
        }
    }

}
