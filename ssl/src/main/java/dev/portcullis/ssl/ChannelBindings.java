package dev.portcullis.ssl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * TLS channel bindings: values both ends of one TLS connection compute alike, which an authentication protocol
 * running inside it (SCRAM, GSS-API, EAP) mixes in so that its exchange cannot be relayed through another
 * connection.
 */
final class ChannelBindings {
    static final String TLS_EXPORTER = "tls-exporter";
    static final String TLS_UNIQUE = "tls-unique";
    static final String TLS_SERVER_END_POINT = "tls-server-end-point";

    private ChannelBindings() {
    }

    static byte[] compute(Connection connection, String type) throws SslException {
        if (type == null) {
            throw new IllegalArgumentException("type must be a channel binding type, not null");
        }
        if (connection.getSession() == null) {
            throw new SslException("channel bindings need a completed handshake");
        }
        switch (type) {
            case TLS_EXPORTER:
                // RFC 9266 §2: label "EXPORTER-Channel-Binding", a zero-length context, 32 bytes
                return connection.exportKeyingMaterial("EXPORTER-Channel-Binding".getBytes(StandardCharsets.US_ASCII),
                        32, new byte[0]);
            case TLS_UNIQUE:
                return tlsUnique(connection);
            case TLS_SERVER_END_POINT:
                return serverEndPoint(connection);
            default:
                throw new IllegalArgumentException("type: unknown channel binding type '" + type
                        + "' (tls-exporter, tls-unique, tls-server-end-point)");
        }
    }

    /**
     * RFC 5929 §3.1: the first Finished message of the latest handshake — the client's in a full handshake, the
     * server's in a resumed one. Not defined for TLS 1.3 (RFC 8446 §C.5), where {@code tls-exporter} replaces it.
     */
    private static byte[] tlsUnique(Connection connection) throws SslException {
        if (connection.getProtocolVersion() == SSL.TLS1_3_VERSION) {
            throw new SslException("tls-unique is not defined for TLS 1.3 (RFC 8446 C.5); use tls-exporter");
        }
        boolean client = Boolean.TRUE.equals(connection.engine().clientMode());
        boolean clientFinishedFirst = !connection.sessionReused();
        return client == clientFinishedFirst ? connection.getFinished() : connection.getPeerFinished();
    }

    /**
     * RFC 5929 §4.1: the hash of the server's certificate, with the hash of its signature algorithm (SHA-256 when that
     * is MD5 or SHA-1).
     */
    private static byte[] serverEndPoint(Connection connection) throws SslException {
        boolean client = Boolean.TRUE.equals(connection.engine().clientMode());
        dev.portcullis.crypto.X509 certificate = client ? connection.getPeerCertificate()
                : connection.getCertificate();
        if (certificate == null) {
            throw new SslException("tls-server-end-point needs the server's certificate");
        }
        X509Certificate server = certificate.toJavaCertificate();
        String digest = endPointDigest(server.getSigAlgName());
        try {
            return MessageDigest.getInstance(digest).digest(server.getEncoded());
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new SslException("cannot hash the server certificate: " + e.getMessage(), e);
        }
    }

    static String endPointDigest(String signatureAlgorithm) throws SslException {
        String name = signatureAlgorithm.toUpperCase(Locale.ROOT);
        if (name.startsWith("SHA384")) {
            return "SHA-384";
        }
        if (name.startsWith("SHA512")) {
            return "SHA-512";
        }
        if (name.startsWith("SHA224")) {
            return "SHA-224";
        }
        if (name.startsWith("SHA256") || name.startsWith("SHA1") || name.startsWith("MD5")) {
            return "SHA-256";
        }
        throw new SslException("tls-server-end-point is not defined for certificates signed with "
                + signatureAlgorithm + " (RFC 5929 names a hash only for hash-then-sign algorithms)");
    }
}
