package dev.portcullis.ssl.internal;

import java.io.IOException;

import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsHash;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * The keying-material exporter of one finished handshake (RFC 5705 for TLS 1.2, RFC 8446 §7.5 for TLS 1.3).
 *
 * <p>bctls lets exporters run only inside {@code notifyHandshakeComplete()} and then wipes the secrets; OpenSSL (and
 * so pyOpenSSL) allows {@code export_keying_material} at any time after the handshake. So the exporter secret is
 * copied when the handshake completes (the TLS 1.3 exporter_master_secret, or the TLS 1.2 master secret) and the
 * exporter is computed here from the copy, with bctls's own PRF and HKDF-Expand-Label.
 */
public final class KeyingMaterial {
    private final SecurityParameters parameters;
    private final boolean tls13;
    private final byte[] secret;

    private KeyingMaterial(SecurityParameters parameters, boolean tls13, byte[] secret) {
        this.parameters = parameters;
        this.tls13 = tls13;
        this.secret = secret;
    }

    /** Captures the exporter secret; call from {@code notifyHandshakeComplete()}. {@code null} if there is none. */
    public static KeyingMaterial capture(SecurityParameters parameters) {
        boolean tls13 = ProtocolVersion.TLSv13.equals(parameters.getNegotiatedVersion());
        byte[] secret = SecretBytes.copyOf(tls13 ? parameters.getExporterMasterSecret() : parameters.getMasterSecret());
        return secret == null ? null : new KeyingMaterial(parameters, tls13, secret);
    }

    /** {@code length} bytes for {@code label} and {@code context} ({@code null}: none). */
    public byte[] export(String label, byte[] context, int length) throws IOException {
        if (context != null && !TlsUtils.isValidUint16(context.length)) {
            throw new IllegalArgumentException("context must be shorter than 65536 bytes");
        }
        TlsSecret master = HybridTlsCrypto.shared().createSecret(secret);
        if (!tls13) {
            byte[] seed = TlsUtils.calculateExporterSeed(parameters, context);
            return TlsUtils.PRF(parameters, master, label, seed, length).extract();
        }
        int hash = parameters.getPRFCryptoHashAlgorithm();
        byte[] emptyHash = HybridTlsCrypto.shared().createHash(hash).calculateHash();
        // Derive-Secret(secret, label, "") = HKDF-Expand-Label(secret, label, Hash(""), Hash.length)
        TlsSecret derived = TlsCryptoUtils.hkdfExpandLabel(master, hash, label, emptyHash, emptyHash.length);
        TlsHash contextHash = HybridTlsCrypto.shared().createHash(hash);
        byte[] value = context == null ? new byte[0] : context;
        contextHash.update(value, 0, value.length);
        return TlsCryptoUtils.hkdfExpandLabel(derived, hash, "exporter", contextHash.calculateHash(), length).extract();
    }
}
