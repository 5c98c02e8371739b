package dev.portcullis.crypto;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import dev.portcullis.crypto.internal.Bc;
import dev.portcullis.crypto.internal.Digests;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.x509.Asn1Time;
import dev.portcullis.crypto.internal.x509.CertificateModel;
import dev.portcullis.crypto.internal.x509.ExtensionModel;
import dev.portcullis.crypto.internal.x509.PublicKeys;
import dev.portcullis.crypto.internal.x509.Signing;

/**
 * An X.509 certificate (RFC 5280): pyOpenSSL's mutable {@code crypto.X509}.
 *
 * <p>A certificate binds a public key ({@link #getPubkey()}) to a subject name ({@link #getSubject()}) for a
 * validity period ({@link #getNotBefore()} to {@link #getNotAfter()}); the issuer ({@link #getIssuer()}) vouches
 * for that binding by signing it ({@link #sign}). Extensions ({@link #getExtension}) add the rest: the names a
 * server answers to, whether the key may sign other certificates, and so on.
 *
 * <p>Build one like pyOpenSSL code does: {@code new X509()}, set its fields, then {@link #sign}. Or load one with
 * {@link Crypto#loadCertificate}; a loaded certificate keeps its exact bytes, so dumping it again gives the input
 * back even when the input was not canonical DER. Any change re-encodes the signed part; until the next
 * {@link #sign} the old signature then no longer matches, exactly as in OpenSSL.
 *
 * <p>Where pyOpenSSL returns ASCII {@code bytes}, this class returns {@code String}: times
 * ({@code "20250101000000Z"}), fingerprints ({@code "AB:CD:…"}) and the signature algorithm name. Like pyOpenSSL's
 * class it has identity equality; compare {@code Crypto.dumpCertificate(FILETYPE_ASN1, …)} for content equality.
 * A certificate that no thread modifies any more may be read from several threads (loaded fields are decoded
 * eagerly, caches are published safely); modifying one while others read it is not safe.
 */
public final class X509 {
    private final CertificateModel model;

    /**
     * An empty certificate, as pyOpenSSL's {@code X509()}: version 0 (v1), serial 0, empty names, no validity,
     * key, extensions or signature.
     */
    public X509() {
        this(new CertificateModel());
    }

    X509(CertificateModel model) {
        this.model = model;
    }

    CertificateModel model() {
        return model;
    }

    /** An independent copy (beyond pyOpenSSL), e.g. to keep an unchanged original while editing. */
    public X509 copy() {
        return new X509(model.copy());
    }

    /** The zero-based version: 0 for v1, 2 for v3. */
    public int getVersion() {
        return model.version();
    }

    /**
     * Sets the zero-based version (2 means v3, which extensions require). Like pyOpenSSL 23 on OpenSSL 3.0,
     * any {@code int} is stored unchecked.
     */
    public void setVersion(int version) {
        model.setVersion(version);
    }

    /** The serial number, which must be unique per issuer (RFC 5280 §4.1.2.2). */
    public BigInteger getSerialNumber() {
        return model.serial();
    }

    /**
     * Sets the serial number; any size works.
     *
     * @throws CryptoException with no entries for a negative number, as pyOpenSSL
     * @throws IllegalArgumentException for {@code null}
     */
    public void setSerialNumber(BigInteger serial) {
        if (serial == null) {
            throw new IllegalArgumentException("serial must be an integer, not null");
        }
        if (serial.signum() < 0) {
            throw new CryptoException(List.of());
        }
        model.setSerial(serial);
    }

    /** {@link #setSerialNumber(BigInteger)} for a {@code long}. */
    public void setSerialNumber(long serial) {
        setSerialNumber(BigInteger.valueOf(serial));
    }

    /**
     * The start of the validity period as GeneralizedTime text ({@code YYYYMMDDhhmmssZ}), or {@code null} when
     * unset. A UTCTime is converted ({@code 090325123658Z} gives {@code 20090325123658Z}); a GeneralizedTime comes
     * back exactly as stored, offsets ({@code +0530}) and fractions included.
     */
    public String getNotBefore() {
        Asn1Time time = model.notBefore();
        return time == null ? null : time.generalizedText();
    }

    /** The end of the validity period, in the form {@link #getNotBefore()} describes, or {@code null}. */
    public String getNotAfter() {
        Asn1Time time = model.notAfter();
        return time == null ? null : time.generalizedText();
    }

