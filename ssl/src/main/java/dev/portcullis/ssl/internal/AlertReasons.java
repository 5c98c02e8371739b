package dev.portcullis.ssl.internal;

import org.bouncycastle.tls.AlertDescription;

/**
 * OpenSSL 3's reason texts for TLS alerts, so that errors read as they do in pyOpenSSL: an alert received from the
 * peer reads {@code "sslv3 alert handshake failure"} / {@code "tlsv1 alert unknown ca"} (OpenSSL's
 * {@code SSL_R_SSLV3_ALERT_*} / {@code SSL_R_TLSV1_ALERT_*} strings); an alert we raise reads as the local error
 * OpenSSL reports for the same condition ({@code "decryption failed or bad record mac"}, {@code "unsupported protocol"}).
 */
public final class AlertReasons {
    private AlertReasons() {
    }

    /** The reason text for a fatal alert the peer sent us. */
    public static String received(short description) {
        switch (description) {
            case AlertDescription.close_notify: return "sslv3 alert close notify";
            case AlertDescription.unexpected_message: return "sslv3 alert unexpected message";
            case AlertDescription.bad_record_mac: return "sslv3 alert bad record mac";
            case AlertDescription.decryption_failed: return "tlsv1 alert decryption failed";
            case AlertDescription.record_overflow: return "tlsv1 alert record overflow";
            case AlertDescription.decompression_failure: return "sslv3 alert decompression failure";
            case AlertDescription.handshake_failure: return "sslv3 alert handshake failure";
            case AlertDescription.no_certificate: return "sslv3 alert no certificate";
            case AlertDescription.bad_certificate: return "sslv3 alert bad certificate";
            case AlertDescription.unsupported_certificate: return "sslv3 alert unsupported certificate";
            case AlertDescription.certificate_revoked: return "sslv3 alert certificate revoked";
            case AlertDescription.certificate_expired: return "sslv3 alert certificate expired";
            case AlertDescription.certificate_unknown: return "sslv3 alert certificate unknown";
            case AlertDescription.illegal_parameter: return "sslv3 alert illegal parameter";
            case AlertDescription.unknown_ca: return "tlsv1 alert unknown ca";
            case AlertDescription.access_denied: return "tlsv1 alert access denied";
            case AlertDescription.decode_error: return "tlsv1 alert decode error";
            case AlertDescription.decrypt_error: return "tlsv1 alert decrypt error";
            case AlertDescription.export_restriction: return "tlsv1 alert export restriction";
            case AlertDescription.protocol_version: return "tlsv1 alert protocol version";
            case AlertDescription.insufficient_security: return "tlsv1 alert insufficient security";
            case AlertDescription.internal_error: return "tlsv1 alert internal error";
            case AlertDescription.inappropriate_fallback: return "tlsv1 alert inappropriate fallback";
            case AlertDescription.user_canceled: return "tlsv1 alert user cancelled";
            case AlertDescription.no_renegotiation: return "tlsv1 alert no renegotiation";
            case AlertDescription.missing_extension: return "tlsv13 alert missing extension";
            case AlertDescription.unsupported_extension: return "tlsv1 unsupported extension";
            case AlertDescription.certificate_unobtainable: return "tlsv1 certificate unobtainable";
            case AlertDescription.unrecognized_name: return "tlsv1 unrecognized name";
            case AlertDescription.bad_certificate_status_response: return "tlsv1 bad certificate status response";
            case AlertDescription.bad_certificate_hash_value: return "tlsv1 bad certificate hash value";
            case AlertDescription.unknown_psk_identity: return "tlsv1 alert unknown psk identity";
            case AlertDescription.certificate_required: return "tlsv13 alert certificate required";
            case AlertDescription.no_application_protocol: return "tlsv1 alert no application protocol";
            default: return "ssl/tls alert " + description;
        }
    }

    /** The reason text for a fatal alert we raised (the local error OpenSSL reports for that condition). */
    public static String raised(short description) {
        switch (description) {
            case AlertDescription.unexpected_message: return "unexpected message";
            case AlertDescription.bad_record_mac: return "decryption failed or bad record mac";
            case AlertDescription.record_overflow: return "record layer failure";
            case AlertDescription.handshake_failure: return "handshake failure";
            case AlertDescription.bad_certificate: return "bad certificate";
            case AlertDescription.unsupported_certificate: return "unsupported certificate";
            case AlertDescription.certificate_unknown: return "certificate verify failed";
            case AlertDescription.unknown_ca: return "certificate verify failed";
            case AlertDescription.certificate_expired: return "certificate verify failed";
            case AlertDescription.certificate_revoked: return "certificate verify failed";
            case AlertDescription.illegal_parameter: return "illegal parameter";
            case AlertDescription.decode_error: return "decode error";
            case AlertDescription.decrypt_error: return "bad signature";
            case AlertDescription.protocol_version: return "unsupported protocol";
            case AlertDescription.insufficient_security: return "insufficient security";
            case AlertDescription.internal_error: return "internal error";
            case AlertDescription.missing_extension: return "missing extension";
            case AlertDescription.unsupported_extension: return "unsupported extension";
            case AlertDescription.certificate_required: return "peer did not return a certificate";
            case AlertDescription.no_application_protocol: return "no application protocol";
            case AlertDescription.unrecognized_name: return "unrecognized name";
            case AlertDescription.bad_certificate_status_response: return "invalid status response";
            default: return AlertDescription.getText(description).replace('_', ' ');
        }
    }
}
