package dev.portcullis.ssl;

import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.ssl.internal.LocalCredentials;
import dev.portcullis.ssl.internal.OpenSslCiphers;
import dev.portcullis.ssl.internal.PeerConfig;
import dev.portcullis.ssl.internal.SocketTransport;
import dev.portcullis.ssl.internal.TlsEngine;

/**
 * pyOpenSSL's {@code SSL.Connection}: one TLS connection, over memory buffers or over a socket.
 *
 * <p><b>Memory-BIO mode</b> ({@code new Connection(context)}): the connection never touches the network. Bytes the
 * peer sent go in with {@link #bioWrite}; bytes for the peer come out with {@link #bioRead}. Every operation that
 * needs the peer's bytes first raises {@link WantReadException}: move bytes, then call it again. This is how to run
 * TLS over any transport, or two connections in one thread (see {@link MemoryPair}).
 *
 * <p><b>Socket mode</b> ({@code new Connection(context, socket)} or {@code (context, channel)}): the connection reads
 * and writes the socket itself. With a blocking socket every call returns when done; with a non-blocking
 * {@link SocketChannel} calls raise {@link WantReadException} / {@link WantWriteException} as OpenSSL does, to be
 * retried when the channel is ready. See {@link SocketIo} for the details of the socket side.
 *
 * <p>Before the handshake choose a side with {@link #setConnectState()} (client) or {@link #setAcceptState()}
 * (server); the handshake then runs on {@link #doHandshake()} or implicitly on the first {@link #send}/{@link #recv}.
 * A connection belongs to one thread at a time.
 *
 * <p>Renegotiation: Bouncy Castle's TLS engine does not renegotiate (and refuses a peer's request with a
 * no_renegotiation warning); {@link #renegotiate()} raises an {@link SslException} saying so.
 */
public final class Connection {
    /** {@link #recv(int, int)} flag: look at the data without consuming it (the value of {@code socket.MSG_PEEK}). */
    public static final int MSG_PEEK = 2;
    /** {@link #sockShutdown(int)}: no more receiving. */
    public static final int SHUT_RD = 0;
    /** {@link #sockShutdown(int)}: no more sending. */
    public static final int SHUT_WR = 1;
    /** {@link #sockShutdown(int)}: neither. */
    public static final int SHUT_RDWR = 2;

    private Context context;
    private final TlsEngine engine;
    private final ConnectionHooks hooks;
    private final SocketIo socket;
    private Credentials credentials;
    private Integer verifyMode;
    private dev.portcullis.crypto.internal.verify.VerifyParams identity;
    private VerifyCallback verifyCallback;
    private List<X509> verifiedChain;
    private long options;
    private InfoCallback infoCallback;
    private Object appData;
    private HandshakeResult handshake;
    private byte[] serverName;
    private List<byte[]> alpnProtos;
    private Session sessionToResume;
    private boolean ocspRequested;
    private List<byte[]> receivedPeerChain = List.of();
    private Session session;
    private List<dev.portcullis.crypto.X509Name> receivedCaList = List.of();

    /**
     * A memory-BIO connection made from {@code context} (which becomes read-only).
     *
     * @throws IllegalArgumentException {@code "context must be a Context instance"} for {@code null}
     */
    public Connection(Context context) {
        this(context, (SocketTransport) null);
    }

    /** A connection over {@code socket} (connected now or later with {@link #connect}). */
    public Connection(Context context, Socket socket) {
        this(context, SocketTransport.of(requireSocket(socket)));
    }

    /** A connection over {@code channel}; when the channel is non-blocking, calls raise Want* exceptions. */
    public Connection(Context context, SocketChannel channel) {
        this(context, SocketTransport.of(requireSocket(channel)));
    }

    /** A listening connection: {@link #accept()} gives a server connection per client. */
    public Connection(Context context, java.net.ServerSocket listener) {
        this(context, SocketTransport.listening(requireSocket(listener)));
    }

