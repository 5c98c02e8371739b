package dev.portcullis.crypto;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

import dev.portcullis.crypto.internal.ObjectNames;
import dev.portcullis.crypto.internal.crl.CrlModel;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.pem.FileTypes;
import dev.portcullis.crypto.internal.der.BerInput;
import dev.portcullis.crypto.internal.x509.CertificateModel;

/**
 * A PKCS#7 structure (RFC 2315, the ancestor of CMS): most often a "degenerate" signed-data bundle of certificates
 * ({@code .p7b}, {@code openssl crl2pkcs7}, what Windows and CAs hand out for a chain), or a signed or encrypted
 * message. pyOpenSSL's {@code crypto.PKCS7}, removed in pyOpenSSL 23.3 and back here.
 *
 * <p>pyOpenSSL could only tell the type; {@link #getCertificates()} and {@link #getCrls()} (beyond pyOpenSSL)
 * give what a signed-data or signed-and-enveloped-data structure carries. Read one with
 * {@link Crypto#loadPkcs7Data}. Immutable.
 */
public final class PKCS7 {
    /** OpenSSL's {@code PEM_read_bio_PKCS7} labels; "Some CAs use PKCS#7 with CERTIFICATE headers". */
    private static final Set<String> LABELS = Set.of("PKCS7", "PKCS #7 SIGNED DATA", "CERTIFICATE");

    private final ASN1ObjectIdentifier type;
    private final List<X509> certificates;
    private final List<CRL> crls;

    private PKCS7(ASN1ObjectIdentifier type, List<X509> certificates, List<CRL> crls) {
        this.type = type;
        this.certificates = certificates;
        this.crls = crls;
    }

    static PKCS7 load(int fileType, byte[] buffer) {
        return FileTypes.load(fileType, buffer, LABELS, PKCS7::decode);
    }

    private static PKCS7 decode(byte[] der) {
        ContentInfo info;
        try {
            org.bouncycastle.asn1.ASN1Primitive primitive = BerInput.read(der);
            if (!(primitive instanceof ASN1Sequence sequence) || sequence.size() == 0
                    || !(sequence.getObjectAt(0) instanceof ASN1ObjectIdentifier)) {
                // d2i_PKCS7's report for a structure that does not start with a content type
                throw new CryptoException(List.of(new CryptoException.Entry(DerReader.ASN1_LIB, "", "wrong tag"),
                        new CryptoException.Entry(DerReader.ASN1_LIB, "", "nested asn1 error"),
                        new CryptoException.Entry(DerReader.ASN1_LIB, "", "nested asn1 error")));
            }
            info = ContentInfo.getInstance(primitive);
        } catch (CryptoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry(DerReader.ASN1_LIB, "", "nested asn1 error")),
                    e);
        }
        ASN1ObjectIdentifier type = info.getContentType();
        List<X509> certificates = new ArrayList<>();
        List<CRL> crls = new ArrayList<>();
        try {
            if (type.equals(PKCSObjectIdentifiers.signedData) || type.equals(PKCSObjectIdentifiers.signedAndEnvelopedData)) {
                collect(ASN1Sequence.getInstance(info.getContent()), certificates, crls);
            }
        } catch (IOException | RuntimeException e) {
            throw new CryptoException(List.of(new CryptoException.Entry(DerReader.ASN1_LIB, "", "nested asn1 error")),
                    e);
        }
        return new PKCS7(type, Collections.unmodifiableList(certificates), Collections.unmodifiableList(crls));
    }

    /**
     * The {@code certificates [0] IMPLICIT} and {@code crls [1] IMPLICIT} sets, which signedData and
     * signedAndEnvelopedData both carry as context-tagged fields; only X.509 certificates (untagged SEQUENCEs)
     * are taken, other certificate choices are skipped.
     */
    private static void collect(ASN1Sequence fields, List<X509> certificates, List<CRL> crls) throws IOException {
        for (ASN1Encodable field : fields) {
            if (!(field instanceof ASN1TaggedObject tagged) || tagged.getTagNo() > 1) {
                continue;
            }
            ASN1Set set = ASN1Set.getInstance(tagged, false);
            for (ASN1Encodable element : set) {
                if (!(element.toASN1Primitive() instanceof ASN1Sequence)) {
                    continue;
                }
                byte[] encoded = element.toASN1Primitive().getEncoded("DER");
                if (tagged.getTagNo() == 0) {
                    certificates.add(new X509(CertificateModel.read(encoded)));
                } else {
                    crls.add(new CRL(CrlModel.read(encoded)));
                }
            }
        }
    }

    /** Whether this is signed data ({@code pkcs7-signedData}, a certificate bundle being the common case). */
    public boolean typeIsSigned() {
        return type.equals(PKCSObjectIdentifiers.signedData);
    }

    /** Whether this is enveloped (encrypted) data. */
    public boolean typeIsEnveloped() {
        return type.equals(PKCSObjectIdentifiers.envelopedData);
    }

    /** Whether this is signed-and-enveloped data. */
    public boolean typeIsSignedAndEnveloped() {
        return type.equals(PKCSObjectIdentifiers.signedAndEnvelopedData);
    }

    /** Whether this is plain data. */
    public boolean typeIsData() {
        return type.equals(PKCSObjectIdentifiers.data);
    }

    /**
     * OpenSSL's short name of the content type: {@code pkcs7-signedData}, {@code pkcs7-envelopedData},
     * {@code pkcs7-data}, {@code pkcs7-signedAndEnvelopedData}, {@code pkcs7-digestData},
     * {@code pkcs7-encryptedData}; {@code UNDEF} for a type OpenSSL does not know (pyOpenSSL returned bytes).
     */
    public String getTypeName() {
        return ObjectNames.shortName(type).orElse("UNDEF");
    }

    /**
     * The certificates carried (signed data and signed-and-enveloped data), in encoded order; an empty list when
     * there are none or the type carries none. The list is unmodifiable; each call returns the same objects.
     */
    public List<X509> getCertificates() {
        return certificates;
    }

    /** The CRLs carried, in encoded order; an empty list when there are none. */
    public List<CRL> getCrls() {
        return crls;
    }

    /** The type name and what it carries. */
    @Override
    public String toString() {
        return "<PKCS7 " + getTypeName() + " certificates=" + certificates.size() + " crls=" + crls.size() + ">";
    }
}
