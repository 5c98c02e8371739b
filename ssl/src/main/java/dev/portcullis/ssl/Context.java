package dev.portcullis.ssl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.CryptoException;
import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Store;
import dev.portcullis.ssl.internal.OpenSslCiphers;
import dev.portcullis.ssl.internal.OpenSslCiphers.Cipher;
import dev.portcullis.ssl.internal.PeerConfig;

/**
 * pyOpenSSL's {@code SSL.Context}: the settings shared by TLS connections — protocol versions, cipher suites, our
 * certificate and key, how to verify the peer, callbacks. A {@link Connection} is made from a Context.
 *
 * <p>Defaults follow pyOpenSSL on OpenSSL 3: nothing is verified until {@link #setVerify} is called; verify depth
 * -1; session timeout 7200 s; session cache mode {@link SSL#SESS_CACHE_SERVER}; options {@code 0x120000}; mode
 * {@code ENABLE_PARTIAL_WRITE | ACCEPT_MOVING_WRITE_BUFFER | AUTO_RETRY}; OpenSSL's {@code DEFAULT} cipher list and
 * TLS 1.3 suites. The version range defaults to TLS 1.2–1.3 (what Debian's OpenSSL configuration allows); TLS 1.0
 * and 1.1 are available through {@link #setMinProtoVersion} or the {@code TLSv1_METHOD}/{@code TLSv1_1_METHOD}
 * methods.
 *
 * <p>Thread safety, as pyOpenSSL 26: configure a Context first, then share it. Once a Connection was made from it
 * (or switched to it with {@link Connection#setContext}), every setter fails with {@link IllegalStateException}, so
 * a shared Context cannot change under running connections.
 */
public final class Context {
    private static final long DEFAULT_OPTIONS = 0x120000L;
    private static final long DEFAULT_MODE = SSL.MODE_ENABLE_PARTIAL_WRITE | SSL.MODE_ACCEPT_MOVING_WRITE_BUFFER
            | SSL.MODE_AUTO_RETRY;

    private final int method;
    private volatile boolean used;
    private int minVersion;
    private int maxVersion;
    private long options = DEFAULT_OPTIONS;
    private long mode = DEFAULT_MODE;
    private List<Cipher> cipherList = OpenSslCiphers.defaults();
    private List<Cipher> tls13Suites = OpenSslCiphers.parseTls13(OpenSslCiphers.DEFAULT_TLS13);
    private final Credentials credentials = new Credentials();
    private int verifyMode;
    private VerifyCallback verifyCallback;
    private int verifyDepth = -1;
    private final X509Store certStore = new X509Store();
    private Object appData;
    private int timeout = 7200;
    private int sessionCacheMode = SSL.SESS_CACHE_SERVER;
    private InfoCallback infoCallback;
    private PasswordCallback passwordCallback;
    private Object passwordUserData;
    private volatile PeerConfig sharedConfig;
    private ServernameCallback servernameCallback;
    private List<byte[]> alpnProtos;
    private AlpnSelectCallback alpnSelectCallback;
    private byte[] sessionIdContext = new byte[0];
    private final SessionCache sessionCache = new SessionCache();
    private final SessionTickets sessionTickets = new SessionTickets();
    private List<dev.portcullis.crypto.X509Name> clientCaList = List.of();
    private ClientCertCallback clientCertCallback;
    private KeylogCallback keylogCallback;
    private Object ocspCallback;
    private Object ocspData;
    private int[] groups;
    private org.bouncycastle.tls.crypto.DHGroup dhParameters;

