package dev.portcullis.crypto.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.ObjectNames;

/**
 * Prints X.509 extensions as OpenSSL 3.0 does: {@code X509V3_EXT_print} (the value alone, what
 * pyOpenSSL's {@code str(X509Extension)} shows) and {@code X509V3_extensions_print} (the
 * {@code X509v3 extensions:} block of {@code openssl x509 -text}).
 *
 * <p>Multi-line values (authorityKeyIdentifier, certificatePolicies, nameConstraints,
 * crlDistributionPoints, authorityInfoAccess, …) put {@code indent} spaces before every line and their
 * own relative indentation after it, so {@code print(ext, 0)} is the {@code str()} form and
 * {@code print(ext, 16)} the form inside a certificate dump.
 *
 * <p>Extensions OpenSSL has no printer for (unknown OIDs), and known ones whose value does not decode,
 * are "unprintable": {@link #print} returns empty, the text dumps show the raw value with non-printable
 * bytes as dots, and {@link #pyOpenSslString} throws {@link CryptoException} as pyOpenSSL does.
 */
public final class ExtensionPrinter {
    private static final Map<String, ValuePrinter> PRINTERS = new HashMap<>();

    static {
        SimpleExtensionText.register(PRINTERS);
        NameListText.register(PRINTERS);
        DistributionPointText.register(PRINTERS);
        NameConstraintsText.register(PRINTERS);
        PolicyText.register(PRINTERS);
        MiscExtensionText.register(PRINTERS);
        SctText.register(PRINTERS);
        Rfc3779Text.register(PRINTERS);
        OcspExtensionText.register(PRINTERS);
    }

    private ExtensionPrinter() {
    }

    /**
     * {@code X509V3_EXT_print(out, ext, 0, indent)}: the extension's value as text, or empty when OpenSSL
     * could not print it. There is no trailing newline, except where OpenSSL itself ends a value with one
     * (an {@code <EMPTY>} list, a relative distribution point name, an IDP's last line).
     */
    public static Optional<String> print(Extension extension, int indent) {
        if (OcspExtensionText.NONCE.equals(extension.getExtnId().getId())) {
            StringBuilder out = new StringBuilder();
            try {
                OcspExtensionText.nonce(out, extension.getExtnValue().getOctets(), indent);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.of(out.toString());
        }
        ValuePrinter printer = PRINTERS.get(extension.getExtnId().getId());
        if (printer == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(64);
        try {
            printer.print(out, firstObject(extension), indent);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /**
     * The first ASN.1 object of the extension's value. Like OpenSSL's {@code X509V3_EXT_d2i}, bytes after it
     * are ignored.
     */
    private static ASN1Primitive firstObject(Extension extension) throws java.io.IOException {
        byte[] value = extension.getExtnValue().getOctets();
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(value)) {
            ASN1Primitive first = in.readObject();
            if (first == null) {
                throw new java.io.IOException("empty extension value");
            }
            return first;
        }
    }

    /** True when OpenSSL 3.0 has a printer for this extension type (it may still fail on a malformed value). */
    public static boolean isKnown(Extension extension) {
        return PRINTERS.containsKey(extension.getExtnId().getId())
            || OcspExtensionText.NONCE.equals(extension.getExtnId().getId());
    }

    /**
     * pyOpenSSL's {@code str(X509Extension)}: {@link #print(Extension, int)} at indent 0, except that
     * subjectAltName is rendered by pyOpenSSL itself (DNS, email and URI entries with their raw bytes,
     * embedded NULs included; the other types as {@code GENERAL_NAME_print}, so {@code DirName:C = US, …}),
     * joined by {@code ", "}.
     *
     * @throws CryptoException when OpenSSL cannot print the extension (pyOpenSSL raises {@code Error}: an
     *     empty list for an unknown extension, ASN.1 decoding entries for a malformed subjectAltName)
     */
    public static String pyOpenSslString(Extension extension) {
        if (Extension.subjectAlternativeName.equals(extension.getExtnId())) {
            return subjectAltNameString(extension);
        }
        return print(extension, 0).orElseThrow(() -> new CryptoException(List.of()));
    }

    private static String subjectAltNameString(Extension extension) {
        GeneralName[] names;
        try {
            names = GeneralNames.getInstance(firstObject(extension)).getNames();
        } catch (java.io.IOException | RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("asn1 encoding routines", "", "nested asn1 error")), e);
        }
        StringBuilder out = new StringBuilder();
        for (GeneralName name : names) {
            if (out.length() > 0) {
                out.append(", ");
            }
            switch (name.getTagNo()) {
                case GeneralName.dNSName:
                    out.append("DNS:").append(new String(RawString.of(name.getName()).content(), StandardCharsets.UTF_8));
                    break;
                case GeneralName.rfc822Name:
                    out.append("email:").append(new String(RawString.of(name.getName()).content(), StandardCharsets.UTF_8));
                    break;
                case GeneralName.uniformResourceIdentifier:
                    out.append("URI:").append(new String(RawString.of(name.getName()).content(), StandardCharsets.UTF_8));
                    break;
                default:
                    out.append(GeneralNameText.print(name));
            }
        }
        return out.toString();
    }

    /**
     * {@code X509V3_extensions_print(out, title, exts, 0, indent)}: nothing when there are no extensions;
     * else {@code title:} at {@code indent}, then per extension its long name (or dotted OID) and
     * {@code ": critical"} or {@code ": "} at {@code indent + 4}, the value at {@code indent + 8}
     * (unprintable values as their raw bytes with non-printables as dots), and a newline.
     */
    public static void appendBlock(StringBuilder out, String title, List<Extension> extensions, int indent) {
        if (extensions == null || extensions.isEmpty()) {
            return;
        }
        Indent.spaces(out, indent).append(title).append(":\n");
        for (Extension extension : extensions) {
            appendEntry(out, extension, indent + 4);
        }
    }

    /** The extensions of {@code extensions} in encoded order (duplicates kept, unlike BC's {@code Extensions}). */
    public static List<Extension> listOf(Extensions extensions) {
        if (extensions == null) {
            return List.of();
        }
        List<Extension> out = new java.util.ArrayList<>();
        for (var e : org.bouncycastle.asn1.ASN1Sequence.getInstance(extensions.toASN1Primitive())) {
            out.add(Extension.getInstance(e));
        }
        return out;
    }

    /** One extension of {@link #appendBlock}: title line at {@code indent}, value at {@code indent + 4}, newline. */
    public static void appendEntry(StringBuilder out, Extension extension, int indent) {
        Indent.spaces(out, indent).append(ObjectNames.text(extension.getExtnId()))
            .append(extension.isCritical() ? ": critical\n" : ": \n");
        Optional<String> value = print(extension, indent + 4);
        if (value.isPresent()) {
            out.append(value.get());
        } else {
            Indent.spaces(out, indent + 4).append(RawString.dots(extension.getExtnValue().getOctets()));
        }
        out.append('\n');
    }
}
