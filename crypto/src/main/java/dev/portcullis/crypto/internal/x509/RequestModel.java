package dev.portcullis.crypto.internal.x509;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.Der;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * A PKCS #10 certificate signing request (RFC 2986): {@code CertificationRequestInfo ::= SEQUENCE { version,
 * subject Name, subjectPKInfo, attributes [0] IMPLICIT SET OF Attribute }}, signed by the requester's own key.
 *
 * <p>Like {@link CertificateModel}, a loaded request keeps its exact bytes until it is changed. Requested
 * extensions live in the {@code extensionRequest} attribute (PKCS #9, RFC 2985 §5.4.2), or in Microsoft's older
 * {@code msExtReq}.
 */
public final class RequestModel {
    private static final ASN1ObjectIdentifier EXTENSION_REQUEST = new ASN1ObjectIdentifier("1.2.840.113549.1.9.14");
    private static final ASN1ObjectIdentifier MS_EXTENSION_REQUEST = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.14");

    /** One attribute: its type and its whole encoding. */
    private record Attribute(ASN1ObjectIdentifier oid, byte[] encoding) {
    }

    private SignedParts signed = new SignedParts();
    private final Runnable markModified = () -> signed.invalidate();
    private int version;
    private NameModel subject;
    private byte[] publicKey;
    private final List<Attribute> attributes = new ArrayList<>();

    /** A new, empty request: version 0, empty subject, no key, attributes or signature. */
    public RequestModel() {
        subject = owned(NameModel.empty());
    }

    /**
     * Reads the DER request at the start of {@code der} (trailing bytes are ignored).
     *
     * @throws CryptoException ({@code asn1 encoding routines}, …) when it is not a well-formed request
     */
    public static RequestModel read(byte[] der) {
        SignedEnvelope envelope = SignedEnvelope.read(der);
        RequestModel model = new RequestModel();
        byte[] source = envelope.der();
        DerReader info = new DerReader(source, envelope.tbsStart(), envelope.tbsEnd()).expect(Der.SEQUENCE).children();
        byte[] version = info.expect(Der.INTEGER).content();
        if (version.length == 0 || version.length > 4) {
            throw DerReader.error(version.length == 0 ? "illegal zero content" : "too large");
        }
        model.version = new BigInteger(version).intValue();
        model.subject = model.owned(NameModel.parse(source, info.expect(Der.SEQUENCE).start(), info.end()));
        DerReader key = info.expect(Der.SEQUENCE).children();
        model.publicKey = info.element();
        SignedEnvelope.checkAlgorithm(key.expect(Der.SEQUENCE));
        key.expect(Der.BIT_STRING);
        key.expectEnd();
        if (info.nextIf(0xa0)) {
            DerReader list = info.children();
            while (list.hasNext()) {
                DerReader attribute = list.expect(Der.SEQUENCE).children();
                byte[] element = list.element();
                ASN1ObjectIdentifier oid = attribute.expect(Der.OID).oid();
                attribute.expect(Der.SET);
                attribute.expectEnd();
                model.attributes.add(new Attribute(oid, element));
            }
        } else {
            throw DerReader.error("field missing");
        }
        info.expectEnd();
        model.signed = SignedParts.of(envelope);
        return model;
    }

    private NameModel owned(NameModel name) {
        name.onChange(markModified);
        return name;
    }

    /** The version (only 0 is defined). */
    public int version() {
        return version;
    }

    /** Sets the version. */
    public void setVersion(int newVersion) {
        version = newVersion;
        signed.invalidate();
    }

    /** The subject, shared with the caller's views. */
    public NameModel subject() {
        return subject;
    }

    /** The SubjectPublicKeyInfo element, or {@code null}. */
    public byte[] publicKey() {
        return publicKey;
    }

    /** Sets the SubjectPublicKeyInfo element. */
    public void setPublicKey(byte[] spki) {
        publicKey = spki;
        signed.invalidate();
    }

    /** The requested extensions: those of the first extension-request attribute, or none. */
    public List<ExtensionModel> extensions() {
        for (Attribute attribute : attributes) {
            if (attribute.oid.equals(EXTENSION_REQUEST) || attribute.oid.equals(MS_EXTENSION_REQUEST)) {
                DerReader fields = new DerReader(attribute.encoding).expect(Der.SEQUENCE).children();
                fields.expect(Der.OID);
                DerReader values = fields.expect(Der.SET).children();
                return values.hasNext() ? ExtensionModel.readList(values) : List.of();
            }
        }
        return List.of();
    }

    /**
     * Adds an extension-request attribute holding {@code extensions}.
     *
     * @throws CryptoException ({@code x509 certificate routines}, {@code duplicate attribute}) when the request
     *     already has one, as OpenSSL 3
     */
    public void addExtensions(List<ExtensionModel> extensions) {
        for (Attribute attribute : attributes) {
            if (attribute.oid.equals(EXTENSION_REQUEST)) {
                throw new CryptoException("x509 certificate routines", "duplicate attribute");
            }
        }
        byte[] value = Der.setOf(List.of(ExtensionModel.encodeList(extensions)));
        attributes.add(new Attribute(EXTENSION_REQUEST,
                Der.tlv(Der.SEQUENCE, Der.oid(EXTENSION_REQUEST), value)));
        signed.invalidate();
    }

    /** The CertificationRequestInfo element. */
    public byte[] encodeInfo() {
        if (publicKey == null) {
            throw new CryptoException(DerReader.ASN1_LIB, "illegal zero content");
        }
        List<byte[]> encoded = new ArrayList<>();
        for (Attribute attribute : attributes) {
            encoded.add(attribute.encoding);
        }
        return Der.tlv(Der.SEQUENCE, Der.integer(BigInteger.valueOf(version)), subject.encoding(), publicKey,
                Der.setOf(0xa0, encoded));
    }

    /** Signs the request info with {@code signer} under {@code algorithm}. */
    public void sign(byte[] algorithm, java.util.function.Function<byte[], byte[]> signer) {
        signed.sign(algorithm, encodeInfo(), signer);
    }

    /** The signed part as it is encoded now (what a verifier checks the signature against). */
    public byte[] signedPart() {
        SignedEnvelope envelope = SignedEnvelope.read(encoding());
        return java.util.Arrays.copyOfRange(envelope.der(), envelope.tbsStart(), envelope.tbsEnd());
    }

    /** The signature AlgorithmIdentifier element, or {@code null} before signing. */
    public byte[] signatureAlgorithm() {
        return signed.algorithm();
    }

    /** The signature bytes (the BIT STRING's contents after the unused-bits byte), or {@code null}. */
    public byte[] signatureValue() {
        byte[] signature = signed.signature();
        if (signature == null) {
            return null;
        }
        DerReader bits = new DerReader(signature).next();
        return java.util.Arrays.copyOfRange(signature, bits.contentStart() + 1, bits.end());
    }

    /**
     * The DER encoding, the input bytes while unchanged. Shared: do not modify.
     *
     * @throws CryptoException ({@code illegal zero content}) before the first signature or without a key
     */
    public byte[] encoding() {
        return signed.encoding(this::encodeInfo);
    }
}
