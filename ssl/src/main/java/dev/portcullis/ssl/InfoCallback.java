package dev.portcullis.ssl;

/**
 * pyOpenSSL's info callback, {@code callback(conn, where, ret)}, given to {@link Context#setInfoCallback} or
 * {@link Connection#setInfoCallback}: told about handshake progress and alerts.
 *
 * <p>{@code where} is a combination of the {@code SSL.SSL_CB_*} bits: {@link SSL#SSL_CB_HANDSHAKE_START} and
 * {@link SSL#SSL_CB_HANDSHAKE_DONE} around a handshake, {@link SSL#SSL_CB_CONNECT_LOOP} /
 * {@link SSL#SSL_CB_ACCEPT_LOOP} as it advances, {@link SSL#SSL_CB_CONNECT_EXIT} / {@link SSL#SSL_CB_ACCEPT_EXIT}
 * when a handshake call returns, {@link SSL#SSL_CB_READ_ALERT} / {@link SSL#SSL_CB_WRITE_ALERT} for alerts (then
 * {@code ret} is {@code level << 8 | description}). As in pyOpenSSL, an exception thrown by the callback is logged and
 * ignored; the handshake goes on.
 */
@FunctionalInterface
public interface InfoCallback {
    /** Reports one event. */
    void info(Connection connection, int where, int ret);
}
