package dev.portcullis.crypto.internal.text;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.CertificateList;
import org.bouncycastle.asn1.x509.TBSCertList;

/**
 * A CRL as text, line for line as OpenSSL 3.0's {@code X509_CRL_print_ex}: {@code openssl crl -text -noout}
 * ({@link CertificateText.Flavor#OPENSSL_CLI}) or pyOpenSSL's {@code dump_crl(FILETYPE_TEXT, crl)}
 * ({@link CertificateText.Flavor#PYOPENSSL}). Revoked entries appear in encoded order, each with its serial
 * in upper-case hex, its revocation date and its {@code CRL entry extensions:}.
 */
public final class CrlText {
    private CrlText() {
    }

    /**
     * The whole dump, ending with a newline.
     *
     * @throws dev.portcullis.crypto.CryptoException when a field is malformed (OpenSSL would not have loaded it)
     */
    public static String print(CertificateList crl, CertificateText.Flavor flavor) {
        return Malformed.guard(() -> printUnguarded(crl, flavor));
    }

    private static String printUnguarded(CertificateList crl, CertificateText.Flavor flavor) {
        TBSCertList tbs = crl.getTBSCertList();
        StringBuilder out = new StringBuilder(2048);
        out.append("Certificate Revocation List (CRL):\n");
        int version = tbs.getVersion() == null ? 0 : tbs.getVersion().intValueExact();
        if (version == 0 || version == 1) {
            out.append("        Version ").append(version + 1).append(" (0x").append(version).append(")\n");
        } else {
            out.append("        Version unknown (").append(version).append(")\n");
        }
        // OpenSSL prints the outer signature algorithm here, not the one inside the signed part.
        SignatureText.appendAlgorithmLine(out, crl.getSignatureAlgorithm());
        out.append("        Issuer: ").append(flavor.name(tbs.getIssuer())).append('\n');
        out.append("        Last Update: ").append(ValueText.time(tbs.getThisUpdate())).append('\n');
        out.append("        Next Update: ")
            .append(tbs.getNextUpdate() == null ? "NONE" : ValueText.time(tbs.getNextUpdate())).append('\n');
        ExtensionPrinter.appendBlock(out, "CRL extensions", ExtensionPrinter.listOf(tbs.getExtensions()), 8);
        ASN1Sequence revoked = revokedSequence(tbs);
        out.append(revoked.size() > 0 ? "Revoked Certificates:\n" : "No Revoked Certificates.\n");
        for (ASN1Encodable e : revoked) {
            TBSCertList.CRLEntry entry = TBSCertList.CRLEntry.getInstance(e);
            out.append("    Serial Number: ").append(ValueText.hexInteger(entry.getUserCertificate().getValue()));
            out.append("\n        Revocation Date: ").append(ValueText.time(entry.getRevocationDate())).append('\n');
            ExtensionPrinter.appendBlock(out, "CRL entry extensions", ExtensionPrinter.listOf(entry.getExtensions()), 8);
        }
        SignatureText.appendSignature(out, crl.getSignatureAlgorithm(), crl.getSignature());
        return out.toString();
    }

    /** The revokedCertificates sequence, or an empty one when the CRL has none. */
    private static ASN1Sequence revokedSequence(TBSCertList tbs) {
        ASN1Sequence seq = ASN1Sequence.getInstance(tbs.toASN1Primitive());
        for (ASN1Encodable e : seq) {
            if (e instanceof ASN1Sequence && isEntryList((ASN1Sequence) e)) {
                return (ASN1Sequence) e;
            }
        }
        return new org.bouncycastle.asn1.DERSequence();
    }

    /** The only SEQUENCE OF SEQUENCE whose first element's first element is an INTEGER is the revoked list. */
    private static boolean isEntryList(ASN1Sequence candidate) {
        return candidate.size() > 0 && candidate.getObjectAt(0) instanceof ASN1Sequence
            && ((ASN1Sequence) candidate.getObjectAt(0)).size() >= 2
            && ((ASN1Sequence) candidate.getObjectAt(0)).getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Integer;
    }
}
