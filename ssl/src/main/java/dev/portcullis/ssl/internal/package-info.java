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
 * <p><b>Where the extension features go</b> (issue 7): SNI callback — {@code ServerPeer.processClientExtensions} →
 * {@code HandshakeHooks.clientHelloExtensions} (already records the name) and {@code serverCredentials()} (called after
 * the ClientHello, so a callback that switches the Context switches the certificate); ALPN —
 * {@code AbstractTlsClient.getProtocolNames} / {@code AbstractTlsServer.selectProtocolName} overridden in the peers,
 * delegating to new hook methods; sessions — {@code getSessionToResume}/{@code getNewSessionID}/
 * {@code getSessionToResume(byte[])} and {@code notifyHandshakeComplete} ({@code context.getResumableSession()}), with
 * a per-Context cache; OCSP — {@code getCertificateStatusRequest} / {@code getCertificateStatus} and the client's
 * {@code TlsServerCertificate.getCertificateStatus()} in {@code notifyServerCertificate}; key logging — secrets via
 * {@link dev.portcullis.ssl.internal.SecretBytes} in {@code notifyHandshakeComplete} (TLS 1.2 master secret) and the
 * TLS 1.3 traffic secrets from {@code SecurityParameters}; client-certificate selection —
 * {@code HandshakeHooks.clientCredentials(CertificateRequest)} already receives the server's request (issuers,
 * signature algorithms).
 */
package dev.portcullis.ssl.internal;