    /** A listening connection over a server socket channel: {@link #accept()} gives a server connection per client. */
    public Connection(Context context, java.nio.channels.ServerSocketChannel listener) {
        this(context, SocketTransport.listening(requireSocket(listener)));
    }

    private Connection(Context context, SocketTransport transport) {
        if (context == null) {
            throw new IllegalArgumentException("context must be a Context instance");
        }
        context.markUsed();
        this.context = context;
        this.options = context.options();
        this.hooks = new ConnectionHooks(this);
        this.engine = new TlsEngine(hooks);
        this.socket = transport == null ? null : new SocketIo(transport, engine);
    }

    private static <T> T requireSocket(T socket) {
        if (socket == null) {
            throw new IllegalArgumentException("argument must be a socket or socket channel, not null");
        }
        return socket;
    }

    // ------------------------------------------------------------------ context and settings

    /** The context this connection uses. */
    public Context getContext() {
        return context;
    }

    /**
     * Switches to another context (e.g. from a server-name callback, to present another certificate). As in OpenSSL
     * the verify settings are not taken from the new context.
     */
    public void setContext(Context context) {
        if (context == null) {
            throw new IllegalArgumentException("context must be a Context instance");
        }
        context.markUsed();
        if (verifyMode == null) {
            verifyMode = this.context.getVerifyMode();
        }
        this.context = context;
    }

    /** Adds option bits for this connection only and returns its new mask. */
    public long setOptions(long options) {
        this.options |= options;
        return this.options;
    }

    long options() {
        return options;
    }

    /** Uses {@code certificate} for this connection instead of the context's. */
    public void useCertificate(X509Certificate certificate) throws SslException {
        ownCredentials().useCertificate(certificate);
    }

    /** Uses {@code key} for this connection instead of the context's; refused if it does not match the certificate. */
    public void usePrivateKey(PrivateKey key) throws SslException {
        ownCredentials().usePrivateKey(key);
    }

    /** {@link #usePrivateKey(PrivateKey)} for a {@link PKey}. */
    public void usePrivateKey(PKey key) throws SslException {
        usePrivateKey(Credentials.privateHalf(key));
    }

    private Credentials ownCredentials() {
        if (credentials == null) {
            credentials = context.credentials().copy();
        }
        return credentials;
    }

    /** Overrides the context's verify mode for this connection (without a callback). */
    public void setVerify(int mode) {
        setVerify(mode, null);
    }

    /**
     * Overrides the context's verify mode and callback for this connection. Unlike a Context's callback, exceptions
     * thrown by this one are not rethrown: the handshake fails with "certificate verify failed" (pyOpenSSL's rule).
     */
    public void setVerify(int mode, VerifyCallback callback) {
        this.verifyMode = mode;
        this.verifyCallback = callback;
    }

    /** The verification settings in force: the connection's own, or the context's. */
    PeerVerification.VerifySettings verifySettings() {
        if (verifyMode != null) {
            return new PeerVerification.VerifySettings(verifyCallback, false, context.getVerifyDepth(), identity);
        }
        return new PeerVerification.VerifySettings(context.verifyCallback(), true, context.getVerifyDepth(), identity);
    }

    /** Host/IP identity the peer's certificate must match (set by {@link TlsClients}), or {@code null}. */
    void setIdentity(dev.portcullis.crypto.internal.verify.VerifyParams identity) {
        this.identity = identity;
    }

    /** The verify mode in force for this connection. */
    public int getVerifyMode() {
        return verifyMode != null ? verifyMode : context.getVerifyMode();
    }

    /** An info callback for this connection only (replacing the context's for it). */
    public void setInfoCallback(InfoCallback callback) {
        this.infoCallback = callback;
    }

    InfoCallback infoCallback() {
        return infoCallback != null ? infoCallback : context.infoCallback();
    }

    /** Attaches any object for the application's own use. */
    public void setAppData(Object data) {
        this.appData = data;
    }

