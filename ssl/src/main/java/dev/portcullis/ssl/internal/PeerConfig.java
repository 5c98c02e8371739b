package dev.portcullis.ssl.internal;

import org.bouncycastle.tls.ProtocolVersion;

/**
 * The settings one handshake runs with, taken from the {@code Context} (and the connection's overrides) when the
 * handshake starts.
 *
 * @param versions the protocol versions to offer or accept, newest first (never empty)
 * @param cipherSuites the cipher suites in preference order, TLS 1.3 suites first (never empty)
 * @param serverPreference server: choose by our order rather than the client's ({@code OP_CIPHER_SERVER_PREFERENCE})
 * @param credentials our certificate chain and key, or {@code null}
 * @param verifyMode OpenSSL's verify mode bits
 */
public record PeerConfig(ProtocolVersion[] versions, int[] cipherSuites, boolean serverPreference,
        LocalCredentials credentials, int verifyMode) {

    /** {@code VERIFY_PEER}. */
    public boolean verifyPeer() {
        return (verifyMode & 1) != 0;
    }

    /** {@code VERIFY_FAIL_IF_NO_PEER_CERT}. */
    public boolean failIfNoPeerCertificate() {
        return (verifyMode & 2) != 0;
    }
}
