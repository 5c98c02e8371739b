/**
 * The TLS engine under {@code Connection}: not exported.
 *
 * <p><b>Layers.</b> {@link dev.portcullis.ssl.internal.TlsEngine} drives bctls's non-blocking
 * {@code TlsClientProtocol}/{@code TlsServerProtocol} (subclassed as {@code HalfCloseClientProtocol/HalfCloseServerProtocol} for OpenSSL's
 * close_notify semantics) with OpenSSL's memory-BIO behaviour: ciphertext in/out, one record offered at a time,
 * WantRead, WantWrite, ZeroReturn and SysCall outcomes, sticky failures, and the first exception a user callback threw rethrown in place of
 * the TLS error. {@link dev.portcullis.ssl.internal.ClientPeer} / {@link dev.portcullis.ssl.internal.ServerPeer} are
 * the bctls peers for one handshake: their settings come from an immutable
 * {@link dev.portcullis.ssl.internal.PeerConfig} (computed once per Context), and every decision goes through
 * {@link dev.portcullis.ssl.internal.HandshakeHooks}, which the public package's {@code ConnectionHooks} implements.
 * Socket mode ({@code SocketIo} in the public package) is a loop around the same engine.
 *
 * <p><b>Crypto.</b> {@link dev.portcullis.ssl.internal.HybridTlsCrypto}: Bouncy Castle lightweight for asymmetric work
 * and the key schedule, the JDK's SunJCE for AES-GCM and ChaCha20-Poly1305 records
 * ({@link dev.portcullis.ssl.internal.JdkAeadCipher}). {@link dev.portcullis.ssl.internal.SecretBytes} copies bctls
 * secrets without destroying them; {@link dev.portcullis.ssl.internal.KeyingMaterial} keeps the exporter secret that
 * bctls wipes after the handshake.
 *
 * <p><b>Where the extension features are</b> (issue 7): each is a {@link dev.portcullis.ssl.internal.HandshakeHooks}
 * method called by the peers at the matching bctls method, implemented by the public package's
 * {@code ConnectionHooks} with one small class per feature. SNI — {@code ServerPeer.processClientExtensions} (before
 * ALPN, as OpenSSL) runs the servername callback, which may switch the Context; credentials and cipher selection read
 * the current Context afterwards. ALPN — {@code getProtocolNames}/{@code selectProtocolName} ({@code Alpn}); the
 * client refuses an unoffered choice. Sessions — {@code getSessionToResume}/{@code getNewSessionID}/
 * {@code getSessionToResume(byte[])} and {@code notifyHandshakeComplete} ({@code Sessions}, a per-Context
 * {@code SessionCache}), RFC 5077 tickets via {@code getServerExtensions}/{@code getNewSessionTicket} and the
 * ClientHello's session_ticket read in {@code getSessionToResume(byte[])} ({@code SessionTickets}); sessions are deep-copied because bctls destroys the master secret of a session it offered.
 * OCSP — {@code getCertificateStatusRequest}, {@code allowCertificateStatus}/{@code getCertificateStatus} (TLS 1.2), the
 * leaf CertificateEntry status_request (TLS 1.3, both roles) and the
 * client's {@code notifyServerCertificate} ({@code OcspStapling}). Key logging — TLS 1.3 handshake secrets are read
 * when bctls asks the server for credentials and when the client gets EncryptedExtensions, the rest at completion
 * ({@code KeyLog}). Client certificates — {@code clientCredentials(CertificateRequest)} ({@code ClientCertificates}).
 * Groups — {@code getSupportedGroups}, {@code selectECDH}, {@code getDHConfig} ({@code Groups}).
 */
package dev.portcullis.ssl.internal;