    /** The object given to {@link #setAppData}, or {@code null}. */
    public Object getAppData() {
        return appData;
    }

    /**
     * Client: the host name to send in the server_name extension (SNI, RFC 6066 §3), so that a server hosting
     * several names can pick the right certificate. ASCII (an A-label for internationalized names).
     *
     * @throws IllegalArgumentException for {@code null} ("name must be a byte string") or a NUL byte inside
     */
    public void setTlsextHostName(byte[] name) {
        if (name == null) {
            throw new IllegalArgumentException("name must be a byte string");
        }
        for (byte b : name) {
            if (b == 0) {
                throw new IllegalArgumentException("name must not contain NUL byte");
            }
        }
        this.serverName = name.clone();
    }

    /**
     * The SNI host name: on a client, what {@link #setTlsextHostName} set; on a server, what the client sent
     * (available once its ClientHello was read); {@code null} if none.
     */
    public byte[] getServername() {
        return serverName == null ? null : serverName.clone();
    }

    /** Client: the ALPN offer for this connection, replacing the context's (see {@link Context#setAlpnProtos}). */
    public void setAlpnProtos(List<byte[]> protocols) throws SslException {
        this.alpnProtos = Alpn.checkedOffer(protocols);
    }

    List<byte[]> alpnOffer() {
        return alpnProtos != null ? alpnProtos : context.alpnProtos();
    }

    /**
     * The application protocol agreed with ALPN, or an empty array when none was (no offer, no server callback,
     * {@link SSL#NO_OVERLAPPING_PROTOCOLS}, or before the handshake) — pyOpenSSL's {@code b""}.
     */
    public byte[] getAlpnProtoNegotiated() {
        byte[] protocol = handshake == null ? null : handshake.alpn();
        return protocol == null ? new byte[0] : protocol.clone();
    }

    /**
     * The client CA list: on a server, its Context's (before and after the handshake); on a client, the names the
     * server's CertificateRequest carried (empty before it arrived). Copies.
     */
    public List<dev.portcullis.crypto.X509Name> getClientCaList() {
        boolean client = Boolean.TRUE.equals(engine.clientMode());
        return ClientCertificates.copyNames(client ? receivedCaList : context.clientCaList());
    }

    void recordReceivedCaList(List<dev.portcullis.crypto.X509Name> names) {
        this.receivedCaList = List.copyOf(names);
    }

    /**
     * Client: asks the server to staple an OCSP response to its certificate (RFC 6066 §8) in the next handshake; the
     * context's {@link OcspClientCallback} then sees it. Without this call no OCSP callback is called on either side.
     */
    public void requestOcsp() {
        ocspRequested = true;
    }

    boolean ocspRequested() {
        return ocspRequested;
    }

    // ------------------------------------------------------------------ sessions

    /**
     * The TLS session of this connection, to resume later with {@link #setSession}; {@code null} before the
     * handshake. See {@link Session} for what resumes.
     */
    public Session getSession() {
        return session;
    }

    /**
     * Client: asks the next handshake to resume {@code session} (from {@link #getSession} of an earlier connection
     * made from the same Context). If the server no longer has it, a full handshake happens; {@link #sessionReused}
     * tells which.
     *
     * @throws IllegalArgumentException for {@code null} ("session must be a Session instance") or a session another
     *     Context made ("session must have been created by a Connection using the same Context as this one",
     *     pyOpenSSL 26.3)
     */
    public void setSession(Session session) {
        if (session == null) {
            throw new IllegalArgumentException("session must be a Session instance");
        }
        if (session.owner() != null && session.owner() != context) {
            throw new IllegalArgumentException(
                    "session must have been created by a Connection using the same Context as this one");
        }
        this.sessionToResume = session;
    }

    Session sessionToResume() {
        return sessionToResume;
    }

    private byte[] offeredTicket;
    private byte[] receivedTicket;

