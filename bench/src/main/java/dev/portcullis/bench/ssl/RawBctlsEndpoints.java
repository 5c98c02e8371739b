package dev.portcullis.bench.ssl;

import java.io.IOException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * The competitor "raw bctls": bctls's non-blocking protocol classes driven directly, with a chosen {@link TlsCrypto},
 * no verification, one pinned version and cipher suite. What Portcullis adds on top (pyOpenSSL semantics, callbacks,
 * verification) is measured against this.
 */
final class RawBctlsEndpoints {
    /** Which TlsCrypto the raw endpoints use. */
    enum CryptoKind { BC, JCA_JDK }

    private final TlsCrypto crypto;
    private final ProtocolVersion version;
    private final int suite;
    private final TlsCertificate[] chain;
    private final AsymmetricKeyParameter bcKey;
    private final PrivateKey jcaKey;
    private final SignatureAndHashAlgorithm scheme;

    RawBctlsEndpoints(CryptoKind kind, ProtocolVersion version, int suite, byte[] certDer, byte[] pkcs8,
            String jcaKeyAlgorithm, SignatureAndHashAlgorithm scheme) throws Exception {
        SecureRandom random = new SecureRandom();
        this.crypto = kind == CryptoKind.BC ? new BcTlsCrypto(random) : new JcaTlsCryptoProvider().create(random);
        this.version = version;
        this.suite = suite;
        this.chain = new TlsCertificate[] {crypto.createCertificate(certDer)};
        this.bcKey = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(pkcs8));
        this.jcaKey = KeyFactory.getInstance(jcaKeyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        this.scheme = scheme;
    }

    /** The server's session cache (by session ID) and the client's last session, for resumption benchmarks. */
    private final java.util.Map<java.nio.ByteBuffer, org.bouncycastle.tls.TlsSession> serverSessions =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final SecureRandom idRandom = new SecureRandom();
    private boolean sessionIds;
    org.bouncycastle.tls.TlsSession lastClientSession;
    boolean lastResumed;

    /** Turns on TLS 1.2 session IDs: the server assigns and caches them, clients offer {@link #lastClientSession}. */
    RawBctlsEndpoints withSessionIds() {
        sessionIds = true;
        return this;
    }

    TlsClientProtocol newClient() throws IOException {
        return newClient(null);
    }

    /** A client offering {@code resume} (or nothing). */
    TlsClientProtocol newClient(org.bouncycastle.tls.TlsSession resume) throws IOException {
        TlsClientProtocol protocol = new TlsClientProtocol();
        protocol.connect(new DefaultTlsClient(crypto) {
            @Override
            public org.bouncycastle.tls.TlsSession getSessionToResume() {
                return resume;
            }

            @Override
            public void notifyHandshakeComplete() throws IOException {
                super.notifyHandshakeComplete();
                lastClientSession = context.getResumableSession();
                lastResumed = context.getSecurityParametersConnection() != null
                        ? context.getSecurityParametersConnection().isResumedSession()
                        : context.getSecurityParametersHandshake().isResumedSession();
            }

            @Override
            protected ProtocolVersion[] getSupportedVersions() {
                return new ProtocolVersion[] {version};
            }

            @Override
            protected int[] getSupportedCipherSuites() {
                return new int[] {suite};
            }

            @Override
            public TlsAuthentication getAuthentication() {
                return new TlsAuthentication() {
                    @Override
                    public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                    }

                    @Override
                    public TlsCredentials getClientCredentials(CertificateRequest request) {
                        return null;
                    }
                };
            }
        });
        return protocol;
    }

    TlsServerProtocol newServer() throws IOException {
        TlsServerProtocol protocol = new TlsServerProtocol();
        protocol.accept(new DefaultTlsServer(crypto) {
            @Override
            public byte[] getNewSessionID() {
                if (!sessionIds) {
                    return null;
                }
                byte[] id = new byte[32];
                idRandom.nextBytes(id);
                return id;
            }

            @Override
            public org.bouncycastle.tls.TlsSession getSessionToResume(byte[] sessionID) {
                return sessionIds ? serverSessions.get(java.nio.ByteBuffer.wrap(sessionID)) : null;
            }

            @Override
            public void notifyHandshakeComplete() throws IOException {
                super.notifyHandshakeComplete();
                org.bouncycastle.tls.TlsSession session = context.getResumableSession();
                if (sessionIds && session != null) {
                    serverSessions.put(java.nio.ByteBuffer.wrap(session.getSessionID()), session);
                }
            }

            @Override
            protected ProtocolVersion[] getSupportedVersions() {
                return new ProtocolVersion[] {version};
            }

            @Override
            protected int[] getSupportedCipherSuites() {
                return new int[] {suite};
            }

            @Override
            public TlsCredentials getCredentials() {
                Certificate certificate = TlsUtils.isTLSv13(context)
                        ? new Certificate(TlsUtils.EMPTY_BYTES, new CertificateEntry[] {new CertificateEntry(chain[0], null)})
                        : new Certificate(chain);
                TlsCryptoParameters parameters = new TlsCryptoParameters(context);
                if (crypto instanceof BcTlsCrypto) {
                    return new BcDefaultTlsCredentialedSigner(parameters, (BcTlsCrypto) crypto, bcKey, certificate, scheme);
                }
                return new JcaDefaultTlsCredentialedSigner(parameters, (JcaTlsCrypto) crypto, jcaKey, certificate, scheme);
            }
        });
        return protocol;
    }
}
