package dev.portcullis.ssl;

import java.util.List;

import dev.portcullis.crypto.PKey;
import dev.portcullis.crypto.X509;

/**
 * What a {@link ClientCertCallback} returns: the certificate chain to present (our certificate first, then any
 * intermediates) and the private key of the first one.
 *
 * @param chain at least one certificate, leaf first
 * @param key the leaf's private key
 */
public record ClientCertificate(List<X509> chain, PKey key) {
    /**
     * @throws IllegalArgumentException for a missing or empty chain or a missing key
     */
    public ClientCertificate {
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("chain must hold at least one certificate and no null");
        }
        if (key == null) {
            throw new IllegalArgumentException("key must be a private key, not null");
        }
        chain = List.copyOf(chain);
    }
}