    /**
     * A context for {@code method}: {@link SSL#TLS_METHOD} (or its synonyms {@link SSL#SSLv23_METHOD},
     * {@link SSL#TLS_CLIENT_METHOD}, {@link SSL#TLS_SERVER_METHOD}) for any TLS version, or
     * {@link SSL#TLSv1_METHOD}, {@link SSL#TLSv1_1_METHOD}, {@link SSL#TLSv1_2_METHOD} for exactly that version.
     *
     * @throws IllegalArgumentException {@code "No such protocol"} for SSLv2/SSLv3 (1, 2) and unknown values; DTLS
     *     methods ({@code DTLS_METHOD}, {@code DTLS_CLIENT_METHOD}, {@code DTLS_SERVER_METHOD}) are refused with an
     *     explanation: Bouncy Castle's DTLS ({@code DTLSClientProtocol}/{@code DTLSServerProtocol}) runs only as a
     *     blocking loop over a {@code DatagramTransport}, with its own retransmission timers, so it cannot give
     *     OpenSSL's memory-BIO behaviour ({@code bioRead}/{@code bioWrite}, {@code WantReadError},
     *     {@code DTLSv1_get_timeout}/{@code handle_timeout}, {@code DTLSv1_listen} with cookies) honestly; the DTLS
     *     API (cookie callbacks, MTU, SRTP) is therefore not offered
     */
    public Context(int method) {
        switch (method) {
            case SSL.SSLv23_METHOD:
            case SSL.TLS_METHOD:
            case SSL.TLS_CLIENT_METHOD:
            case SSL.TLS_SERVER_METHOD:
                break;
            case SSL.TLSv1_METHOD:
                pin(SSL.TLS1_VERSION);
                break;
            case SSL.TLSv1_1_METHOD:
                pin(SSL.TLS1_1_VERSION);
                break;
            case SSL.TLSv1_2_METHOD:
                pin(SSL.TLS1_2_VERSION);
                break;
            case SSL.DTLS_METHOD:
            case SSL.DTLS_CLIENT_METHOD:
            case SSL.DTLS_SERVER_METHOD:
                throw new IllegalArgumentException("method: DTLS is not supported (Bouncy Castle's DTLS engine is "
                        + "blocking-only and cannot run over memory BIOs)");
            default:
                throw new IllegalArgumentException("No such protocol");
        }
        this.method = method;
    }

    private void pin(int version) {
        minVersion = version;
        maxVersion = version;
    }

    /** The method this context was made for. */
    public int getMethod() {
        return method;
    }

    // ------------------------------------------------------------------ versions, options, modes

    /**
     * The lowest protocol version to use ({@link SSL#TLS1_2_VERSION} ...), or 0 for the lowest supported (TLS 1.0).
     *
     * @throws IllegalArgumentException for a value that is not a TLS version
     */
    public void setMinProtoVersion(int version) {
        checkMutable();
        minVersion = checkVersion(version, false);
    }

    /**
     * The highest protocol version to use, or 0 for the highest supported (TLS 1.3).
     *
     * @throws IllegalArgumentException for a value that is not a TLS version (including SSL 3.0)
     */
    public void setMaxProtoVersion(int version) {
        checkMutable();
        maxVersion = checkVersion(version, true);
    }

    private static int checkVersion(int version, boolean max) {
        boolean ok = version == 0 || (version >= SSL.TLS1_VERSION && version <= SSL.TLS1_3_VERSION)
                || (!max && version == SSL.SSL3_VERSION);
        if (!ok) {
            throw new IllegalArgumentException("version: 0x" + Integer.toHexString(version) + " is not a TLS version");
        }
        return version;
    }

    int minProtoVersion() {
        return minVersion;
    }

    int maxProtoVersion() {
        return maxVersion;
    }

    /**
     * Adds option bits ({@code SSL.OP_*}) and returns the new mask. Honoured: {@code OP_NO_TLSv1*},
     * {@code OP_CIPHER_SERVER_PREFERENCE}, {@code OP_NO_TICKET} (no RFC 5077 tickets asked for or issued; sessions
     * then resume by ID only), {@code OP_NO_RENEGOTIATION} (always true here),
     * {@code OP_IGNORE_UNEXPECTED_EOF}; the others are accepted and recorded.
     */
    public long setOptions(long options) {
        checkMutable();
        this.options |= options;
        return this.options;
    }

    long options() {
        return options;
    }

    /** Adds mode bits ({@code SSL.MODE_*}) and returns the new mask. */
    public long setMode(long mode) {
        checkMutable();
        this.mode |= mode;
        return this.mode;
    }

    /** Removes mode bits and returns the new mask. */
    public long clearMode(long mode) {
        checkMutable();
        this.mode &= ~mode;
        return this.mode;
    }

    // ------------------------------------------------------------------ ciphers

