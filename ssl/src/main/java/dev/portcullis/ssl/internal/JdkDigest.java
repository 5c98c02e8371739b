package dev.portcullis.ssl.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;

/**
 * A JDK {@link MessageDigest} (SHA-256/384/512, with the JVM's intrinsics) behind Bouncy Castle's lightweight
 * {@code Digest} interface, so that bctls's PRF, HKDF, transcript hash and HMAC run on the JDK's faster SHA-2 while
 * everything else stays on the lightweight path.
 */
final class JdkDigest implements ExtendedDigest {
    private final MessageDigest digest;
    private final String name;
    private final int blockSize;

    private JdkDigest(MessageDigest digest, String name, int blockSize) {
        this.digest = digest;
        this.name = name;
        this.blockSize = blockSize;
    }

    /** A JDK digest for bctls's {@code CryptoHashAlgorithm}, or {@code null} when this class does not cover it. */
    static JdkDigest forAlgorithm(int cryptoHashAlgorithm) {
        switch (cryptoHashAlgorithm) {
            case CryptoHashAlgorithm.sha256:
                return create("SHA-256", 64);
            case CryptoHashAlgorithm.sha384:
                return create("SHA-384", 128);
            case CryptoHashAlgorithm.sha512:
                return create("SHA-512", 128);
            default:
                return null;
        }
    }

    private static JdkDigest create(String name, int blockSize) {
        try {
            return new JdkDigest(MessageDigest.getInstance(name), name, blockSize);
        } catch (NoSuchAlgorithmException e) {
            return null; // every Java SE platform has SHA-2; fall back to Bouncy Castle's if not
        }
    }

    /** An independent copy with the same state (for bctls's transcript-hash forks). */
    JdkDigest copy() {
        try {
            return new JdkDigest((MessageDigest) digest.clone(), name, blockSize);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + name + " cannot be cloned", e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return name;
    }

    @Override
    public int getDigestSize() {
        return digest.getDigestLength();
    }

    @Override
    public int getByteLength() {
        return blockSize;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        digest.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        try {
            return digest.digest(out, outOff, digest.getDigestLength());
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