    /** Server: the session ticket the client offered (empty: it asks for one), or {@code null} (no extension). */
    void recordOfferedTicket(byte[] ticket) {
        this.offeredTicket = ticket;
    }

    byte[] offeredTicket() {
        return offeredTicket;
    }

    /** Client: the ticket the server issued in this handshake. */
    void recordReceivedTicket(byte[] ticket) {
        this.receivedTicket = ticket;
    }

    byte[] receivedTicket() {
        return receivedTicket;
    }

    void recordSession(Session session) {
        this.session = session;
    }

    /** Whether the completed handshake resumed a session (OpenSSL's {@code SSL_session_reused}). */
    public boolean sessionReused() {
        return handshake != null && handshake.resumed();
    }

    byte[] requestedServerName() {
        return serverName;
    }

    void recordReceivedServerName(byte[] name) {
        this.serverName = name.clone();
    }

    // ------------------------------------------------------------------ handshake

    /** This end is the client; the handshake starts on the next operation. */
    public void setConnectState() {
        engine.setClientMode(true);
    }

    /** This end is the server. */
    public void setAcceptState() {
        engine.setClientMode(false);
    }

    /**
     * Runs the TLS handshake as far as possible.
     *
     * @throws WantReadException the peer's next bytes are needed (memory mode, or a non-blocking channel)
     * @throws SslException {@code 'connection type not set'} before a state was chosen, or the handshake failed
     */
    public void doHandshake() throws SslException {
        if (socket == null) {
            engine.doHandshake();
        } else {
            socket.handshake();
        }
    }

    // ------------------------------------------------------------------ application data

    /**
     * Encrypts and sends up to one record (16 KiB) of {@code data}; returns how many bytes were taken.
     *
     * @throws IllegalArgumentException for {@code null}
     */
    public int send(byte[] data) throws SslException {
        requireBuffer(data);
        return send(data, 0, data.length);
    }

    /** {@link #send(byte[])} for a slice. */
    public int send(byte[] data, int offset, int length) throws SslException {
        requireSlice(data, offset, length);
        return socket == null ? engine.write(data, offset, length) : socket.write(data, offset, length);
    }

    /** Alias of {@link #send(byte[])}. */
    public int write(byte[] data) throws SslException {
        return send(data);
    }

    /** Sends all of {@code data} (several records if needed); returns its length. */
    public int sendall(byte[] data) throws SslException {
        requireBuffer(data);
        int offset = 0;
        while (offset < data.length) {
            offset += send(data, offset, data.length - offset);
        }
        return data.length;
    }

    /**
     * Receives up to {@code bufsiz} bytes of application data (at most one record's worth).
     *
     * @throws WantReadException no data yet
     * @throws ZeroReturnException the peer closed with close_notify
     * @throws SysCallException {@code (-1, "Unexpected EOF")}: the peer's stream ended without close_notify (also for
     *     {@code bufsiz == 0}, as pyOpenSSL)
     */
    public byte[] recv(int bufsiz) throws SslException {
        return recv(bufsiz, 0);
    }

    /** {@link #recv(int)} with {@code flags}: {@link #MSG_PEEK} looks without consuming; other bits are ignored. */
    public byte[] recv(int bufsiz, int flags) throws SslException {
        if (bufsiz < 0) {
            throw new IllegalArgumentException("bufsiz must not be negative, got " + bufsiz);
        }
        if (bufsiz == 0) {
            throw SysCallException.unexpectedEof();
        }
        byte[] buffer = new byte[Math.min(bufsiz, 16384)];
        int n = readInto(buffer, 0, buffer.length, (flags & MSG_PEEK) != 0);
        return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
    }

    /** Alias of {@link #recv(int)}. */
    public byte[] read(int bufsiz) throws SslException {
        return recv(bufsiz);
    }

