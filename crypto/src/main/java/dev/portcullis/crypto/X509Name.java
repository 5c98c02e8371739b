package dev.portcullis.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import dev.portcullis.crypto.internal.ObjectNames;
import dev.portcullis.crypto.internal.x509.AttributeStrings;
import dev.portcullis.crypto.internal.x509.NameModel;

/**
 * An X.500 distinguished name (RFC 5280 §4.1.2.4), such as a certificate's subject
 * {@code C=US, O=Example, CN=www.example.com}: pyOpenSSL's {@code crypto.X509Name}.
 *
 * <p>A name is an ordered list of attributes. pyOpenSSL reads and writes them as Python attributes
 * ({@code name.CN}, {@code name.commonName = "x"}); here that is {@link #get(String)} and {@link #set(String, String)},
 * which accept every name OpenSSL knows: short names ({@code CN}, {@code O}, {@code DC}, {@code UID}), long names
 * ({@code commonName}, {@code domainComponent}) and dotted OIDs of known attributes ({@code "2.5.4.3"}). The seven
 * documented fields also have typed accessors such as {@link #getCommonName()}.
 *
 * <p>Semantics follow pyOpenSSL and OpenSSL exactly:
 * <ul>
 *   <li>{@code set} removes the first entry of that type and appends the new one at the end, so setting a field
 *       again moves it last; if OpenSSL refuses the value, the old entry stays removed;</li>
 *   <li>each attribute gets OpenSSL's string type: {@code C}, {@code serialNumber} and {@code dnQualifier} are
 *       PrintableString, {@code emailAddress} and {@code DC} IA5String, the rest UTF8String; with OpenSSL's length
 *       limits ({@code C} exactly 2 characters, {@code CN}/{@code O}/{@code OU} at most 64, …), violations raising
 *       {@link CryptoException} {@code ('asn1 encoding routines', '', 'string too long')} and similar;</li>
 *   <li>embedded NUL characters are stored and returned intact;</li>
 *   <li>{@link #hash()} is OpenSSL's {@code X509_NAME_hash} and {@link #compareTo} / {@link #equals} are
 *       {@code X509_NAME_cmp}, both over the canonical form (case- and white-space-insensitive).</li>
 * </ul>
 *
 * <p><b>Views.</b> Like pyOpenSSL, {@link X509#getSubject()}, {@link X509#getIssuer()} and
 * {@link X509Req#getSubject()} return live views: {@code set} on a view changes the certificate or request.
 * After {@code setSubject}/{@code setIssuer} replaced the owner's name, earlier views are dead and every method
 * on them throws {@link IllegalStateException} (pyOpenSSL raises {@code AttributeError} there). Use
 * {@link #X509Name(X509Name)} for an independent copy.
 */
public final class X509Name implements Comparable<X509Name> {
    /** One attribute as {@link #getComponents()} reports it: OpenSSL's short name and the raw string bytes. */
    public record Component(byte[] name, byte[] value) {
        /** Compares by content. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Component c && Arrays.equals(name, c.name) && Arrays.equals(value, c.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(name) * 31 + Arrays.hashCode(value);
        }

        /** {@code (CN, foo)}: both parts decoded as ISO-8859-1, byte for character. */
        @Override
        public String toString() {
            return "(" + new String(name, StandardCharsets.ISO_8859_1) + ", "
                    + new String(value, StandardCharsets.ISO_8859_1) + ")";
        }
    }

    private final NameModel model;

    X509Name(NameModel model) {
        this.model = model;
    }

    /** An independent copy of {@code name} (OpenSSL's {@code X509_NAME_dup}). */
    public X509Name(X509Name name) {
        if (name == null) {
            throw new IllegalArgumentException("name must be an X509Name, not null");
        }
        this.model = name.model().copy();
    }

    /** An empty name, beyond pyOpenSSL (which only offers {@code X509().get_subject()} for that). */
    public static X509Name empty() {
        return new X509Name(NameModel.empty());
    }

    /**
     * The name a DER {@code Name} (RFC 5280 §4.1.2.4) encodes, beyond pyOpenSSL: e.g. the acceptable-issuer names of
     * a TLS CertificateRequest.
     *
     * @throws IllegalArgumentException when {@code der} is {@code null} or not one DER Name
     */
    public static X509Name fromDer(byte[] der) {
        if (der == null) {
            throw new IllegalArgumentException("der must be a byte array, not null");
        }
        try {
            return new X509Name(NameModel.parse(der.clone(), 0, der.length));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("der is not a DER-encoded Name: " + e.getMessage(), e);
        }
    }

    NameModel model() {
        if (model.isInvalidated()) {
            throw new IllegalStateException(
                    "this X509Name view was invalidated when its certificate's name was replaced; get it again");
        }
        return model;
    }

    /**
     * The value of the first attribute of type {@code attribute}, or {@code null} when there is none.
     *
     * @param attribute a short name ({@code "CN"}), long name ({@code "commonName"}) or dotted OID known to OpenSSL
     * @throws IllegalArgumentException "No such attribute" when OpenSSL does not know {@code attribute}
     * @throws CryptoException when the stored bytes are not a valid string of their ASN.1 type
     */
    public String get(String attribute) {
        NameModel.Entry entry = model().first(resolve(attribute));
        return entry == null ? null : AttributeStrings.decode(entry.tag(), entry.value());
    }

