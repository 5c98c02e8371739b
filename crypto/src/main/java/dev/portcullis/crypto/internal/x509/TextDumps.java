package dev.portcullis.crypto.internal.x509;

import org.bouncycastle.asn1.pkcs.CertificationRequest;

import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.internal.der.DerReader;
import dev.portcullis.crypto.internal.text.CertificateText;
import dev.portcullis.crypto.internal.text.RequestText;

/** pyOpenSSL's {@code FILETYPE_TEXT} dumps of certificates and requests, through the text printers. */
public final class TextDumps {
    private TextDumps() {
    }

    /** {@code X509_print_ex(bio, cert, 0, 0)} as pyOpenSSL's {@code dump_certificate(FILETYPE_TEXT, …)} calls it. */
    public static String certificate(byte[] der) {
        return CertificateText.print(BcCertificates.read(der), CertificateText.Flavor.PYOPENSSL);
    }

    /** {@code X509_REQ_print_ex(bio, req, 0, 0)} as pyOpenSSL's {@code dump_certificate_request(FILETYPE_TEXT, …)}. */
    public static String request(byte[] der) {
        CertificationRequest request;
        try {
            request = CertificationRequest.getInstance(der);
        } catch (RuntimeException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "nested asn1 error", e);
        }
        return RequestText.print(request, CertificateText.Flavor.PYOPENSSL);
    }
}