    /**
     * Receives into {@code buffer}: at most {@code min(nbytes, buffer.length)} bytes ({@code nbytes <= 0} means the
     * whole buffer); returns the count. Never writes past the buffer.
     */
    public int recvInto(byte[] buffer, int nbytes, int flags) throws SslException {
        requireBuffer(buffer);
        int limit = nbytes <= 0 ? buffer.length : Math.min(nbytes, buffer.length);
        if (limit == 0) {
            throw SysCallException.unexpectedEof();
        }
        return readInto(buffer, 0, limit, (flags & MSG_PEEK) != 0);
    }

    /** {@link #recvInto(byte[], int, int)} filling up to the whole buffer. */
    public int recvInto(byte[] buffer) throws SslException {
        return recvInto(buffer, 0, 0);
    }

    private int readInto(byte[] buffer, int offset, int length, boolean peek) throws SslException {
        return socket == null ? engine.read(buffer, offset, length, peek) : socket.read(buffer, offset, length, peek);
    }

    /** Decrypted bytes ready for {@link #recv} without more input (0 when fresh). */
    public int pending() {
        return engine.pending();
    }

    // ------------------------------------------------------------------ memory BIO

    /**
     * Takes up to {@code bufsiz} bytes of ciphertext to send to the peer.
     *
     * @throws WantReadException nothing is waiting (also for {@code bufsiz == 0})
     * @throws IllegalStateException in socket mode ("Connection sock was not None")
     */
    public byte[] bioRead(int bufsiz) throws SslException {
        requireMemory();
        if (bufsiz < 0) {
            throw new IllegalArgumentException("bufsiz must not be negative, got " + bufsiz);
        }
        byte[] buffer = new byte[Math.min(bufsiz, Math.max(engine.pendingOutput(), 1))];
        int n = engine.bioRead(buffer, 0, buffer.length);
        return n == buffer.length ? buffer : Arrays.copyOf(buffer, n);
    }

    /** Takes ciphertext into {@code buffer}; returns the count. {@link WantReadException} when nothing is waiting. */
    public int bioRead(byte[] buffer, int offset, int length) throws SslException {
        requireMemory();
        requireSlice(buffer, offset, length);
        return engine.bioRead(buffer, offset, length);
    }

    /** Ciphertext waiting to be taken with {@link #bioRead}. */
    public int bioPending() {
        return engine.pendingOutput();
    }

    /**
     * Gives the connection ciphertext the peer sent; returns its length.
     *
     * @throws WantReadException for an empty buffer (as pyOpenSSL)
     */
    public int bioWrite(byte[] data) throws SslException {
        requireMemory();
        requireBuffer(data);
        return engine.bioWrite(data, 0, data.length);
    }

    /** {@link #bioWrite(byte[])} for a slice. */
    public int bioWrite(byte[] data, int offset, int length) throws SslException {
        requireMemory();
        requireSlice(data, offset, length);
        return engine.bioWrite(data, offset, length);
    }

    /** Marks the end of the peer's ciphertext (the transport closed). */
    public void bioShutdown() {
        requireMemory();
        engine.bioShutdown();
    }

    /** Whether the last operation stopped because it needs the peer's bytes. */
    public boolean wantRead() {
        return engine.wantRead();
    }

    /**
     * Whether the last operation stopped because the transport could not take its output (OpenSSL's
     * {@code SSL_want_write}): only a non-blocking socket does that; in memory-BIO mode writing never blocks, so this is
     * {@code false} — use {@link #bioPending()} to see whether ciphertext waits for {@link #bioRead}.
     */
    public boolean wantWrite() {
        return socket != null && socket.hasUnsent();
    }

    // ------------------------------------------------------------------ shutdown

    /**
     * Closes the TLS connection (OpenSSL's {@code SSL_shutdown}): the first call sends close_notify and returns
     * {@code false} unless the peer's close_notify already arrived; call again to wait for it ({@code true} once it
     * did, {@link WantReadException} until then).
     */
    public boolean shutdown() throws SslException {
        return socket == null ? engine.shutdown() : socket.shutdown();
    }

