package dev.portcullis.crypto;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.crypto.internal.ObjectNames;
import dev.portcullis.crypto.internal.x509.ExtensionModel;

/**
 * One X.509v3 extension (RFC 5280 §4.2): a typed, optionally critical value attached to a certificate or a
 * certificate request, such as {@code subjectAltName} (the DNS names and addresses a server answers to),
 * {@code basicConstraints} (whether the key may sign certificates) or {@code keyUsage}. pyOpenSSL's
 * {@code crypto.X509Extension}; immutable.
 *
 * <p>A verifier that does not understand a <em>critical</em> extension must reject the certificate; a
 * non-critical one it may ignore.
 */
public final class X509Extension {
    private final ExtensionModel model;

    X509Extension(ExtensionModel model) {
        this.model = model;
    }

    ExtensionModel model() {
        return model;
    }

    static List<ExtensionModel> models(List<X509Extension> extensions) {
        if (extensions == null) {
            throw new IllegalArgumentException("extensions must be a list, not null");
        }
        List<ExtensionModel> models = new ArrayList<>(extensions.size());
        for (X509Extension extension : extensions) {
            if (extension == null) {
                throw new IllegalArgumentException("One of the elements is not an X509Extension");
            }
            models.add(extension.model);
        }
        return models;
    }

    /** Whether the extension is critical (pyOpenSSL returns the int 1 or 0). */
    public boolean getCritical() {
        return model.critical();
    }

    /**
     * OpenSSL's short name of the extension type ({@code basicConstraints}, {@code subjectAltName},
     * {@code keyUsage}), or {@code UNDEF} for a type OpenSSL does not know (pyOpenSSL returns ASCII bytes; this is
     * the same text as a {@code String}).
     */
    public String getShortName() {
        return ObjectNames.shortName(model.oid()).orElse("UNDEF");
    }

    /**
     * The DER of the extension's value, i.e. the contents of its {@code extnValue} OCTET STRING: for
     * {@code basicConstraints CA:TRUE} that is {@code 30 03 01 01 ff}.
     */
    public byte[] getData() {
        return model.value().clone();
    }

    /**
     * The extension's value as OpenSSL prints it ({@code X509V3_EXT_print}), as pyOpenSSL's {@code str()}:
     * {@code CA:TRUE, pathlen:0}, {@code Digital Signature, Key Encipherment},
     * {@code DNS:example.com, IP Address:192.0.2.1}.
     *
     * @throws CryptoException when OpenSSL has no printer for the type or cannot decode the value
     */
    @Override
    public String toString() {
        return dev.portcullis.crypto.internal.text.ExtensionPrinter.pyOpenSslString(
                org.bouncycastle.asn1.x509.Extension.getInstance(model.encoding()));
    }
}
