package dev.portcullis.crypto.internal.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * A certificate (RFC 5280 §4.1) that can be read cheaply and edited: pyOpenSSL's mutable {@code X509}.
 *
 * <p>Loading walks the structure once with a header-only DER cursor, rejecting malformed input up front and
 * taking each field straight from the input's bytes: no ASN.1 object tree is built and nothing is re-encoded.
 * Until something changes, the encoding is the exact input, so load∘dump is the identity even for non-canonical
 * DER. After a change the to-be-signed part is re-encoded from the fields (names, validity and extensions that
 * were not touched keep their original bytes) and wrapped with the old signature until {@link #sign} replaces
 * it, as OpenSSL does.
 */
public final class CertificateModel {
    private SignedParts signed = new SignedParts();
    private final Runnable markModified = this::modified;

    private int version;
    private byte[] serial = {0};
    private byte[] tbsAlgorithm;
    private NameModel issuer;
    private byte[] encodedValidity;
    private Asn1Time notBefore;
    private Asn1Time notAfter;
    private NameModel subject;
    private byte[] publicKey;
    private byte[] uniqueIds = new byte[0];
    private List<ExtensionModel> extensions;

    /** A new, empty certificate: version 0 (v1), serial 0, no names, times, key, extensions or signature. */
    public CertificateModel() {
        this.issuer = owned(NameModel.empty());
        this.subject = owned(NameModel.empty());
        this.extensions = new ArrayList<>();
    }

    private CertificateModel(SignedParts signed) {
        this.signed = signed;
    }

    /**
     * Reads the DER certificate at the start of {@code der} (trailing bytes are ignored).
     *
     * @throws CryptoException ({@code asn1 encoding routines}, …) when it is not a well-formed certificate
     */
    public static CertificateModel read(byte[] der) {
        SignedEnvelope envelope = SignedEnvelope.read(der);
        CertificateModel model = new CertificateModel(SignedParts.of(envelope));
        model.index(envelope.encoding(), envelope.tbsStart() - envelope.start(), envelope.tbsEnd() - envelope.start());
        return model;
    }

    /** Walks TBSCertificate in {@code source[from, to)}, validating it and taking each field from it. */
    private void index(byte[] source, int from, int to) {
        DerReader tbs = new DerReader(source, from, to).expect(Der.SEQUENCE).children();
        if (tbs.nextIf(Der.explicit(0))) {
            DerReader explicit = tbs.children().expect(Der.INTEGER);
            version = smallInteger(explicit);
            explicit.expectEnd();
        }
        serial = tbs.expect(Der.INTEGER).content();
        if (serial.length == 0) {
            throw DerReader.error("illegal zero content");
        }
        tbs.expect(Der.SEQUENCE);
        SignedEnvelope.checkAlgorithm(tbs);
        tbsAlgorithm = tbs.element();
        issuer = owned(NameModel.parse(source, tbs.expect(Der.SEQUENCE).start(), tbs.end()));
        DerReader validity = tbs.expect(Der.SEQUENCE).children();
        encodedValidity = tbs.element();
        notBefore = readTime(validity);
        notAfter = readTime(validity);
        validity.expectEnd();
        subject = owned(NameModel.parse(source, tbs.expect(Der.SEQUENCE).start(), tbs.end()));
        DerReader key = tbs.expect(Der.SEQUENCE).children();
        publicKey = tbs.element();
        SignedEnvelope.checkAlgorithm(key.expect(Der.SEQUENCE));
        key.expect(Der.BIT_STRING);
        key.expectEnd();
        int idsStart = -1;
        int idsEnd = -1;
        while (tbs.peekTag() == 0x81 || tbs.peekTag() == 0xa1 || tbs.peekTag() == 0x82 || tbs.peekTag() == 0xa2) {
            tbs.next();
            idsStart = idsStart < 0 ? tbs.start() : idsStart;
            idsEnd = tbs.end();
        }
        uniqueIds = idsStart < 0 ? new byte[0] : Arrays.copyOfRange(source, idsStart, idsEnd);
        extensions = new ArrayList<>();
        if (tbs.nextIf(Der.explicit(3))) {
            DerReader list = tbs.children();
            extensions = ExtensionModel.readList(list);
            list.expectEnd();
        }
        tbs.expectEnd();
    }

    private static Asn1Time readTime(DerReader validity) {
        int tag = validity.peekTag();
        if (tag != Der.UTC_TIME && tag != Der.GENERALIZED_TIME) {
            throw DerReader.wrongTag();
        }
        validity.next();
        return new Asn1Time(tag, latin1(validity));
    }

    private static int smallInteger(DerReader integer) {
        byte[] content = integer.content();
        if (content.length == 0 || content.length > 4) {
            throw DerReader.error(content.length == 0 ? "illegal zero content" : "too large");
        }
        return new BigInteger(content).intValue();
    }

    private NameModel owned(NameModel name) {
        name.onChange(markModified);
        return name;
    }

    private void modified() {
        signed.invalidate();
    }

    /** The zero-based version (2 means v3). */
    public int version() {
        return version;
    }

    /** Sets the zero-based version. */
    public void setVersion(int newVersion) {
        version = newVersion;
        modified();
    }

    /** The serial number. */
    public BigInteger serial() {
        return new BigInteger(serial);
    }

    /** Sets the serial number (the caller rejects negative values). */
    public void setSerial(BigInteger newSerial) {
        serial = newSerial.toByteArray();
        modified();
    }

    /** The signature AlgorithmIdentifier inside the signed part, or {@code null} before signing. */
    public byte[] tbsAlgorithm() {
        return tbsAlgorithm;
    }

    /** The issuer name, shared with the caller's views. */
    public NameModel issuer() {
        return issuer;
    }

    /** The subject name, shared with the caller's views. */
    public NameModel subject() {
        return subject;
    }

    /** Replaces the issuer with a copy of {@code name}; earlier views of the old issuer die. */
    public void setIssuer(NameModel name) {
        NameModel copy = owned(name.copy());
        issuer.invalidate();
        issuer = copy;
        modified();
    }

    /** Replaces the subject with a copy of {@code name}; earlier views of the old subject die. */
    public void setSubject(NameModel name) {
        NameModel copy = owned(name.copy());
        subject.invalidate();
        subject = copy;
        modified();
    }

    private static String latin1(DerReader element) {
        return new String(element.buffer(), element.contentStart(), element.contentLength(),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The start of the validity period, or {@code null} when unset. */
    public Asn1Time notBefore() {
        return notBefore;
    }

    /** The end of the validity period, or {@code null} when unset. */
    public Asn1Time notAfter() {
        return notAfter;
    }

    /** Sets the start of the validity period. */
    public void setNotBefore(Asn1Time time) {
        notBefore = time;
        encodedValidity = null;
        modified();
    }

    /** Sets the end of the validity period. */
    public void setNotAfter(Asn1Time time) {
        notAfter = time;
        encodedValidity = null;
        modified();
    }

    /** The SubjectPublicKeyInfo element, or {@code null} when unset. */
    public byte[] publicKey() {
        return publicKey;
    }

    /** Sets the SubjectPublicKeyInfo element. */
    public void setPublicKey(byte[] spki) {
        publicKey = spki;
        modified();
    }

    /** The extensions in order (read-only). */
    public List<ExtensionModel> extensions() {
        return java.util.Collections.unmodifiableList(extensions);
    }

    /** Appends extensions (OpenSSL's {@code X509_add_ext} at the end). */
    public void addExtensions(List<ExtensionModel> added) {
        extensions.addAll(added);
        modified();
    }

    /** The outer signature AlgorithmIdentifier element, or {@code null} before signing. */
    public byte[] signatureAlgorithm() {
        return signed.algorithm();
    }

    /**
     * Signs: sets both signature algorithm fields to {@code algorithm}, encodes the to-be-signed part, and
     * stores the signature {@code signer} computes over it.
     */
    public void sign(byte[] algorithm, java.util.function.Function<byte[], byte[]> signer) {
        tbsAlgorithm = algorithm;
        signed.sign(algorithm, encodeTbs(), signer);
    }

    /**
     * The DER encoding: the input bytes while unchanged, otherwise a fresh encoding with the current
     * signature (which no longer matches until the next {@link #sign}). Shared: do not modify.
     *
     * @throws CryptoException ({@code asn1 encoding routines}, {@code illegal zero content}) before the first
     *     signature, as OpenSSL cannot encode an unsigned certificate either
     */
    public byte[] encoding() {
        return signed.encoding(this::encodeTbs);
    }

    /**
     * An encoding good enough to read names, key and extensions from while the certificate is still being built
     * (the subject and issuer arguments of {@code X509Extension}): the real encoding when there is one; otherwise
     * unset algorithm and validity fields are filled with placeholders and the signature is empty. {@code null}
     * when there is no public key yet.
     */
    public byte[] provisionalEncoding() {
        if (signed.cached() != null) {
            return signed.cached();
        }
        if (publicKey() == null) {
            return null;
        }
        byte[] placeholderAlgorithm = Der.tlv(Der.SEQUENCE, Der.oid(new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                "1.2.840.113549.1.1.11")), new byte[] {Der.NULL, 0});
        Asn1Time placeholderTime = Asn1Time.of(java.time.Instant.EPOCH);
        byte[] savedAlgorithm = tbsAlgorithm();
        Asn1Time savedNotBefore = notBefore();
        Asn1Time savedNotAfter = notAfter();
        try {
            tbsAlgorithm = savedAlgorithm == null ? placeholderAlgorithm : savedAlgorithm;
            notBefore = savedNotBefore == null ? placeholderTime : savedNotBefore;
            notAfter = savedNotAfter == null ? placeholderTime : savedNotAfter;
            return Der.tlv(Der.SEQUENCE, encodeTbs(), placeholderAlgorithm, new byte[] {Der.BIT_STRING, 1, 0});
        } finally {
            tbsAlgorithm = savedAlgorithm;
            notBefore = savedNotBefore;
            notAfter = savedNotAfter;
        }
    }

    /** The TBSCertificate element. */
    public byte[] encodeTbs() {
        List<byte[]> parts = new ArrayList<>();
        if (version != 0) {
            parts.add(Der.tlv(Der.explicit(0), Der.integer(BigInteger.valueOf(version))));
        }
        parts.add(Der.tlv(Der.INTEGER, serial));
        parts.add(required(tbsAlgorithm()));
        parts.add(issuer.encoding());
        parts.add(validity());
        parts.add(subject.encoding());
        parts.add(required(publicKey()));
        parts.add(uniqueIds);
        if (!extensions.isEmpty()) {
            parts.add(Der.tlv(Der.explicit(3), ExtensionModel.encodeList(extensions)));
        }
        return Der.sequence(parts);
    }

    private byte[] validity() {
        if (encodedValidity != null) {
            return encodedValidity;
        }
        if (notBefore == null || notAfter == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        return Der.tlv(Der.SEQUENCE, notBefore.encode(), notAfter.encode());
    }

    private static byte[] required(byte[] part) {
        if (part == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        return part;
    }

    /** An independent copy, in whatever state this one is (signed or not). */
    public CertificateModel copy() {
        byte[] encoding = signed.cached();
        if (encoding != null) {
            return read(encoding);
        }
        CertificateModel copy = new CertificateModel();
        copy.version = version;
        copy.serial = serial;
        copy.tbsAlgorithm = tbsAlgorithm();
        copy.issuer = copy.owned(issuer.copy());
        copy.subject = copy.owned(subject.copy());
        copy.notBefore = notBefore();
        copy.notAfter = notAfter();
        copy.publicKey = publicKey();
        copy.uniqueIds = uniqueIds;
        copy.extensions = new ArrayList<>(extensions);
        copy.signed = signed.unencodedCopy();
        return copy;
    }
}
