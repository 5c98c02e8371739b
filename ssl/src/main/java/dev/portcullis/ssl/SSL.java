package dev.portcullis.ssl;

import org.bouncycastle.tls.CipherSuite;

/**
 * pyOpenSSL's {@code OpenSSL.SSL} constants, with the same names and the same values, so that ported code keeps its
 * numbers (and can exchange them with OpenSSL-based tools).
 *
 * <p>Groups: the methods ({@code *_METHOD}, pyOpenSSL's own numbering) a {@link Context} is made for; protocol
 * versions ({@code *_VERSION}, the wire values of RFC 8446 §4.2.1) for {@link Context#setMinProtoVersion}; options
 * ({@code OP_*}, OpenSSL 3.0's bit values) for {@link Context#setOptions}; modes ({@code MODE_*}); verification modes
 * ({@code VERIFY_*}); session-cache modes ({@code SESS_CACHE_*}); handshake-state and info-callback bits
 * ({@code SSL_ST_*}, {@code SSL_CB_*}); shutdown-state bits; and the version-information selectors for
 * {@link #openSslVersion(int)}.
 */
public final class SSL {
    private SSL() {
    }

    // ---- methods (pyOpenSSL's numbering; SSLv2_METHOD=1 and SSLv3_METHOD=2 were removed and are refused) ----
    /** Any TLS version (historic name). */
    public static final int SSLv23_METHOD = 3;
    /** TLS 1.0 only (min = max = TLS 1.0). */
    public static final int TLSv1_METHOD = 4;
    /** TLS 1.1 only. */
    public static final int TLSv1_1_METHOD = 5;
    /** TLS 1.2 only. */
    public static final int TLSv1_2_METHOD = 6;
    /** Any TLS version, client or server. */
    public static final int TLS_METHOD = 7;
    /** Any TLS version, server side. */
    public static final int TLS_SERVER_METHOD = 8;
    /** Any TLS version, client side. */
    public static final int TLS_CLIENT_METHOD = 9;
    /** DTLS, any version (see issue 7). */
    public static final int DTLS_METHOD = 10;
    /** DTLS server (see issue 7). */
    public static final int DTLS_SERVER_METHOD = 11;
    /** DTLS client (see issue 7). */
    public static final int DTLS_CLIENT_METHOD = 12;

    // ---- protocol versions (wire values) ----
    /** SSL 3.0 (refused: obsolete and broken, RFC 7568). */
    public static final int SSL3_VERSION = 0x300;
    /** TLS 1.0 (RFC 2246). */
    public static final int TLS1_VERSION = 0x301;
    /** TLS 1.1 (RFC 4346). */
    public static final int TLS1_1_VERSION = 0x302;
    /** TLS 1.2 (RFC 5246). */
    public static final int TLS1_2_VERSION = 0x303;
    /** TLS 1.3 (RFC 8446). */
    public static final int TLS1_3_VERSION = 0x304;

    // ---- options ----
    /** No-op since OpenSSL 1.1 (SSLv2 is gone). */
    public static final long OP_NO_SSLv2 = 0;
    /** Disable SSL 3.0 (always disabled here). */
    public static final long OP_NO_SSLv3 = 0x2000000L;
    /** Disable TLS 1.0. */
    public static final long OP_NO_TLSv1 = 0x4000000L;
    /** Disable TLS 1.1. */
    public static final long OP_NO_TLSv1_1 = 0x10000000L;
    /** Disable TLS 1.2. */
    public static final long OP_NO_TLSv1_2 = 0x8000000L;
    /** Disable TLS 1.3. */
    public static final long OP_NO_TLSv1_3 = 0x20000000L;
    /** Disable TLS compression (never enabled here). */
    public static final long OP_NO_COMPRESSION = 0x20000L;
    /** Do not issue or use TLS 1.2 session tickets (RFC 5077). */
    public static final long OP_NO_TICKET = 0x4000L;
    /** DTLS: do not query the path MTU. */
    public static final long OP_NO_QUERY_MTU = 0x1000L;
    /** DTLS: require a cookie exchange. */
    public static final long OP_COOKIE_EXCHANGE = 0x2000L;
    /** Refuse renegotiation (bctls never renegotiates anyway). */
    public static final long OP_NO_RENEGOTIATION = 0x40000000L;
    /** Treat a transport EOF without close_notify like a clean close instead of an error. */
    public static final long OP_IGNORE_UNEXPECTED_EOF = 0x80L;
    /** Allow connecting to servers without RFC 5746 secure renegotiation support. */
    public static final long OP_LEGACY_SERVER_CONNECT = 0x4L;
    /** The server chooses the cipher suite by its own preference order rather than the client's. */
    public static final long OP_CIPHER_SERVER_PREFERENCE = 0x400000L;
    /** Accepted for compatibility; no effect. */
    public static final long OP_TLS_ROLLBACK_BUG = 0x800000L;
    /** Accepted for compatibility; no effect. */
    public static final long OP_DONT_INSERT_EMPTY_FRAGMENTS = 0x800L;
    /** OpenSSL 3.0's bug-workaround bundle; accepted, no effect. */
    public static final long OP_ALL = 0x80000850L;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_SINGLE_DH_USE = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_SINGLE_ECDH_USE = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_EPHEMERAL_RSA = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_MICROSOFT_SESS_ID_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_NETSCAPE_CHALLENGE_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_NETSCAPE_REUSE_CIPHER_CHANGE_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_SSLREF2_REUSE_CERT_TYPE_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_MICROSOFT_BIG_SSLV3_BUFFER = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_MSIE_SSLV2_RSA_PADDING = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_SSLEAY_080_CLIENT_DH_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_TLS_D5_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_TLS_BLOCK_PADDING_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_PKCS1_CHECK_1 = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_PKCS1_CHECK_2 = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_NETSCAPE_CA_DN_BUG = 0;
    /** Legacy name, 0 since OpenSSL 1.1. */
    public static final long OP_NETSCAPE_DEMO_CIPHER_CHANGE_BUG = 0;