    /** The shutdown state: {@link SSL#SENT_SHUTDOWN} and/or {@link SSL#RECEIVED_SHUTDOWN}. */
    public int getShutdown() {
        return engine.shutdownState();
    }

    /** Sets the shutdown state bits without sending anything. */
    public void setShutdown(int state) {
        engine.setShutdownState(state);
    }

    /** Shuts down the socket ({@link #SHUT_RD}, {@link #SHUT_WR}, {@link #SHUT_RDWR}); socket mode only. */
    public void sockShutdown(int how) throws SslException {
        requireSocketMode().sockShutdown(how);
    }

    // ------------------------------------------------------------------ what was negotiated

    /** The negotiated cipher's OpenSSL name ({@code "TLS_AES_256_GCM_SHA384"}), or {@code null} before the handshake. */
    public String getCipherName() {
        OpenSslCiphers.Cipher c = negotiatedCipher();
        return c == null ? null : c.name();
    }

    private OpenSslCiphers.Cipher negotiatedCipher() {
        return handshake == null ? null : OpenSslCiphers.byId(handshake.cipherSuite());
    }

    /** The negotiated cipher's key bits, or {@code null} before the handshake. */
    public Integer getCipherBits() {
        OpenSslCiphers.Cipher c = negotiatedCipher();
        return c == null ? null : c.bits();
    }

    /** The protocol version the negotiated cipher was defined for ({@code "TLSv1.3"}, {@code "TLSv1.2"}), or null. */
    public String getCipherVersion() {
        OpenSslCiphers.Cipher c = negotiatedCipher();
        return c == null ? null : c.version();
    }

    /** The enabled cipher suites by OpenSSL name, TLS 1.3 suites first. */
    public List<String> getCipherList() {
        return context.cipherNames();
    }

    /** The negotiated protocol ({@code "TLSv1.3"}); before the handshake, the highest this connection would use. */
    public String getProtocolVersionName() {
        int v = getProtocolVersion();
        return v == SSL.TLS1_VERSION ? "TLSv1" : "TLSv1." + ((v & 0xff) - 1);
    }

    /** The negotiated protocol's wire value ({@code 0x304}); before the handshake, the highest configured. */
    public int getProtocolVersion() {
        if (handshake != null && handshake.version() != null) {
            return handshake.version().getFullVersion();
        }
        try {
            return peerConfig().versions()[0].getFullVersion();
        } catch (SslException e) {
            return SSL.TLS1_3_VERSION;
        }
    }

    /** OpenSSL's long state text ({@code "before SSL initialization"}, ..., {@code "SSL negotiation finished successfully"}). */
    public String getStateString() {
        if (engine.isFailed()) {
            return "error";
        }
        if (!engine.isStarted()) {
            return "before SSL initialization";
        }
        if (engine.isHandshakeDone()) {
            return "SSL negotiation finished successfully";
        }
        boolean client = Boolean.TRUE.equals(engine.clientMode());
        return client ? "SSLv3/TLS write client hello" : "SSLv3/TLS read client hello";
    }

    /** Our Finished message's verify_data, or {@code null} before the handshake. */
    public byte[] getFinished() {
        return handshake == null ? null : copy(handshake.localFinished());
    }

    /** The peer's Finished verify_data, or {@code null} before the handshake. */
    public byte[] getPeerFinished() {
        return handshake == null ? null : copy(handshake.peerFinished());
    }

    /** The ClientHello random (32 bytes), or {@code null} before the handshake. */
    public byte[] clientRandom() {
        return handshake == null ? null : copy(handshake.clientRandom());
    }

    /** The ServerHello random (32 bytes), or {@code null} before the handshake. */
    public byte[] serverRandom() {
        return handshake == null ? null : copy(handshake.serverRandom());
    }

