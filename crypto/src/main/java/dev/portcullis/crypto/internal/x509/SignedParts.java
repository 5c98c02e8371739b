package dev.portcullis.crypto.internal.x509;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.portcullis.crypto.internal.der.Der;

/**
 * The signed envelope that certificates, certificate requests and CRLs share (RFC 5280 §4.1.1, RFC 2986 §4): the
 * outer signature AlgorithmIdentifier, the signature BIT STRING, and the cached DER encoding of the whole.
 *
 * <p>The cache holds the exact input until the model changes ({@link #invalidate}); the next {@link #encoding}
 * then wraps a freshly encoded to-be-signed part with the old signature — which no longer matches until the next
 * {@link #sign}, as in OpenSSL.
 */
public final class SignedParts {
    private volatile byte[] encoding;
    private byte[] algorithm;
    private byte[] signature;

    /** Nothing signed, nothing encoded yet. */
    public SignedParts() {
    }

    /** The parts of a structure read from {@code envelope}; its encoding is the input. */
    public static SignedParts of(SignedEnvelope envelope) {
        SignedParts parts = new SignedParts();
        parts.encoding = envelope.encoding();
        parts.algorithm = envelope.algorithm();
        parts.signature = envelope.signature();
        return parts;
    }

    /** Forgets the cached encoding after a change. */
    public void invalidate() {
        encoding = null;
    }

    /** The cached encoding, or {@code null} after a change. */
    public byte[] cached() {
        return encoding;
    }

    /** Signs {@code tbs} with {@code signer}, recording {@code newAlgorithm} and caching the signed encoding. */
    public void sign(byte[] newAlgorithm, byte[] tbs, Function<byte[], byte[]> signer) {
        signature = Der.bitString(signer.apply(tbs));
        algorithm = newAlgorithm;
        encoding = SignedEnvelope.wrap(tbs, algorithm, signature);
    }

    /** The encoding: the cached one, or {@code tbs} wrapped with the current signature. Shared: do not modify. */
    public byte[] encoding(Supplier<byte[]> tbs) {
        byte[] current = encoding;
        if (current == null) {
            current = SignedEnvelope.wrap(tbs.get(), algorithm, signature);
            encoding = current;
        }
        return current;
    }

    /** The outer signature AlgorithmIdentifier element, or {@code null} before signing. */
    public byte[] algorithm() {
        return algorithm;
    }

    /** The signature BIT STRING element, or {@code null} before signing. */
    public byte[] signature() {
        return signature;
    }

    /** A copy of the algorithm and signature without the cached encoding (for a model copied field by field). */
    public SignedParts unencodedCopy() {
        SignedParts copy = new SignedParts();
        copy.algorithm = algorithm;
        copy.signature = signature;
        return copy;
    }
}
