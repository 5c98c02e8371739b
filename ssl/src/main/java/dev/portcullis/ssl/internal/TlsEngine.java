package dev.portcullis.ssl.internal;

import java.io.IOException;

import org.bouncycastle.tls.TlsClient;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;
import org.bouncycastle.tls.TlsPeer;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServer;

import dev.portcullis.ssl.SslException;
import dev.portcullis.ssl.SysCallException;
import dev.portcullis.ssl.WantReadException;
import dev.portcullis.ssl.ZeroReturnException;

/**
 * One TLS endpoint over memory buffers, with OpenSSL's memory-BIO semantics, driving bctls's non-blocking protocol.
 *
 * <p>Ciphertext from the peer is queued by {@link #bioWrite} and handed to bctls one complete record at a time, and
 * only while no decrypted application data is waiting: a partial record never yields data, and the plaintext held
 * per connection is bounded by one record (16 KiB) however much ciphertext the caller queues. Ciphertext for the peer
 * stays in bctls's output queue until {@link #bioRead} drains it (bctls queues output after every call, including
 * the alert it sends when it fails). Received close_notify is treated as OpenSSL does (end of the peer's data, not of
 * ours); see {@link CloseNotifyHandling}.
 *
 * <p>Not thread-safe: a connection belongs to one thread at a time.
 */
public final class TlsEngine {
    /** The largest TLS 1.2 ciphertext record body (RFC 5246 §6.2.3); anything longer is handed to bctls to reject. */
    private static final int MAX_RECORD_BODY = 16384 + 2048;
    private static final int HEADER = 5;

    /** What the engine needs from its connection. */
    public interface Host {
        /** Creates the bctls client or server for the handshake that is starting, configured from the context. */
        TlsPeer createPeer(boolean client) throws IOException;

        /** Info-callback hook: the handshake started. */
        void handshakeStarted();

        /** Info-callback hook: the handshake completed. */
        void handshakeCompleted();

        /** Whether an EOF without close_notify counts as a clean close ({@code OP_IGNORE_UNEXPECTED_EOF}). */
        boolean ignoreUnexpectedEof();
    }

    private enum Until { HANDSHAKE_DONE, DATA_AVAILABLE, CLOSE_NOTIFY }

    private final Host host;
    private Boolean clientMode;
    private CloseNotifyHandling protocol;
    private final ByteFifo inbound = new ByteFifo();
    private boolean inputEnded;
    private boolean handshakeDone;
    private boolean sentShutdown;
    private boolean receivedShutdown;
    private boolean wantRead;
    private SslException failure;
    private RuntimeException callbackFailure;
    private String failureReason;
    private byte[] peeked;

    public TlsEngine(Host host) {
        this.host = host;
    }

    // ---------------------------------------------------------------- state

    /** Sets client ({@code true}) or server mode; before the handshake starts. */
    public void setClientMode(boolean client) {
        this.clientMode = client;
    }

    /** {@code null} until a mode was set. */
    public Boolean clientMode() {
        return clientMode;
    }

    public boolean isStarted() {
        return protocol != null;
    }

    public boolean isHandshakeDone() {
        return handshakeDone;
    }

    public boolean isFailed() {
        return failure != null;
    }

    /** The bctls protocol, or {@code null} before the handshake started. */
    public TlsProtocol protocol() {
        return protocol == null ? null : protocol.protocol();
    }

    public boolean wantRead() {
        return wantRead;
    }

    /** OpenSSL's shutdown state bits: {@code SENT_SHUTDOWN} (1) and {@code RECEIVED_SHUTDOWN} (2). */
    public int shutdownState() {
        return (sentShutdown ? 1 : 0) | (receivedShutdown ? 2 : 0);
    }

    /** OpenSSL's {@code SSL_set_shutdown}: sets the state bits without sending anything. */
    public void setShutdownState(int state) {
        sentShutdown = (state & 1) != 0;
        receivedShutdown = (state & 2) != 0;
    }

    /**
     * Records an exception a user callback threw during the handshake; the first one is rethrown in place of the
     * TLS error the handshake then fails with (pyOpenSSL's rule for Context-level callbacks).
     */
    public void recordCallbackFailure(RuntimeException e) {
        if (callbackFailure == null) {
            callbackFailure = e;
        }
    }

    /** Sets the OpenSSL reason text the next failure reports (e.g. "certificate verify failed"); first one wins. */
    public void recordFailureReason(String reason) {
        if (failureReason == null) {
            failureReason = reason;
        }
    }

    // ---------------------------------------------------------------- memory BIO

    /** Queues ciphertext received from the peer. */
    public int bioWrite(byte[] data, int offset, int length) throws SslException {
        if (length == 0) {
            throw new WantReadException();
        }
        inbound.append(data, offset, length);
        return length;
    }

