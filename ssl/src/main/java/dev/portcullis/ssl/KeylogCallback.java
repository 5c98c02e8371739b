package dev.portcullis.ssl;

/**
 * pyOpenSSL's key-log callback, {@code callback(conn, line)}, given to {@link Context#setKeylogCallback}: receives
 * the connection's secrets as lines of the NSS key log format ({@code SSLKEYLOGFILE}) that Wireshark and tshark use
 * to decrypt captured traffic — {@code CLIENT_RANDOM <client random> <master secret>} for TLS 1.2 and below;
 * {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}, {@code EXPORTER_SECRET},
 * {@code SERVER_TRAFFIC_SECRET_0}, {@code CLIENT_TRAFFIC_SECRET_0} (each followed by the client random and the secret,
 * lowercase hex) for TLS 1.3. Lines come without a newline, as pyOpenSSL gives them.
 *
 * <p>These are the session's keys: whoever reads them can decrypt it. Write them only where that is intended
 * (debugging). As in pyOpenSSL, an exception thrown here is logged and ignored.
 */
@FunctionalInterface
public interface KeylogCallback {
    /** Receives one key-log line (ASCII, no newline). */
    void keylog(Connection connection, byte[] line);
}