    /**
     * Sets the start of the validity period from ASN.1 time text, stored verbatim: {@code "20040203040506Z"},
     * {@code "20040203040506+0530"}, UTCTime {@code "040203040506Z"}, fractions {@code "…06.5Z"}.
     *
     * @throws IllegalArgumentException "Invalid string" when it is not a valid UTCTime or GeneralizedTime
     */
    public void setNotBefore(String when) {
        model.setNotBefore(parseTime(when));
    }

    /** Sets the end of the validity period; see {@link #setNotBefore(String)}. */
    public void setNotAfter(String when) {
        model.setNotAfter(parseTime(when));
    }

    private static Asn1Time parseTime(String when) {
        Asn1Time time = when == null ? null : Asn1Time.fromText(when);
        if (time == null) {
            throw new IllegalArgumentException("Invalid string: " + when);
        }
        return time;
    }

    /**
     * Sets the start of the validity period to now plus {@code seconds} (negative for the past): a UTCTime for
     * 1950–2049, a GeneralizedTime otherwise, as OpenSSL's {@code X509_gmtime_adj}.
     *
     * @throws IllegalArgumentException when the result falls outside years 0–9999
     */
    public void gmtimeAdjNotBefore(long seconds) {
        model.setNotBefore(Asn1Time.nowPlus(seconds));
    }

    /** Sets the end of the validity period to now plus {@code seconds}; see {@link #gmtimeAdjNotBefore(long)}. */
    public void gmtimeAdjNotAfter(long seconds) {
        model.setNotAfter(Asn1Time.nowPlus(seconds));
    }

    /**
     * Whether the end of the validity period has passed.
     *
     * @throws IllegalArgumentException when notAfter is unset ("Unable to determine notAfter") or not in the
     *     {@code YYYYMMDDhhmmssZ} form pyOpenSSL parses
     */
    public boolean hasExpired() {
        String notAfter = getNotAfter();
        if (notAfter == null) {
            throw new IllegalArgumentException("Unable to determine notAfter");
        }
        if (!notAfter.matches("[0-9]{14}Z")) {
            throw new IllegalArgumentException("time data '" + notAfter + "' does not match format '%Y%m%d%H%M%SZ'");
        }
        Asn1Time time = Asn1Time.fromText(notAfter);
        if (time == null) {
            throw new IllegalArgumentException("time data '" + notAfter + "' is not a valid time");
        }
        return time.instant().isBefore(Instant.now());
    }

    /**
     * The subject: a live view, so {@code getSubject().set("CN", "x")} changes this certificate. The view dies
     * when {@link #setSubject} replaces the name.
     */
    public X509Name getSubject() {
        return new X509Name(model.subject());
    }

    /** Replaces the subject with a copy of {@code name}; views from earlier {@link #getSubject()} calls die. */
    public void setSubject(X509Name name) {
        model.setSubject(requireName(name).model());
    }

    /** The issuer: a live view, as {@link #getSubject()}. */
    public X509Name getIssuer() {
        return new X509Name(model.issuer());
    }

    /** Replaces the issuer with a copy of {@code name}; views from earlier {@link #getIssuer()} calls die. */
    public void setIssuer(X509Name name) {
        model.setIssuer(requireName(name).model());
    }

    private static X509Name requireName(X509Name name) {
        if (name == null) {
            throw new IllegalArgumentException("name must be an X509Name, not null");
        }
        return name;
    }

    /** {@code X509_subject_name_hash}: {@link X509Name#hash()} of the subject. */
    public long subjectNameHash() {
        return model.subject().hash();
    }

    /**
     * The certified public key, public half only.
     *
     * @throws CryptoException when the certificate has no key yet or its key cannot be decoded
     */
    public PKey getPubkey() {
        return PublicKeys.toPKey(model.publicKey());
    }

    /**
     * Sets the public key to certify (only the public half of {@code pkey} is used).
     *
     * @throws IllegalArgumentException for {@code null} ("pkey must be a PKey instance")
     * @throws CryptoException for an empty {@code PKey}
     */
    public void setPubkey(PKey pkey) {
        model.setPublicKey(PublicKeys.subjectPublicKeyInfo(pkey));
    }

