package dev.portcullis.ssl;

import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.ProtocolVersion;

import dev.portcullis.ssl.internal.LocalCredentials;
import dev.portcullis.ssl.internal.OpenSslCiphers.Cipher;
import dev.portcullis.ssl.internal.PeerConfig;

/** Turns a {@link Context}'s settings into what one handshake runs with ({@link PeerConfig}). */
final class HandshakeSettings {
    private static final int DEFAULT_MIN = SSL.TLS1_2_VERSION;
    private static final int[] VERSIONS = {SSL.TLS1_3_VERSION, SSL.TLS1_2_VERSION, SSL.TLS1_1_VERSION, SSL.TLS1_VERSION};
    private static final long[] NO_VERSION_OPTION = {SSL.OP_NO_TLSv1_3, SSL.OP_NO_TLSv1_2, SSL.OP_NO_TLSv1_1,
        SSL.OP_NO_TLSv1};

    private HandshakeSettings() {
    }

    static PeerConfig build(Context context, LocalCredentials credentials, int verifyMode) throws SslException {
        return build(context, context.options(), credentials, verifyMode);
    }

    static PeerConfig build(Context context, long options, LocalCredentials credentials, int verifyMode)
            throws SslException {
        ProtocolVersion[] versions = versions(context, options);
        boolean tls13 = versions[0] == ProtocolVersion.TLSv13;
        boolean legacy = versions[versions.length - 1] != ProtocolVersion.TLSv13;
        List<Integer> suites = new ArrayList<>();
        if (tls13) {
            context.tls13Ciphers().forEach(c -> suites.add(c.id()));
        }
        if (legacy) {
            for (Cipher c : context.tls12Ciphers()) {
                suites.add(c.id());
            }
        }
        if (suites.isEmpty()) {
            throw new SslException("no ciphers available");
        }
        int[] ids = suites.stream().mapToInt(Integer::intValue).toArray();
        return new PeerConfig(versions, ids, (options & SSL.OP_CIPHER_SERVER_PREFERENCE) != 0, credentials,
                verifyMode);
    }

    private static ProtocolVersion[] versions(Context context, long options) throws SslException {
        int min = context.minProtoVersion() == 0 ? SSL.TLS1_VERSION : context.minProtoVersion();
        if (context.minProtoVersion() == 0 && context.maxProtoVersion() == 0) {
            min = DEFAULT_MIN;
        }
        int max = context.maxProtoVersion() == 0 ? SSL.TLS1_3_VERSION : context.maxProtoVersion();
        List<ProtocolVersion> list = new ArrayList<>();
        for (int i = 0; i < VERSIONS.length; i++) {
            int v = VERSIONS[i];
            if (v >= min && v <= max && (options & NO_VERSION_OPTION[i]) == 0) {
                list.add(ProtocolVersion.get(v >> 8, v & 0xff));
            }
        }
        if (list.isEmpty()) {
            throw new SslException("no protocols available");
        }
        return list.toArray(new ProtocolVersion[0]);
    }
}
