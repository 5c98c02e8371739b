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
 *
 * <p>pyOpenSSL takes the type name and value as ASCII {@code bytes} and returns the short name as {@code bytes} and
 * the critical flag as an int; here they are {@code String}s and a {@code boolean}. Extensions read from a
 * certificate or request keep their exact encoding.
 */
public final class X509Extension {
    private final ExtensionModel model;

    X509Extension(ExtensionModel model) {
        this.model = model;
    }

    /**
     * An extension from OpenSSL's configuration syntax (pyOpenSSL's {@code X509Extension(type_name, critical, value)}),
     * for extensions that need no other certificate: {@code new X509Extension("basicConstraints", true, "CA:TRUE,
     * pathlen:0")}, {@code ("subjectAltName", false, "DNS:example.com, IP:192.0.2.1, email:a@example.com")},
     * {@code ("keyUsage", true, "digitalSignature, keyEncipherment")}, {@code ("extendedKeyUsage", false,
     * "serverAuth")}, {@code ("nsComment", false, "text")}.
     *
     * @throws CryptoException with OpenSSL's entries for an unknown name ({@code unknown extension name}) or a value
     *     OpenSSL would not accept
     * @throws IllegalArgumentException for a {@code null} name or value
     */
    public X509Extension(String typeName, boolean critical, String value) {
        this(typeName, critical, value, null, null);
    }

    /**
     * An extension from OpenSSL's configuration syntax with the certificates some values refer to:
     * {@code subject} for {@code subjectKeyIdentifier "hash"} and {@code email:copy}, {@code issuer} for
     * {@code authorityKeyIdentifier "keyid:always,issuer"} and {@code issuer:copy}. Either may be {@code null}
     * when the value does not need it (pyOpenSSL's {@code X509Extension(type_name, critical, value, subject, issuer)}).
     * When {@code critical} is true, {@code "critical,"} is put before the value, as pyOpenSSL does.
     * Sections ({@code @sect}, {@code dirName:sect}, {@code certificatePolicies}) need OpenSSL's configuration
     * database, which pyOpenSSL never passes, and fail as there.
     *
     * @throws CryptoException as OpenSSL reports the failure, e.g. {@code no subject details} when
     *     {@code subjectKeyIdentifier "hash"} has no subject with a public key, or {@code no issuer certificate}
     */
    public X509Extension(String typeName, boolean critical, String value, X509 subject, X509 issuer) {
        org.bouncycastle.asn1.x509.Extension parsed = dev.portcullis.crypto.internal.text.ExtensionParser.parse(
                typeName, critical, value, context(subject), context(issuer));
        this.model = ExtensionModel.of(parsed.getExtnId(), parsed.isCritical(), parsed.getExtnValue().getOctets());
    }

    private static org.bouncycastle.asn1.x509.Certificate context(X509 certificate) {
        byte[] encoding = certificate == null ? null : certificate.model().provisionalEncoding();
        return encoding == null ? null : dev.portcullis.crypto.internal.x509.BcCertificates.read(encoding);
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
        return dev.portcullis.crypto.internal.text.ExtensionPrinter.pyOpenSslString(new org.bouncycastle.asn1.x509.Extension(
                model.oid(), model.critical(), new org.bouncycastle.asn1.DEROctetString(model.value())));
    }
}