    /**
     * Chooses the TLS 1.2-and-below cipher suites with an OpenSSL cipher string, e.g. {@code "ECDHE+AESGCM:!aNULL"},
     * {@code "HIGH:!MD5:@STRENGTH"} (syntax in OpenSSL's {@code ciphers(1)}; see {@code OpenSslCiphers}). Unknown words
     * are ignored as long as something matches. TLS 1.3 suites are set with {@link #setTls13Ciphersuites}.
     *
     * @throws SslException {@code ('SSL routines', '', 'no cipher match')} when nothing bctls implements matches
     */
    public void setCipherList(String cipherList) throws SslException {
        checkMutable();
        List<Cipher> parsed = OpenSslCiphers.parse(requireText(cipherList, "cipherList"));
        if (parsed.isEmpty()) {
            throw new SslException("no cipher match");
        }
        this.cipherList = parsed;
    }

    /** {@link #setCipherList(String)} for pyOpenSSL's bytes form (ASCII). */
    public void setCipherList(byte[] cipherList) throws SslException {
        setCipherList(new String(requireBytes(cipherList, "cipherList"), StandardCharsets.US_ASCII));
    }

    /**
     * Chooses the TLS 1.3 cipher suites, colon-separated IANA names such as
     * {@code "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256"}.
     *
     * @throws SslException {@code 'no cipher match'} when none of the names is a TLS 1.3 suite bctls implements
     */
    public void setTls13Ciphersuites(String ciphersuites) throws SslException {
        checkMutable();
        List<Cipher> parsed = OpenSslCiphers.parseTls13(requireText(ciphersuites, "ciphersuites"));
        if (parsed.isEmpty()) {
            throw new SslException("no cipher match");
        }
        this.tls13Suites = parsed;
    }

    /** {@link #setTls13Ciphersuites(String)} for pyOpenSSL's bytes form. */
    public void setTls13Ciphersuites(byte[] ciphersuites) throws SslException {
        setTls13Ciphersuites(new String(requireBytes(ciphersuites, "ciphersuites"), StandardCharsets.US_ASCII));
    }

    /** The enabled suites by OpenSSL name, TLS 1.3 suites first (what {@link Connection#getCipherList} reports). */
    List<String> cipherNames() {
        List<String> names = new ArrayList<>();
        tls13Suites.forEach(c -> names.add(c.name()));
        cipherList.forEach(c -> names.add(c.name()));
        return names;
    }

    // ------------------------------------------------------------------ our certificate and key

    /** Uses {@code certificate} as ours (the leaf sent to the peer). */
    public void useCertificate(X509Certificate certificate) throws SslException {
        checkMutable();
        credentials.useCertificate(certificate);
    }

    /** {@link #useCertificate(X509Certificate)} for an {@link X509}. */
    public void useCertificate(X509 certificate) throws SslException {
        useCertificate(Credentials.javaCertificate(certificate));
    }

    /**
     * Uses {@code key} as our private key.
     *
     * @throws SslException {@code ('x509 certificate routines', '', 'key values mismatch')} when a certificate is set
     *     and this key does not belong to it
     */
    public void usePrivateKey(PrivateKey key) throws SslException {
        checkMutable();
        credentials.usePrivateKey(key);
    }

    /** {@link #usePrivateKey(PrivateKey)} for a {@link PKey}. */
    public void usePrivateKey(PKey key) throws SslException {
        usePrivateKey(Credentials.privateHalf(key));
    }

    /** Appends a certificate to the chain sent after ours (an intermediate CA). */
    public void addExtraChainCert(X509Certificate certificate) {
        checkMutable();
        credentials.addExtraChainCert(certificate);
    }

    /** {@link #addExtraChainCert(X509Certificate)} for an {@link X509}. */
    public void addExtraChainCert(X509 certificate) {
        addExtraChainCert(Credentials.javaCertificate(certificate));
    }

    /** Reads our certificate from a file ({@code Crypto.FILETYPE_PEM} or {@code FILETYPE_ASN1}). */
    public void useCertificateFile(String file, int filetype) throws SslException {
        checkMutable();
        credentials.useCertificate(CertificateFiles.readOne(Path.of(requireText(file, "certfile")), filetype));
    }

    /** {@link #useCertificateFile(String, int)} with PEM. */
    public void useCertificateFile(String file) throws SslException {
        useCertificateFile(file, CertificateFiles.FILETYPE_PEM);
    }

    /** {@link #useCertificateFile(String, int)} for a {@link Path}. */
    public void useCertificateFile(Path file, int filetype) throws SslException {
        useCertificateFile(file.toString(), filetype);
    }

    /**
     * Reads our chain from a PEM file: our certificate first, then the intermediates (replacing any extra chain
     * certificates).
     */
    public void useCertificateChainFile(String file) throws SslException {
        checkMutable();
        List<X509Certificate> chain = CertificateFiles.readAll(Path.of(requireText(file, "certfile")));
        credentials.useChain(chain);
    }

