package dev.portcullis.crypto.internal.text;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.ObjectNames;

/**
 * Builds an extension from OpenSSL's v3 configuration syntax, as pyOpenSSL's
 * {@code X509Extension(type_name, critical, value, subject, issuer)} does through {@code X509V3_EXT_nconf}
 * without a configuration database.
 *
 * <ul>
 *   <li>{@code name} is an OpenSSL short name ({@code basicConstraints}, {@code subjectAltName}, …); for a
 *       generic value ({@code DER:hex} or {@code ASN1:TYPE:value}) it may be any object name or dotted OID.</li>
 *   <li>A value starting with {@code critical,} marks the extension critical (pyOpenSSL prepends it when
 *       {@code critical} is true).</li>
 *   <li>Sections ({@code @section}, {@code dirName:sect}, certificatePolicies, proxyCertInfo) need the
 *       configuration database pyOpenSSL never passes, and fail as they do there.</li>
 *   <li>Errors are {@link CryptoException}s with OpenSSL's entries, ending with
 *       {@code ('X509 V3 routines', '', 'error in extension')}: e.g. {@code unknown extension name},
 *       {@code invalid name}, {@code bad ip address}, {@code no subject details}, {@code no issuer certificate}.</li>
 * </ul>
 */
public final class ExtensionParser {
    private static final Map<String, SimpleExtensionParser.ValueParser> PARSERS = new HashMap<>();
    /** Known to OpenSSL but only printable ("extension setting not supported"). */
    private static final Set<String> PRINT_ONLY = Set.of("2.5.29.20", "2.5.29.27", "2.5.29.21", "2.5.29.24", "2.5.29.29",
        "2.5.29.16", "2.5.29.23", "1.3.6.1.5.5.7.48.1.2", "1.3.6.1.5.5.7.48.1.3", "1.3.6.1.5.5.7.48.1.6",
        "1.3.6.1.5.5.7.48.1.7", "1.3.6.1.4.1.11129.2.4.2", "1.3.6.1.4.1.11129.2.4.5");
    /** OpenSSL can build these from text, Portcullis cannot (yet): RFC 3779 resources, SXNet, the issuer's signing tool. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("1.3.6.1.5.5.7.1.7", "1.3.6.1.5.5.7.1.8", "1.3.101.1.4.1",
        "1.2.643.100.112");
    /** Configured only from a section ("no config database" without one). */
    private static final Set<String> NEEDS_DATABASE = Set.of("2.5.29.32", "1.3.6.1.5.5.7.1.14");

    static {
        SimpleExtensionParser.register(PARSERS);
        NameListParser.register(PARSERS);
    }

    private ExtensionParser() {
    }

    /**
     * The extension {@code name = value} would give in an OpenSSL configuration file.
     *
     * @param subject the certificate being made (for {@code subjectKeyIdentifier=hash}, {@code email:copy}), or null
     * @param issuer the issuing certificate (for {@code authorityKeyIdentifier}, {@code issuer:copy}), or null
     * @throws CryptoException as OpenSSL reports the failure
     */
    public static Extension parse(String name, boolean critical, String value, Certificate subject, Certificate issuer) {
        if (name == null || value == null) {
            throw new IllegalArgumentException("extension name and value must not be null");
        }
        String text = critical ? "critical," + value : value;
        boolean isCritical = false;
        if (text.startsWith("critical,")) {
            isCritical = true;
            text = skipSpaces(text.substring(9));
        }
        try {
            if (text.startsWith("DER:") || text.startsWith("ASN1:")) {
                return generic(name, isCritical, text);
            }
            ASN1ObjectIdentifier oid = ObjectNames.lookupShort(name)
                .orElseThrow(() -> V3Error.of("unknown extension name"));
            SimpleExtensionParser.ValueParser parser = PARSERS.get(oid.getId());
            if (NOT_IMPLEMENTED.contains(oid.getId())) {
                throw new CryptoException("building " + name + " from configuration text is not supported by Portcullis;"
                    + " use the DER: form");
            }
            if (parser == null) {
                throw unsupported(oid);
            }
            if (text.startsWith("@")) {
                throw V3Error.of("invalid extension string");
            }
            ASN1Encodable parsed = parser.parse(text, new SimpleExtensionParser.Context(subject, issuer));
            return new Extension(oid, isCritical, parsed.toASN1Primitive().getEncoded(ASN1Encoding.DER));
        } catch (V3Error e) {
            throw e.toCryptoException("error in extension");
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException) {
                throw (CryptoException) e;
            }
            throw new CryptoException(java.util.List.of(new CryptoException.Entry(V3Error.X509V3, "", "error in extension")), e);
        }
    }

    private static V3Error unsupported(ASN1ObjectIdentifier oid) {
        if (PRINT_ONLY.contains(oid.getId())) {
            return V3Error.of("extension setting not supported");
        }
        if (NEEDS_DATABASE.contains(oid.getId())) {
            return V3Error.of("no config database");
        }
        // A name OpenSSL knows as an object but not as an extension.
        return V3Error.of("unknown extension");
    }

    /** {@code v3_generic_extension}: {@code DER:} hex bytes or an {@code ASN1:} value under any OID. */
    private static Extension generic(String name, boolean critical, String text) throws IOException {
        ASN1ObjectIdentifier oid = ObjectNames.parse(name).orElseThrow(() -> V3Error.of("extension name error"));
        byte[] der;
        try {
            if (text.startsWith("DER:")) {
                der = SimpleExtensionParser.hex(skipSpaces(text.substring(4)), e -> e);
            } else {
                der = Asn1Generator.generate(skipSpaces(text.substring(5))).toASN1Primitive().getEncoded(ASN1Encoding.DER);
            }
        } catch (V3Error e) {
            // OpenSSL reports a bad generic value without the final "error in extension".
            throw e.toCryptoException("extension value error");
        }
        return new Extension(oid, critical, der);
    }

    private static String skipSpaces(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