    /** The TLS 1.2 master secret (48 bytes); {@code null} before the handshake and for TLS 1.3. A secret: handle with care. */
    public byte[] masterKey() {
        return handshake == null ? null : copy(handshake.masterSecret());
    }

    /**
     * Keying material exported from the session (RFC 5705; RFC 8446 §7.5 for TLS 1.3): both ends compute the same
     * {@code length} bytes from the same {@code label} and optional {@code context}, and nobody else can. Use a label
     * registered for your protocol, or one starting with "EXPERIMENTAL".
     *
     * @param context per-use context, or {@code null} for none (in TLS 1.2 "none" and "empty" differ)
     * @throws SslException before the handshake completed
     */
    public byte[] exportKeyingMaterial(byte[] label, int length, byte[] context) throws SslException {
        return hooks.exportKeyingMaterial(label, length, context);
    }

    /**
     * A TLS channel binding, beyond pyOpenSSL: {@code "tls-exporter"} (RFC 9266; 32 bytes from the exporter — the one
     * to use with TLS 1.3), {@code "tls-unique"} (RFC 5929 §3: the first Finished message; TLS 1.2 and below only) or
     * {@code "tls-server-end-point"} (RFC 5929 §4: the hash of the server's certificate, with its signature's hash,
     * SHA-256 for MD5/SHA-1; undefined for Ed25519/Ed448 certificates).
     *
     * @throws SslException before the handshake, or when the type is not defined for this connection
     * @throws IllegalArgumentException for an unknown type
     */
    public byte[] getChannelBinding(String type) throws SslException {
        return ChannelBindings.compute(this, type);
    }

    /**
     * The key-exchange group the handshake used, as OpenSSL names it ({@code "X25519"}, {@code "secp256r1"},
     * {@code "ffdhe2048"}), or {@code null} before the handshake or for a key exchange without one (RSA, explicit DH
     * parameters). pyOpenSSL 24's {@code get_group_name}. Known on both ends in TLS 1.3; in TLS 1.2 only on the
     * server (bctls's client does not record the group of the ServerKeyExchange, so a TLS 1.2 client reports
     * {@code null}).
     */
    public String getGroupName() {
        return handshake == null ? null : Groups.openSslName(hooks.negotiatedGroup(handshake.group()));
    }

    /** The peer's certificate chain as DER (leaf first), empty before the handshake or when it sent none. */
    List<byte[]> peerChainDer() {
        return handshake == null ? receivedPeerChain : handshake.peerChain();
    }

    /** The peer's chain as it arrives, so callbacks later in the same handshake (OCSP) can see it. */
    void recordReceivedPeerChain(List<byte[]> chain) {
        this.receivedPeerChain = List.copyOf(chain);
    }

    /** The certificate this connection presents, or {@code null}. */
    public X509 getCertificate() {
        X509Certificate certificate = (credentials != null ? credentials : context.credentials()).certificate();
        return certificate == null ? null : X509.fromJavaCertificate(certificate);
    }

    /** The peer's certificate, or {@code null} (before the handshake, or a client that sent none). */
    public X509 getPeerCertificate() {
        List<byte[]> chain = peerChainDer();
        return chain.isEmpty() ? null : Crypto.loadCertificate(Crypto.FILETYPE_ASN1, chain.get(0));
    }

    /**
     * The certificates the peer sent, as OpenSSL's {@code SSL_get_peer_cert_chain}: on the client, the server's
     * certificate followed by its chain; on the server, the client's chain <em>without</em> its own certificate (so
     * an empty list when the client sent one certificate). {@code null} before the handshake or when the peer sent
     * none.
     */
    public List<X509> getPeerCertChain() {
        List<byte[]> chain = peerChainDer();
        if (chain.isEmpty()) {
            return null;
        }
        boolean client = Boolean.TRUE.equals(engine.clientMode());
        List<byte[]> sent = client ? chain : chain.subList(1, chain.size());
        return sent.stream().map(der -> Crypto.loadCertificate(Crypto.FILETYPE_ASN1, der)).toList();
    }