    /** {@link #useCertificateChainFile(String)} for a {@link Path}. */
    public void useCertificateChainFile(Path file) throws SslException {
        useCertificateChainFile(file.toString());
    }

    /**
     * Reads our private key from a file ({@code Crypto.FILETYPE_PEM} or {@code FILETYPE_ASN1}); an encrypted PEM key
     * is decrypted with the passphrase from {@link #setPasswdCb} (whose exceptions propagate unchanged).
     *
     * @throws SslException when the file is missing, not a key, the passphrase is wrong, or the key does not match the
     *     certificate
     */
    public void usePrivateKeyFile(String file, int filetype) throws SslException {
        checkMutable();
        byte[] data = CertificateFiles.read(Path.of(requireText(file, "keyfile")));
        PKey key;
        try {
            key = Crypto.loadPrivateKey(filetype, data, writing -> passphrase());
        } catch (CryptoException e) {
            throw new SslException(e.errors().isEmpty() ? java.util.List.of(
                    new CryptoException.Entry(SslException.SSL_ROUTINES, "", String.valueOf(e.getMessage())))
                    : e.errors(), e);
        }
        credentials.usePrivateKey(Credentials.privateHalf(key));
    }

    /** {@link #usePrivateKeyFile(String, int)} with PEM. */
    public void usePrivateKeyFile(String file) throws SslException {
        usePrivateKeyFile(file, CertificateFiles.FILETYPE_PEM);
    }

    /** {@link #usePrivateKeyFile(String, int)} for a {@link Path}. */
    public void usePrivateKeyFile(Path file, int filetype) throws SslException {
        usePrivateKeyFile(file.toString(), filetype);
    }

    /** The passphrase from the callback, truncated to OpenSSL's 1024 bytes; empty without a callback. */
    private byte[] passphrase() {
        if (passwordCallback == null) {
            return new byte[0];
        }
        byte[] result = passwordCallback.passphrase(1024, false, passwordUserData);
        if (result == null) {
            throw new IllegalArgumentException("the passphrase callback must return bytes, not null");
        }
        return result.length > 1024 ? java.util.Arrays.copyOf(result, 1024) : result;
    }

    /**
     * Checks that the private key belongs to the certificate.
     *
     * @throws SslException {@code 'no certificate assigned'}, {@code 'no private key assigned'} or
     *     {@code 'key values mismatch'}
     */
    public void checkPrivateKey() throws SslException {
        credentials.check();
    }

    /**
     * The callback that supplies passphrases for encrypted key files, with {@code userData} passed back to it.
     *
     * @throws IllegalArgumentException {@code "callback must be callable"} for {@code null}
     */
    public void setPasswdCb(PasswordCallback callback, Object userData) {
        checkMutable();
        if (callback == null) {
            throw new IllegalArgumentException("callback must be callable");
        }
        this.passwordCallback = callback;
        this.passwordUserData = userData;
    }

    /** {@link #setPasswdCb(PasswordCallback, Object)} with no user data. */
    public void setPasswdCb(PasswordCallback callback) {
        setPasswdCb(callback, null);
    }

    PasswordCallback passwordCallback() {
        return passwordCallback;
    }

    Object passwordUserData() {
        return passwordUserData;
    }

    Credentials credentials() {
        return credentials;
    }

    // ------------------------------------------------------------------ verification

    /**
     * How to verify the peer: {@link SSL#VERIFY_NONE}, or {@link SSL#VERIFY_PEER} optionally with
     * {@link SSL#VERIFY_FAIL_IF_NO_PEER_CERT} and {@link SSL#VERIFY_CLIENT_ONCE}.
     */
    public void setVerify(int mode) {
        setVerify(mode, null);
    }

    /**
     * {@link #setVerify(int)} with a callback that judges each certificate of the peer's chain (see
     * {@link VerifyCallback}); {@code null} means OpenSSL's default judgement. Exceptions the callback throws are
     * rethrown from the handshake.
     */
    public void setVerify(int mode, VerifyCallback callback) {
        checkMutable();
        this.verifyMode = mode;
        this.verifyCallback = callback;
    }

    VerifyCallback verifyCallback() {
        return verifyCallback;
    }