    // ---- modes ----
    /** {@code send} may write less than asked (one record at most); always on, as in pyOpenSSL. */
    public static final long MODE_ENABLE_PARTIAL_WRITE = 0x1L;
    /** A retried {@code send} may pass a different buffer; always on, as in pyOpenSSL 25.2+. */
    public static final long MODE_ACCEPT_MOVING_WRITE_BUFFER = 0x2L;
    /** Reads retry transparently over non-application records. */
    public static final long MODE_AUTO_RETRY = 0x4L;
    /** Release idle buffers (Portcullis always does). */
    public static final long MODE_RELEASE_BUFFERS = 0x10L;

    // ---- verification ----
    /** Do not verify the peer (a server does not ask for a client certificate). */
    public static final int VERIFY_NONE = 0;
    /** Verify the peer's certificate chain; a server asks the client for a certificate. */
    public static final int VERIFY_PEER = 1;
    /** Server: fail the handshake when the client sends no certificate (with {@link #VERIFY_PEER}). */
    public static final int VERIFY_FAIL_IF_NO_PEER_CERT = 2;
    /** Server: ask for a client certificate only in the initial handshake. */
    public static final int VERIFY_CLIENT_ONCE = 4;

    // ---- session cache ----
    /** No session caching. */
    public static final int SESS_CACHE_OFF = 0x0;
    /** Cache client sessions. */
    public static final int SESS_CACHE_CLIENT = 0x1;
    /** Cache server sessions (the default). */
    public static final int SESS_CACHE_SERVER = 0x2;
    /** Cache both. */
    public static final int SESS_CACHE_BOTH = 0x3;
    /** Do not flush expired sessions automatically. */
    public static final int SESS_CACHE_NO_AUTO_CLEAR = 0x80;
    /** Do not look sessions up in the internal cache. */
    public static final int SESS_CACHE_NO_INTERNAL_LOOKUP = 0x100;
    /** Do not store sessions in the internal cache. */
    public static final int SESS_CACHE_NO_INTERNAL_STORE = 0x200;
    /** Both of the above. */
    public static final int SESS_CACHE_NO_INTERNAL = 0x300;