    /** Marks the end of the peer's byte stream (no more {@link #bioWrite}). */
    public void bioShutdown() {
        inputEnded = true;
    }

    /** Ciphertext waiting to be sent to the peer. */
    public int pendingOutput() {
        return protocol == null ? 0 : protocol.protocol().getAvailableOutputBytes();
    }

    /** Takes up to {@code length} bytes of ciphertext for the peer; {@link WantReadException} when there is none. */
    public int bioRead(byte[] target, int offset, int length) throws SslException {
        if (length <= 0 || pendingOutput() == 0) {
            throw new WantReadException();
        }
        return protocol.protocol().readOutput(target, offset, length);
    }

    /**
     * Moves all waiting ciphertext straight into {@code peer}'s input (two memory-BIO engines in one process, as
     * {@code MemoryPair} wires them): the same as {@link #bioRead} then {@link #bioWrite}, minus one copy.
     *
     * @return the number of bytes moved
     */
    public int moveOutputTo(TlsEngine peer) {
        int pending = pendingOutput();
        peer.inbound.appendOutputOf(protocol == null ? null : protocol.protocol(), pending);
        return pending;
    }

    /** Ciphertext received but not yet processed. */
    public int pendingInput() {
        return inbound.size();
    }

    // ---------------------------------------------------------------- operations

    /** Runs the handshake as far as the queued input allows. */
    public void doHandshake() throws SslException {
        if (clientMode == null) {
            throw new SslException("connection type not set");
        }
        checkFailure();
        wantRead = false;
        if (protocol == null) {
            start();
        }
        if (handshakeDone) {
            return;
        }
        pump(Until.HANDSHAKE_DONE);
        if (!handshakeDone) {
            needInput();
        }
    }

    /** Decrypted bytes ready to be read without touching the transport. */
    public int pending() {
        int buffered = peeked == null ? 0 : peeked.length;
        return protocol == null ? buffered : buffered + protocol.protocol().getAvailableInputBytes();
    }

    /**
     * Reads application data (OpenSSL's {@code SSL_read}, or {@code SSL_peek} when {@code peek}): at most what one record
     * holds; {@link WantReadException} when none is available yet, {@link ZeroReturnException} after the peer's
     * close_notify, {@link SysCallException} on an EOF without one.
     */
    public int read(byte[] target, int offset, int length, boolean peek) throws SslException {
        requireMode();
        checkFailure();
        wantRead = false;
        if (!handshakeDone) {
            doHandshake();
        }
        while (true) {
            if (peeked != null || protocol.protocol().getAvailableInputBytes() > 0) {
                return take(target, offset, length, peek);
            }
            if (receivedShutdown) {
                throw new ZeroReturnException();
            }
            pump(Until.DATA_AVAILABLE);
            if (protocol.protocol().getAvailableInputBytes() > 0) {
                continue;
            }
            if (protocol.closeNotifyReceived()) {
                receivedShutdown = true;
                throw new ZeroReturnException();
            }
            needInput();
        }
    }

    private int take(byte[] target, int offset, int length, boolean peek) {
        TlsProtocol p = protocol.protocol();
        if (peek) {
            if (peeked == null || peeked.length < length) {
                int more = Math.min(length - (peeked == null ? 0 : peeked.length), p.getAvailableInputBytes());
                byte[] grown = new byte[(peeked == null ? 0 : peeked.length) + more];
                int had = 0;
                if (peeked != null) {
                    System.arraycopy(peeked, 0, grown, 0, peeked.length);
                    had = peeked.length;
                }
                p.readInput(grown, had, more);
                peeked = grown;
            }
            int n = Math.min(length, peeked.length);
            System.arraycopy(peeked, 0, target, offset, n);
            return n;
        }
        if (peeked != null) {
            int n = Math.min(length, peeked.length);
            System.arraycopy(peeked, 0, target, offset, n);
            peeked = n == peeked.length ? null : java.util.Arrays.copyOfRange(peeked, n, peeked.length);
            return n;
        }
        return p.readInput(target, offset, Math.min(length, p.getAvailableInputBytes()));
    }