    /**
     * Trusts the certificates (and CRLs) in {@code cafile} (PEM) and/or the hashed directory {@code capath}
     * ({@code <subject hash>.0} files, as {@code openssl rehash} makes).
     *
     * @throws SslException when both are {@code null} (no entries), the file cannot be read, or it holds nothing
     */
    public void loadVerifyLocations(String cafile, String capath) throws SslException {
        checkMutable();
        try {
            certStore.loadLocations(cafile, capath);
        } catch (CryptoException e) {
            throw new SslException(e.errors(), e);
        }
    }

    /** {@link #loadVerifyLocations(String, String)} with only a CA file. */
    public void loadVerifyLocations(String cafile) throws SslException {
        loadVerifyLocations(cafile, null);
    }

    /** {@link #loadVerifyLocations(String, String)} with {@link Path}s (either may be {@code null}). */
    public void loadVerifyLocations(Path cafile, Path capath) throws SslException {
        loadVerifyLocations(cafile == null ? null : cafile.toString(), capath == null ? null : capath.toString());
    }

    /**
     * Trusts the platform's default CAs: {@code SSL_CERT_FILE}/{@code SSL_CERT_DIR} when set, else the system
     * OpenSSL's {@code cert.pem} and {@code certs/} (Debian: {@code /usr/lib/ssl}), else the JDK's {@code cacerts}.
     */
    public void setDefaultVerifyPaths() {
        checkMutable();
        certStore.setDefaultPaths();
    }

    /**
     * The trust store this context verifies peers against: a live view, so certificates added to it are trusted by
     * connections made afterwards (even after the context was used, as in OpenSSL).
     */
    public X509Store getCertStore() {
        return certStore;
    }

    /** The verify mode, 0 for a fresh context. */
    public int getVerifyMode() {
        return verifyMode;
    }

    /** The longest chain (number of intermediate CAs) accepted; -1 (OpenSSL's default, meaning 100) when unset. */
    public void setVerifyDepth(int depth) {
        checkMutable();
        this.verifyDepth = depth;
    }

    /** The verify depth, -1 for a fresh context. */
    public int getVerifyDepth() {
        return verifyDepth;
    }

    // ------------------------------------------------------------------ miscellaneous

    /** Attaches any object for the application's own use. */
    public void setAppData(Object data) {
        checkMutable();
        this.appData = data;
    }

    /** The object given to {@link #setAppData}, or {@code null}. */
    public Object getAppData() {
        return appData;
    }

    /** Sets the session timeout in seconds and returns the previous one. */
    public int setTimeout(int seconds) {
        checkMutable();
        int previous = timeout;
        timeout = seconds;
        return previous;
    }

    /** The session timeout in seconds (7200 by default, as OpenSSL 3). */
    public int getTimeout() {
        return timeout;
    }

    /**
     * Sets the session cache mode ({@code SSL.SESS_CACHE_*}) and returns the previous one. Honoured on a server:
     * {@link SSL#SESS_CACHE_SERVER} (keep sessions for resumption by ID), {@link SSL#SESS_CACHE_NO_INTERNAL_LOOKUP},
     * {@link SSL#SESS_CACHE_NO_INTERNAL_STORE}; a client keeps no cache of its own (as OpenSSL: pass
     * {@link Connection#getSession} to {@link Connection#setSession}).
     */
    public int setSessionCacheMode(int mode) {
        checkMutable();
        int previous = sessionCacheMode;
        sessionCacheMode = mode;
        return previous;
    }

    /**
     * The session ID context: a server resumes only sessions made under the same context bytes, so that servers (or
     * virtual hosts) with different requirements never resume each other's sessions. At most 32 bytes.
     *
     * @throws SslException {@code ('SSL routines', '', 'ssl session id context too long')} above 32 bytes
     */
    public void setSessionId(byte[] buf) throws SslException {
        checkMutable();
        if (buf == null) {
            throw new IllegalArgumentException("buf must be a byte string, not null");
        }
        if (buf.length > 32) {
            throw new SslException("ssl session id context too long");
        }
        sessionIdContext = buf.clone();
    }

    byte[] sessionIdContext() {
        return sessionIdContext;
    }

    SessionCache sessionCache() {
        return sessionCache;
    }

    SessionTickets sessionTickets() {
        return sessionTickets;
    }

    /** The session cache mode ({@link SSL#SESS_CACHE_SERVER} by default). */
    public int getSessionCacheMode() {
        return sessionCacheMode;
    }

