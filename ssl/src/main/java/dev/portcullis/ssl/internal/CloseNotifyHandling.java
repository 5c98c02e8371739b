package dev.portcullis.ssl.internal;

/**
 * What the engine's protocol subclasses share: OpenSSL's half-close model on top of bctls.
 *
 * <p>bctls treats a received close_notify as "close both directions now" (it answers with its own close_notify and
 * refuses to write). OpenSSL, and so pyOpenSSL, treat it as the end of the peer's data only: the receiver reports
 * {@code ZeroReturn}, may still send, and answers with close_notify only when the application calls
 * {@code shutdown()}. The subclasses intercept the alert and report it here instead.
 */
interface CloseNotifyHandling {
    /** True once the peer's close_notify arrived after the handshake. */
    boolean closeNotifyReceived();

    /** Queues our close_notify without closing the receiving direction. */
    void sendCloseNotify() throws java.io.IOException;

    /** The underlying protocol. */
    org.bouncycastle.tls.TlsProtocol protocol();
}
