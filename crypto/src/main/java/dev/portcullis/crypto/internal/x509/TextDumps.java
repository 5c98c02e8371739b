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
        return certificate(der, CertificateText.Flavor.PYOPENSSL);
    }

    /** The certificate as text in the given flavor (pyOpenSSL's, or {@code openssl x509 -text -noout}'s). */
    public static String certificate(byte[] der, CertificateText.Flavor flavor) {
        return CertificateText.print(BcCertificates.read(der), flavor);
    }

    /** {@code X509_REQ_print_ex(bio, req, 0, 0)} as pyOpenSSL's {@code dump_certificate_request(FILETYPE_TEXT, …)}. */
    public static String request(byte[] der) {
        return request(der, CertificateText.Flavor.PYOPENSSL);
    }

    /** The request as text in the given flavor (pyOpenSSL's, or {@code openssl req -text -noout}'s). */
    public static String request(byte[] der, CertificateText.Flavor flavor) {
        CertificationRequest request;
        try {
            request = CertificationRequest.getInstance(der);
        } catch (RuntimeException e) {
            throw new CryptoException(DerReader.ASN1_LIB, "nested asn1 error", e);
        }
        return RequestText.print(request, flavor);
    }
}