    /** The callback told about handshake progress and alerts of every connection made from this context. */
    public void setInfoCallback(InfoCallback callback) {
        checkMutable();
        this.infoCallback = callback;
    }

    InfoCallback infoCallback() {
        return infoCallback;
    }

    /**
     * The callback that receives every connection's secrets as SSLKEYLOGFILE lines (see {@link KeylogCallback}), for
     * decrypting captured traffic while debugging. {@code null} turns key logging off.
     */
    public void setKeylogCallback(KeylogCallback callback) {
        checkMutable();
        this.keylogCallback = callback;
    }

    KeylogCallback keylogCallback() {
        return keylogCallback;
    }

    /**
     * Server: the callback that supplies the OCSP response to staple (see {@link OcspServerCallback}), with
     * {@code data} passed back to it. As in OpenSSL a context has one OCSP callback slot: this replaces a client
     * callback.
     */
    public void setOcspServerCallback(OcspServerCallback callback, Object data) {
        setOcsp(callback, data);
    }

    /** {@link #setOcspServerCallback(OcspServerCallback, Object)} without data. */
    public void setOcspServerCallback(OcspServerCallback callback) {
        setOcsp(callback, null);
    }

    /**
     * Client: the callback that judges the stapled OCSP response of connections that called
     * {@link Connection#requestOcsp} (see {@link OcspClientCallback}); replaces a server callback (one slot).
     */
    public void setOcspClientCallback(OcspClientCallback callback, Object data) {
        setOcsp(callback, data);
    }

    /** {@link #setOcspClientCallback(OcspClientCallback, Object)} without data. */
    public void setOcspClientCallback(OcspClientCallback callback) {
        setOcsp(callback, null);
    }

    private void setOcsp(Object callback, Object data) {
        checkMutable();
        if (callback == null) {
            throw new IllegalArgumentException("callback must be callable");
        }
        ocspCallback = callback;
        ocspData = data;
    }

    OcspServerCallback ocspServerCallback() {
        return ocspCallback instanceof OcspServerCallback ? (OcspServerCallback) ocspCallback : null;
    }

    OcspClientCallback ocspClientCallback() {
        return ocspCallback instanceof OcspClientCallback ? (OcspClientCallback) ocspCallback : null;
    }

    Object ocspData() {
        return ocspData;
    }

    // ------------------------------------------------------------------ client certificates

    /**
     * Server: the certificate authorities named in the CertificateRequest (RFC 5246 §7.4.4, RFC 8446 §4.2.4), so a
     * client with several certificates can pick one these CAs issued. Replaces the list; the names are copied.
     */
    public void setClientCaList(List<dev.portcullis.crypto.X509Name> certificateAuthorities) {
        checkMutable();
        clientCaList = List.copyOf(ClientCertificates.copyNames(certificateAuthorities));
    }

    /** Server: appends {@code certificateAuthority}'s subject to the client CA list. */
    public void addClientCa(X509 certificateAuthority) {
        checkMutable();
        if (certificateAuthority == null) {
            throw new IllegalArgumentException("certificate_authority must be an X509 instance");
        }
        List<dev.portcullis.crypto.X509Name> names = new ArrayList<>(clientCaList);
        names.add(certificateAuthority.getSubject());
        clientCaList = List.copyOf(ClientCertificates.copyNames(names));
    }

    /** {@link #addClientCa(X509)} for a JDK certificate. */
    public void addClientCa(X509Certificate certificateAuthority) {
        addClientCa(certificateAuthority == null ? null : X509.fromJavaCertificate(certificateAuthority));
    }

    /**
     * Server: sets the client CA list to the subjects of the certificates in a PEM file.
     *
     * @throws SslException when the file cannot be read or holds no certificate
     */
    public void loadClientCa(String cafile) throws SslException {
        checkMutable();
        clientCaList = List.copyOf(ClientCertificates.subjectsIn(cafile));
    }

    /** {@link #loadClientCa(String)} for a {@link Path}. */
    public void loadClientCa(Path cafile) throws SslException {
        loadClientCa(cafile == null ? null : cafile.toString());
    }

    List<dev.portcullis.crypto.X509Name> clientCaList() {
        return clientCaList;
    }