    /**
     * The chain verification built, from the peer's certificate to the trust anchor, or {@code null} before the
     * handshake or when the peer sent no certificate. With {@code VERIFY_NONE} the chain is built on first request.
     */
    public List<X509> getVerifiedChain() {
        if (handshake == null || peerChainDer().isEmpty()) {
            return null;
        }
        if (verifiedChain == null) {
            verifiedChain = hooks.verifiedChainAfterTheFact();
        }
        return verifiedChain;
    }

    void recordVerifiedChain(List<X509> chain) {
        this.verifiedChain = chain;
    }

    // ------------------------------------------------------------------ renegotiation

    /** Always fails: Bouncy Castle's TLS engine cannot renegotiate. */
    public boolean renegotiate() throws SslException {
        throw new SslException("renegotiation is not supported (Bouncy Castle's TLS engine never renegotiates)");
    }

    /** Always {@code false} (no renegotiation ever happens). */
    public boolean renegotiatePending() {
        return false;
    }

    /** Always 0. */
    public int totalRenegotiations() {
        return 0;
    }

    // ------------------------------------------------------------------ socket mode

    /** Socket mode: a stream view reading application data (end of stream after the peer's close_notify). */
    public java.io.InputStream getInputStream() throws SslException {
        return requireSocketMode().inputStream(this);
    }

    /** Socket mode: a stream view sending application data ({@code close()} shuts TLS down). */
    public java.io.OutputStream getOutputStream() throws SslException {
        return requireSocketMode().outputStream(this);
    }

    /** Socket mode: connects the socket to {@code address} and becomes the client side. */
    public void connect(java.net.SocketAddress address) throws java.io.IOException {
        requireSocketMode().connect(address);
        setConnectState();
    }

    /** Like {@link #connect} but returns an errno instead of raising (0 connected, 115 EINPROGRESS, 111 ECONNREFUSED). */
    public int connectEx(java.net.SocketAddress address) {
        setConnectState();
        try {
            return requireSocketMode().connectEx(address);
        } catch (SslException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What {@link #accept()} returns: the new server connection and the client's address (pyOpenSSL's tuple). */
    public record Accepted(Connection connection, java.net.SocketAddress address) {
    }

    /**
     * Listening mode: waits for a client and returns a new Connection over it, made from the <em>same</em> context and
     * already in accept (server) state, with the client's address.
     */
    public Accepted accept() throws java.io.IOException {
        return requireSocketMode().accept(context);
    }

    /** The socket or channel under this connection, or {@code null} in memory mode. */
    public Object getSocket() {
        return socket == null ? null : socket.handle();
    }

    // ------------------------------------------------------------------ internals

    TlsEngine engine() {
        return engine;
    }

    PeerConfig peerConfig() throws SslException {
        if (credentials == null && verifyMode == null && options == context.options()) {
            return context.peerConfig();
        }
        Credentials own = credentials != null ? credentials : context.credentials();
        return HandshakeSettings.build(context, options, own.resolve(), getVerifyMode());
    }

    LocalCredentials localCredentials() throws SslException {
        return (credentials != null ? credentials : context.credentials()).resolve();
    }

    void recordHandshake(HandshakeResult result) {
        this.handshake = result;
    }

    private void requireMemory() {
        if (socket != null) {
            throw new IllegalStateException("Connection sock was not None");
        }
    }

    private SocketIo requireSocketMode() throws SslException {
        if (socket == null) {
            throw new SslException("not a socket connection (memory-BIO mode)");
        }
        return socket;
    }

    private static void requireBuffer(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("buf must be a byte array, not null");
        }
    }

    private static void requireSlice(byte[] data, int offset, int length) {
        requireBuffer(data);
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " do not fit a buffer of " + data.length);
        }
    }

    private static byte[] copy(byte[] data) {
        return data == null ? null : data.clone();
    }
}