    /** Encrypts up to one record of application data (OpenSSL's {@code SSL_write} with partial writes). */
    public int write(byte[] source, int offset, int length) throws SslException {
        requireMode();
        checkFailure();
        wantRead = false;
        if (sentShutdown) {
            throw new SslException("protocol is shutdown");
        }
        if (!handshakeDone) {
            doHandshake();
        }
        TlsProtocol p = protocol.protocol();
        int n = Math.min(length, p.getApplicationDataLimit());
        if (n == 0) {
            return 0;
        }
        try {
            p.writeApplicationData(source, offset, n);
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
        return n;
    }

    /**
     * OpenSSL's {@code SSL_shutdown}: the first call sends close_notify and returns whether the peer's close_notify
     * was already seen; later calls wait for it ({@link WantReadException}) and return {@code true} once it arrived.
     */
    public boolean shutdown() throws SslException {
        requireMode();
        if (protocol == null) {
            throw new SslException("uninitialized");
        }
        checkFailure();
        wantRead = false;
        if (!handshakeDone) {
            throw new SslException("shutdown while in init");
        }
        if (!sentShutdown) {
            sentShutdown = true;
            try {
                protocol.sendCloseNotify();
            } catch (IOException | RuntimeException e) {
                throw fail(e);
            }
            return receivedShutdown;
        }
        if (receivedShutdown) {
            return true;
        }
        pump(Until.CLOSE_NOTIFY);
        if (protocol.closeNotifyReceived()) {
            receivedShutdown = true;
            return true;
        }
        if (inputEnded) {
            throw SysCallException.unexpectedEof();
        }
        wantRead = true;
        throw new WantReadException();
    }

    // ---------------------------------------------------------------- internals

    private void requireMode() throws SslException {
        if (clientMode == null) {
            throw new SslException("uninitialized");
        }
    }

    private void start() throws SslException {
        try {
            TlsPeer peer = host.createPeer(clientMode);
            if (clientMode) {
                HalfCloseClientProtocol p = new HalfCloseClientProtocol();
                protocol = p;
                host.handshakeStarted();
                p.connect((TlsClient) peer);
            } else {
                HalfCloseServerProtocol p = new HalfCloseServerProtocol();
                protocol = p;
                host.handshakeStarted();
                p.accept((TlsServer) peer);
            }
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
        noteHandshakeProgress();
    }

    /** Offers complete records until {@code until} holds or no complete record is left. */
    private void pump(Until until) throws SslException {
        TlsProtocol p = protocol.protocol();
        while (!protocol.closeNotifyReceived()) {
            if (until == Until.HANDSHAKE_DONE && handshakeDone) {
                return;
            }
            if (until == Until.DATA_AVAILABLE && p.getAvailableInputBytes() > 0) {
                return;
            }
            int size = completeRecordSize();
            if (size == 0) {
                return;
            }
            try {
                p.offerInput(inbound.array(), inbound.head(), size);
            } catch (IOException | RuntimeException e) {
                inbound.skip(size);
                throw fail(e);
            }
            inbound.skip(size);
            noteHandshakeProgress();
            if (until == Until.CLOSE_NOTIFY) {
                discardApplicationData(p);
            }
        }
    }

    private static void discardApplicationData(TlsProtocol p) {
        int available = p.getAvailableInputBytes();
        if (available > 0) {
            p.readInput(new byte[available], 0, available);
        }
    }

    /** Size of the complete record at the head of the input, 0 if incomplete; a bogus length yields just the header. */
    private int completeRecordSize() {
        if (inbound.size() < HEADER) {
            return 0;
        }
        int length = (inbound.peek(3) << 8) | inbound.peek(4);
        if (length > MAX_RECORD_BODY) {
            return HEADER;
        }
        return inbound.size() >= HEADER + length ? HEADER + length : 0;
    }

    private void noteHandshakeProgress() {
        if (!handshakeDone && protocol.protocol().isConnected()) {
            handshakeDone = true;
            host.handshakeCompleted();
        }
    }

    private void needInput() throws SslException {
        if (inputEnded) {
            if (handshakeDone && host.ignoreUnexpectedEof()) {
                receivedShutdown = true;
                throw new ZeroReturnException();
            }
            throw SysCallException.unexpectedEof();
        }
        wantRead = true;
        throw new WantReadException();
    }

    private void checkFailure() throws SslException {
        if (failure != null) {
            SslException again = new SslException(failure.errors(), failure);
            throw again;
        }
    }

    /**
     * Turns whatever bctls threw into pyOpenSSL's exception for it, remembers the failure, and rethrows a user
     * callback's own exception when one caused it.
     */
    private SslException fail(Throwable e) {
        SslException mapped = map(e);
        failure = mapped;
        if (callbackFailure != null) {
            RuntimeException original = callbackFailure;
            callbackFailure = null;
            throw original;
        }
        return mapped;
    }

    private SslException map(Throwable e) {
        if (e instanceof TlsNoCloseNotifyException) {
            return new SysCallException(-1, "Unexpected EOF", e);
        }
        if (e instanceof TlsFatalAlertReceived) {
            return new SslException(AlertReasons.received(((TlsFatalAlertReceived) e).getAlertDescription()), e);
        }
        if (failureReason != null) {
            return new SslException(failureReason, e);
        }
        if (e instanceof TlsFatalAlert) {
            return new SslException(AlertReasons.raised(((TlsFatalAlert) e).getAlertDescription()), e);
        }
        if (e instanceof SslException) {
            return (SslException) e;
        }
        String message = e.getMessage() == null ? "internal error" : e.getMessage();
        return new SslException(message, e);
    }
}