    /**
     * Sets attribute {@code attribute} to {@code value}: removes the first entry of that type, then appends the
     * new value at the end (pyOpenSSL's {@code name.CN = value}).
     *
     * @throws IllegalArgumentException "No such attribute" for an unknown attribute, or a {@code null} value
     * @throws CryptoException when OpenSSL's string table refuses the value (too short, too long, illegal
     *     characters); the old entry has then been removed already, as in pyOpenSSL
     */
    public void set(String attribute, String value) {
        ASN1ObjectIdentifier oid = resolve(attribute);
        if (value == null) {
            throw new IllegalArgumentException("value of " + attribute + " must be a string, not null");
        }
        model().set(oid, value);
    }

    /**
     * Removes the first attribute of type {@code attribute}; returns whether there was one. Beyond pyOpenSSL,
     * where {@code del name.CN} is an error.
     */
    public boolean delete(String attribute) {
        return model().deleteFirst(resolve(attribute));
    }

    private static ASN1ObjectIdentifier resolve(String attribute) {
        if (attribute == null) {
            throw new IllegalArgumentException("attribute name must be a string, not null");
        }
        ASN1ObjectIdentifier oid = ObjectNames.parse(attribute).orElse(null);
        if (oid == null || ObjectNames.lookup(oid).isEmpty()) {
            throw new IllegalArgumentException("No such attribute: " + attribute);
        }
        return oid;
    }

    /** The DER encoding of the name; an empty name is {@code 30 00}. */
    public byte[] der() {
        return model().encoding().clone();
    }

    /**
     * OpenSSL's {@code X509_NAME_hash}: the first four bytes of SHA-1 over the canonical encoding, little-endian,
     * as an unsigned 32-bit value (the {@code 9d66eef0} in a hashed certificate directory's {@code 9d66eef0.0}).
     */
    public long hash() {
        return model().hash();
    }

    /** The attributes in order, as (short name, raw value bytes) pairs; an unknown type is named {@code UNDEF}. */
    public List<Component> getComponents() {
        List<Component> components = new ArrayList<>();
        for (NameModel.Entry entry : model().entries()) {
            String name = ObjectNames.shortName(entry.oid()).orElse("UNDEF");
            components.add(new Component(name.getBytes(StandardCharsets.US_ASCII), entry.value().clone()));
        }
        return components;
    }

    /** {@code X509_NAME_cmp}: shorter canonical encodings sort first, then by canonical bytes. */
    @Override
    public int compareTo(X509Name other) {
        return model().compareTo(other.model());
    }

    /**
     * Equal when {@code X509_NAME_cmp} says so (case and white space in text values are ignored). A dead view
     * (see the class description) equals only itself.
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof X509Name other && !model.isInvalidated() && !other.model.isInvalidated()
                && model.compareTo(other.model) == 0;
    }

    /** Consistent with {@link #equals}: derived from {@link #hash()}; 0 for a dead view. */
    @Override
    public int hashCode() {
        return model.isInvalidated() ? 0 : Long.hashCode(model.hash());
    }

    /**
     * pyOpenSSL's repr: {@code <X509Name object '/C=US/CN=foo'>}, the name in OpenSSL's {@code X509_NAME_oneline}
     * form (non-ASCII bytes as {@code \xC3\xA9}, at most 511 characters of entries as pyOpenSSL's buffer allows).
     */
    @Override
    public String toString() {
        return "<X509Name object '"
                + dev.portcullis.crypto.internal.text.NameText.oneline(
                        org.bouncycastle.asn1.x500.X500Name.getInstance(model().encoding()), 512)
                + "'>";
    }

    /** {@code countryName} ({@code C}), or {@code null}. */
    public String getCountryName() {
        return get("C");
    }

    /** Sets {@code countryName} ({@code C}): a PrintableString of exactly two characters. */
    public void setCountryName(String value) {
        set("C", value);
    }

    /** {@code stateOrProvinceName} ({@code ST}), or {@code null}. */
    public String getStateOrProvinceName() {
        return get("ST");
    }

    /** Sets {@code stateOrProvinceName} ({@code ST}), at most 128 characters. */
    public void setStateOrProvinceName(String value) {
        set("ST", value);
    }

    /** {@code localityName} ({@code L}), or {@code null}. */
    public String getLocalityName() {
        return get("L");
    }

    /** Sets {@code localityName} ({@code L}), at most 128 characters. */
    public void setLocalityName(String value) {
        set("L", value);
    }

    /** {@code organizationName} ({@code O}), or {@code null}. */
    public String getOrganizationName() {
        return get("O");
    }

    /** Sets {@code organizationName} ({@code O}), at most 64 characters. */
    public void setOrganizationName(String value) {
        set("O", value);
    }

    /** {@code organizationalUnitName} ({@code OU}), or {@code null}. */
    public String getOrganizationalUnitName() {
        return get("OU");
    }

    /** Sets {@code organizationalUnitName} ({@code OU}), at most 64 characters. */
    public void setOrganizationalUnitName(String value) {
        set("OU", value);
    }

    /** {@code commonName} ({@code CN}), or {@code null}. */
    public String getCommonName() {
        return get("CN");
    }

    /** Sets {@code commonName} ({@code CN}), 1 to 64 characters. */
    public void setCommonName(String value) {
        set("CN", value);
    }

    /** {@code emailAddress} (PKCS #9), or {@code null}. */
    public String getEmailAddress() {
        return get("emailAddress");
    }

    /** Sets {@code emailAddress}: an IA5String (ASCII) of at most 128 characters. */
    public void setEmailAddress(String value) {
        set("emailAddress", value);
    }
}