    /**
     * Signs the certificate with {@code pkey} using the named digest ({@code "sha256"}, {@code "SHA384"},
     * {@code "sha3-256"}, {@code "md5"}: any name OpenSSL knows, case-insensitive). Ed25519 and Ed448 keys ignore
     * the digest, as OpenSSL does. Sets both signature-algorithm fields, then signs the encoded
     * to-be-signed part.
     *
     * @throws IllegalArgumentException for a {@code null}, empty ("Key is uninitialized") or public-only ("Key only
     *     has public part") key, or an unknown digest ("No such digest method")
     * @throws CryptoException when the certificate cannot be encoded (no public key or validity yet)
     */
    public void sign(PKey pkey, String digest) {
        Signing.sign(pkey, digest, model::sign);
    }

    /**
     * The OpenSSL long name of the signature algorithm inside the signed part, e.g. {@code sha256WithRSAEncryption},
     * {@code ecdsa-with-SHA384}, {@code ED25519}.
     *
     * @throws IllegalArgumentException "Undefined signature algorithm" when unsigned or the OID is unknown to OpenSSL
     */
    public String getSignatureAlgorithm() {
        return Signing.algorithmName(model.tbsAlgorithm());
    }

    /**
     * The fingerprint of the DER encoding under the named digest, as upper-case hex pairs joined by colons
     * ({@code "3E:0F:16:…"}; pyOpenSSL returns the same text as bytes).
     *
     * @throws IllegalArgumentException "No such digest method" for a digest name OpenSSL does not know
     * @throws CryptoException for a certificate that was never signed
     */
    public String digest(String digestName) {
        byte[] hash = Digests.byName(digestName).hash(model.encoding());
        StringBuilder text = new StringBuilder(hash.length * 3);
        for (byte b : hash) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
            text.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        return text.toString();
    }

    /** Number of extensions. */
    public int getExtensionCount() {
        return model.extensions().size();
    }

    /**
     * Extension number {@code index} (0-based).
     *
     * @throws IllegalArgumentException "extension index out of bounds" (pyOpenSSL's IndexError) for a bad index
     */
    public X509Extension getExtension(int index) {
        List<ExtensionModel> extensions = model.extensions();
        if (index < 0 || index >= extensions.size()) {
            throw new IllegalArgumentException("extension index out of bounds: " + index);
        }
        return new X509Extension(extensions.get(index));
    }

    /**
     * Appends extensions in order (pyOpenSSL's {@code add_extensions}; remember {@code setVersion(2)} for v3).
     *
     * @throws IllegalArgumentException "One of the elements is not an X509Extension" for a {@code null} element
     */
    public void addExtensions(List<X509Extension> extensions) {
        model.addExtensions(X509Extension.models(extensions));
    }

    /**
     * This certificate as a {@code java.security.cert.X509Certificate} (pyOpenSSL's {@code to_cryptography}).
     *
     * @throws CryptoException for a certificate that was never signed
     */
    public X509Certificate toJavaCertificate() {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(model.encoding()));
        } catch (GeneralSecurityException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "decode error", e);
        }
    }

    /**
     * A certificate for a {@code java.security.cert.X509Certificate} (pyOpenSSL's {@code from_cryptography}),
     * keeping its exact encoding.
     *
     * @throws IllegalArgumentException for {@code null} ("Must be a certificate")
     * @throws CryptoException when its encoding cannot be read
     */
    public static X509 fromJavaCertificate(X509Certificate certificate) {
        if (certificate == null) {
            throw new IllegalArgumentException("Must be a certificate");
        }
        try {
            return new X509(CertificateModel.read(certificate.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "encode error", e);
        }
    }

    /**
     * The certificate as {@code openssl x509 -text -noout} prints it, line for line (beyond pyOpenSSL, whose
     * {@code FILETYPE_TEXT} dump differs only in writing names the old way, {@code C=US, CN=x}, where the
     * command line writes {@code C = US, CN = x}).
     *
     * @throws CryptoException for a certificate that was never signed
     */
    public String toText() {
        return dev.portcullis.crypto.internal.x509.TextDumps.certificate(model.encoding(),
                dev.portcullis.crypto.internal.text.CertificateText.Flavor.OPENSSL_CLI);
    }

    /** A short description: the subject's one-line form and the serial number. */
    @Override
    public String toString() {
        return "<X509 subject=" + getSubject() + " serial=" + getSerialNumber() + ">";
    }
}
