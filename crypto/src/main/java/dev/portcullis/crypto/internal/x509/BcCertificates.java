package dev.portcullis.crypto.internal.x509;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Validity;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.DerReader;

/**
 * Bouncy Castle's view of a certificate for the text printers, read as leniently as OpenSSL reads it:
 * Bouncy Castle refuses a version 1 certificate that carries extensions, which OpenSSL (and therefore
 * pyOpenSSL code that never calls {@code set_version(2)}) produces and prints without complaint.
 */
public final class BcCertificates {
    private BcCertificates() {
    }

    /** The certificate in {@code der}, whatever its version says about extensions. */
    public static Certificate read(byte[] der) {
        try {
            ASN1Sequence outer = ASN1Sequence.getInstance(der);
            return new Certificate(tbs(ASN1Sequence.getInstance(outer.getObjectAt(0))),
                    AlgorithmIdentifier.getInstance(outer.getObjectAt(1)), ASN1BitString.getInstance(outer.getObjectAt(2)));
        } catch (RuntimeException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "nested asn1 error", e);
        }
    }

    private static TBSCertificate tbs(ASN1Sequence fields) {
        int i = 0;
        ASN1Integer version = new ASN1Integer(0);
        if (fields.getObjectAt(0) instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 0) {
            version = ASN1Integer.getInstance(tagged, true);
            i++;
        }
        ASN1Integer serial = ASN1Integer.getInstance(fields.getObjectAt(i++));
        AlgorithmIdentifier signature = AlgorithmIdentifier.getInstance(fields.getObjectAt(i++));
        X500Name issuer = X500Name.getInstance(fields.getObjectAt(i++));
        Validity validity = Validity.getInstance(fields.getObjectAt(i++));
        X500Name subject = X500Name.getInstance(fields.getObjectAt(i++));
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(fields.getObjectAt(i++));
        ASN1BitString issuerId = null;
        ASN1BitString subjectId = null;
        Extensions extensions = null;
        for (; i < fields.size(); i++) {
            ASN1Encodable field = fields.getObjectAt(i);
            ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(field);
            switch (tagged.getTagNo()) {
                case 1 -> issuerId = ASN1BitString.getInstance(tagged, false);
                case 2 -> subjectId = ASN1BitString.getInstance(tagged, false);
                case 3 -> extensions = Extensions.getInstance(tagged, true);
                default -> throw new IllegalArgumentException("unknown tag in TBSCertificate: " + tagged.getTagNo());
            }
        }
        return new TBSCertificate(version, serial, signature, issuer, validity, subject, key, issuerId, subjectId,
                extensions);
    }
}