    /**
     * Client, beyond pyOpenSSL: the callback that chooses a certificate when the server asks for one and none was set
     * with {@link #useCertificate}/{@link #usePrivateKey}; see {@link ClientCertCallback}. {@code null} removes it.
     */
    public void setClientCertCallback(ClientCertCallback callback) {
        checkMutable();
        this.clientCertCallback = callback;
    }

    ClientCertCallback clientCertCallback() {
        return clientCertCallback;
    }

    // ------------------------------------------------------------------ key exchange groups

    /**
     * Restricts the (EC)DHE key exchange to {@code curve} (OpenSSL 3's {@code SSL_CTX_set_tmp_ecdh}, which sets the
     * group list to that one curve), e.g. {@code Crypto.getEllipticCurve("secp384r1")}.
     *
     * @throws SslException when TLS has no group for the curve (e.g. a binary curve bctls does not negotiate)
     */
    public void setTmpEcdh(dev.portcullis.crypto.EllipticCurve curve) throws SslException {
        checkMutable();
        groups = new int[] {Groups.namedGroupOf(curve)};
    }

    int[] groups() {
        return groups;
    }

    /**
     * Server: the Diffie-Hellman parameters for TLS 1.2 DHE suites, from a PEM file of PKCS#3 parameters
     * ({@code openssl dhparam}, or {@code openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048}). RFC 7919
     * groups are recognised and named; other primes are sent explicitly (clients may refuse unknown groups).
     *
     * @throws SslException when the file is missing or holds no DH parameters
     */
    public void loadTmpDh(String dhfile) throws SslException {
        checkMutable();
        dhParameters = Groups.readDhParameters(dhfile);
    }

    /** {@link #loadTmpDh(String)} for a {@link Path}. */
    public void loadTmpDh(Path dhfile) throws SslException {
        loadTmpDh(dhfile == null ? null : dhfile.toString());
    }

    org.bouncycastle.tls.crypto.DHGroup dhParameters() {
        return dhParameters;
    }

    // ------------------------------------------------------------------ SNI and ALPN

    /**
     * Server: the callback called once per ClientHello, before the certificate is chosen, to look at the requested
     * host name ({@link Connection#getServername}) and switch the connection to another context
     * ({@link Connection#setContext}); see {@link ServernameCallback}. {@code null} removes it.
     */
    public void setTlsextServernameCallback(ServernameCallback callback) {
        checkMutable();
        this.servernameCallback = callback;
    }

    ServernameCallback servernameCallback() {
        return servernameCallback;
    }

    /**
     * Client: the application protocols to offer with ALPN (RFC 7301), most preferred first, e.g.
     * {@code List.of("h2".getBytes(), "http/1.1".getBytes())}. The list is copied.
     *
     * @throws IllegalArgumentException for an empty list ("at least one protocol must be specified") or a name of
     *     256 bytes or more
     * @throws SslException for an empty name
     */
    public void setAlpnProtos(List<byte[]> protocols) throws SslException {
        checkMutable();
        this.alpnProtos = Alpn.checkedOffer(protocols);
    }

    List<byte[]> alpnProtos() {
        return alpnProtos;
    }

    /** Server: the callback that chooses the protocol from the client's ALPN offer; see {@link AlpnSelectCallback}. */
    public void setAlpnSelectCallback(AlpnSelectCallback callback) {
        checkMutable();
        this.alpnSelectCallback = callback;
    }

    AlpnSelectCallback alpnSelectCallback() {
        return alpnSelectCallback;
    }

    // ------------------------------------------------------------------ internals

    /** Called when a Connection is made from (or switched to) this context: from now on it is read-only. */
    void markUsed() {
        used = true;
    }

    void checkMutable() {
        if (used) {
            throw new IllegalStateException(
                    "Context has already been used to create a Connection, it cannot be mutated again");
        }
    }

    /**
     * The handshake settings; computed once, since a used context no longer changes (a race computes the same value
     * twice, harmlessly, instead of making every handshake take a lock).
     */
    PeerConfig peerConfig() throws SslException {
        PeerConfig config = sharedConfig;
        if (config == null) {
            config = HandshakeSettings.build(this, credentials.resolve(), verifyMode);
            sharedConfig = config;
        }
        return config;
    }

    List<Cipher> tls12Ciphers() {
        return cipherList;
    }

    List<Cipher> tls13Ciphers() {
        return tls13Suites;
    }

    private static String requireText(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be a string, not null");
        }
        return value;
    }

    private static byte[] requireBytes(byte[] value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be a byte string, not null");
        }
        return value;
    }
}
