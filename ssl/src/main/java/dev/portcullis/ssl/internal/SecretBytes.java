package dev.portcullis.ssl.internal;

import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.AbstractTlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsSecret;

/**
 * Reads a bctls secret's bytes without destroying it. ({@code TlsSecret.extract()} wipes the secret, which would break
 * session resumption and exporters that still need it; OpenSSL's {@code SSL_SESSION_get_master_key} only copies.)
 * Used for pyOpenSSL's {@code master_key()} and, later, key logging.
 */
public final class SecretBytes extends BcTlsSecret {
    private SecretBytes() {
        super(HybridTlsCrypto.shared(), new byte[0]);
    }

    /** A copy of the secret's bytes, or {@code null} when there is no secret (or it was already destroyed). */
    public static byte[] copyOf(TlsSecret secret) {
        if (!(secret instanceof AbstractTlsSecret) || !secret.isAlive()) {
            return null;
        }
        return copyData((AbstractTlsSecret) secret);
    }
}