    // ---- handshake state and info-callback "where" bits ----
    /** State bit: a client handshake. */
    public static final int SSL_ST_CONNECT = 0x1000;
    /** State bit: a server handshake. */
    public static final int SSL_ST_ACCEPT = 0x2000;
    /** Mask of the state number. */
    public static final int SSL_ST_MASK = 0xfff;
    /** Info callback: a handshake state change. */
    public static final int SSL_CB_LOOP = 0x1;
    /** Info callback: a handshake call ended (ret is 1 on success, 0 or less on failure). */
    public static final int SSL_CB_EXIT = 0x2;
    /** Info callback: reading. */
    public static final int SSL_CB_READ = 0x4;
    /** Info callback: writing. */
    public static final int SSL_CB_WRITE = 0x8;
    /** Info callback: a handshake starts. */
    public static final int SSL_CB_HANDSHAKE_START = 0x10;
    /** Info callback: a handshake completed. */
    public static final int SSL_CB_HANDSHAKE_DONE = 0x20;
    /** Info callback: an alert (ret = level &lt;&lt; 8 | description). */
    public static final int SSL_CB_ALERT = 0x4000;
    /** Info callback: an alert was received. */
    public static final int SSL_CB_READ_ALERT = 0x4004;
    /** Info callback: an alert was sent. */
    public static final int SSL_CB_WRITE_ALERT = 0x4008;
    /** Info callback: client state change. */
    public static final int SSL_CB_CONNECT_LOOP = 0x1001;
    /** Info callback: client handshake call ended. */
    public static final int SSL_CB_CONNECT_EXIT = 0x1002;
    /** Info callback: server state change. */
    public static final int SSL_CB_ACCEPT_LOOP = 0x2001;
    /** Info callback: server handshake call ended. */
    public static final int SSL_CB_ACCEPT_EXIT = 0x2002;

    // ---- shutdown state ----
    /** We sent close_notify. */
    public static final int SENT_SHUTDOWN = 1;
    /** We received the peer's close_notify. */
    public static final int RECEIVED_SHUTDOWN = 2;

    // ---- version information ----
    /** {@link #openSslVersion(int)}: the version text. */
    public static final int OPENSSL_VERSION = 0;
    /** {@link #openSslVersion(int)}: build flags. */
    public static final int OPENSSL_CFLAGS = 1;
    /** {@link #openSslVersion(int)}: build date. */
    public static final int OPENSSL_BUILT_ON = 2;
    /** {@link #openSslVersion(int)}: platform. */
    public static final int OPENSSL_PLATFORM = 3;
    /** {@link #openSslVersion(int)}: directory. */
    public static final int OPENSSL_DIR = 4;
    /** Old alias of {@link #OPENSSL_VERSION}. */
    public static final int SSLEAY_VERSION = 0;
    /** Old alias of {@link #OPENSSL_CFLAGS}. */
    public static final int SSLEAY_CFLAGS = 1;
    /** Old alias of {@link #OPENSSL_BUILT_ON}. */
    public static final int SSLEAY_BUILT_ON = 2;
    /** Old alias of {@link #OPENSSL_PLATFORM}. */
    public static final int SSLEAY_PLATFORM = 3;
    /** Old alias of {@link #OPENSSL_DIR}. */
    public static final int SSLEAY_DIR = 4;
    /**
     * Portcullis is not OpenSSL; this number says which OpenSSL behaviour it follows (3.0, the version pyOpenSSL 23
     * was built against: {@code 0x30000000} = major 3, minor 0).
     */
    public static final long OPENSSL_VERSION_NUMBER = 0x30000000L;

    /**
     * pyOpenSSL's {@code OpenSSL_version(type)}: a description of the TLS implementation. Portcullis reports itself
     * and the Bouncy Castle TLS it runs on honestly (it is not OpenSSL); the five selectors give five different texts.
     *
     * @throws IllegalArgumentException for an unknown selector
     */
    public static String openSslVersion(int type) {
        String bc = CipherSuite.class.getPackage().getImplementationVersion();
        String bcVersion = bc == null ? "1.84" : bc;
        switch (type) {
            case OPENSSL_VERSION:
                return "Portcullis on Bouncy Castle TLS " + bcVersion + " (not OpenSSL; follows OpenSSL 3.0 behaviour)";
            case OPENSSL_CFLAGS:
                return "compiler: javac (Java " + System.getProperty("java.specification.version") + ")";
            case OPENSSL_BUILT_ON:
                return "built on: Java " + System.getProperty("java.version");
            case OPENSSL_PLATFORM:
                return "platform: " + System.getProperty("os.name") + "-" + System.getProperty("os.arch");
            case OPENSSL_DIR:
                return "OPENSSLDIR: n/a (certificates come from Context.loadVerifyLocations)";
            default:
                throw new IllegalArgumentException("type: unknown version selector " + type);
        }
    }

    /** Alias of {@link #openSslVersion(int)} (pyOpenSSL's {@code SSLeay_version}). */
    public static String ssleayVersion(int type) {
        return openSslVersion(type);
    }

    /**
     * What an {@link AlpnSelectCallback} returns to continue the handshake without ALPN (pyOpenSSL's sentinel of the
     * same name): compared by identity, so it is not the same as returning an empty array, which fails the handshake.
     */
    public static final byte[] NO_OVERLAPPING_PROTOCOLS = new byte[0];
}
