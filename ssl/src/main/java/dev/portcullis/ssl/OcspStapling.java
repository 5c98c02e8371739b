package dev.portcullis.ssl;

import java.io.IOException;

import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.TlsFatalAlert;

/** Runs the OCSP stapling callbacks of a connection's handshake with pyOpenSSL's rules. */
final class OcspStapling {
    private OcspStapling() {
    }

    /** Server: the status to send, or {@code null} to staple nothing. */
    static CertificateStatus toStaple(Connection connection) throws IOException {
        Context context = connection.getContext();
        OcspServerCallback callback = context.ocspServerCallback();
        if (callback == null) {
            return null;
        }
        try {
            byte[] response = callback.staple(connection, context.ocspData());
            if (response == null) {
                throw new IllegalArgumentException("OCSP callback must return a bytestring.");
            }
            if (response.length == 0) {
                return null;
            }
            OCSPResponse parsed;
            try {
                parsed = OCSPResponse.getInstance(response);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("OCSP callback must return a DER OCSPResponse (RFC 6960)", e);
            }
            return new CertificateStatus(CertificateStatusType.ocsp, parsed);
        } catch (RuntimeException e) {
            connection.engine().recordCallbackFailure(e);
            throw new TlsFatalAlert(AlertDescription.internal_error, "the OCSP server callback failed");
        }
    }

    /** Client: hands the stapled response (or nothing) to the callback; a refusal fails the handshake. */
    static void check(Connection connection, CertificateStatus status) throws IOException {
        Context context = connection.getContext();
        OcspClientCallback callback = context.ocspClientCallback();
        if (callback == null || !connection.ocspRequested()) {
            return;
        }
        byte[] der = new byte[0];
        if (status != null && status.getStatusType() == CertificateStatusType.ocsp) {
            der = status.getOCSPResponse().getEncoded("DER");
        }
        boolean accepted;
        try {
            accepted = callback.check(connection, der, context.ocspData());
        } catch (RuntimeException e) {
            connection.engine().recordCallbackFailure(e);
            throw new TlsFatalAlert(AlertDescription.internal_error, "the OCSP client callback failed");
        }
        if (!accepted) {
            connection.engine().recordFailureReason("invalid status response");
            throw new TlsFatalAlert(AlertDescription.bad_certificate_status_response, "the OCSP response was refused");
        }
    }
}
