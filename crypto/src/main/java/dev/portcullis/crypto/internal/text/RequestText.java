package dev.portcullis.crypto.internal.text;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;

import dev.portcullis.crypto.internal.ObjectNames;

/**
 * A PKCS#10 request as text, line for line as OpenSSL 3.0's {@code X509_REQ_print_ex}:
 * {@code openssl req -text -noout} or pyOpenSSL's {@code dump_certificate_request(FILETYPE_TEXT, req)}.
 * Attributes other than the extension request are listed as {@code name<padding to 25>:value}
 * ({@code (none)} when there are no attributes at all); {@code Requested Extensions:} always follows.
 */
public final class RequestText {
    private static final String EXT_REQ = "1.2.840.113549.1.9.14";
    private static final String MS_EXT_REQ = "1.3.6.1.4.1.311.2.1.14";

    private RequestText() {
    }

    /**
     * The whole dump, ending with a newline.
     *
     * @throws dev.portcullis.crypto.CryptoException when a field is malformed (OpenSSL would not have loaded it)
     */
    public static String print(CertificationRequest request, CertificateText.Flavor flavor) {
        return Malformed.guard(() -> printUnguarded(request, flavor));
    }

    private static String printUnguarded(CertificationRequest request, CertificateText.Flavor flavor) {
        CertificationRequestInfo info = request.getCertificationRequestInfo();
        StringBuilder out = new StringBuilder(2048);
        out.append("Certificate Request:\n    Data:\n");
        int version = info.getVersion().intValueExact();
        if (version == 0) {
            out.append("        Version: 1 (0x0)\n");
        } else {
            out.append("        Version: Unknown (").append(version).append(")\n");
        }
        out.append("        Subject: ").append(flavor.name(info.getSubject())).append('\n');
        out.append("        Subject Public Key Info:\n");
        out.append("            Public Key Algorithm: ")
            .append(ObjectNames.text(info.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())).append('\n');
        if (!PublicKeyText.append(out, info.getSubjectPublicKeyInfo(), 16)) {
            out.append("            Unable to load Public Key\n");
        }
        appendAttributes(out, info.getAttributes());
        out.append("            Requested Extensions:\n");
        for (Extension extension : requestedExtensions(info.getAttributes())) {
            ExtensionPrinter.appendEntry(out, extension, 16);
        }
        SignatureText.appendSignature(out, request.getSignatureAlgorithm(), request.getSignature());
        return out.toString();
    }

    private static void appendAttributes(StringBuilder out, ASN1Set attributes) {
        out.append("        Attributes:\n");
        if (attributes == null || attributes.size() == 0) {
            out.append("            (none)\n");
            return;
        }
        for (ASN1Encodable e : attributes) {
            Attribute attribute = Attribute.getInstance(e);
            ASN1ObjectIdentifier type = attribute.getAttrType();
            if (isExtensionRequest(type)) {
                continue;
            }
            String name = ObjectNames.text(type);
            out.append("            ").append(name);
            int pad = 25 - name.length();
            ASN1Encodable[] values = attribute.getAttributeValues();
            for (int i = 0; i < values.length; i++) {
                Indent.spaces(out, i == 0 ? pad : 25).append(':');
                RawString value = RawString.of(values[i]);
                switch (value.tag()) {
                    case 19: case 20: case 18: case 12: case 22:
                        out.append(value.utf8()).append('\n');
                        break;
                    default:
                        out.append("unable to print attribute\n");
                }
            }
        }
    }

    private static boolean isExtensionRequest(ASN1ObjectIdentifier type) {
        return EXT_REQ.equals(type.getId()) || MS_EXT_REQ.equals(type.getId());
    }

    /** The extensions of the first extension-request attribute, in encoded order. */
    static List<Extension> requestedExtensions(ASN1Set attributes) {
        if (attributes == null) {
            return List.of();
        }
        for (ASN1Encodable e : attributes) {
            Attribute attribute = Attribute.getInstance(e);
            if (isExtensionRequest(attribute.getAttrType()) && attribute.getAttrValues().size() > 0) {
                return ExtensionPrinter.listOf(Extensions.getInstance(attribute.getAttrValues().getObjectAt(0)));
            }
        }
        return new ArrayList<>();
    }
}
