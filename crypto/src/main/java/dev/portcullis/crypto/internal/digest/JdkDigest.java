package dev.portcullis.crypto.internal.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.ExtendedDigest;

/**
 * A Bouncy Castle {@link Digest} backed by the JDK's {@link MessageDigest}, for the hashes the JDK implements with
 * CPU intrinsics (SHA-1, SHA-2); one interface for every digest OpenSSL names, with the fastest engine behind each.
 */
public final class JdkDigest implements ExtendedDigest {
    private final MessageDigest digest;
    private final String name;

    public JdkDigest(String jdkName, String name) {
        try {
            this.digest = MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
        this.name = name;
    }

    private JdkDigest(MessageDigest digest, String name) {
        this.digest = digest;
        this.name = name;
    }

    /** An independent copy with the same state (a transcript hash forked mid-handshake, say). */
    public JdkDigest copy() {
        try {
            return new JdkDigest((MessageDigest) digest.clone(), name);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + name + " cannot be cloned", e);
        }
    }

    /** The internal block size in bytes, which HMAC and the PKCS#12 key derivation need. */
    @Override
    public int getByteLength() {
        switch (name) {
            case "SHA-384":
            case "SHA-512":
            case "SHA-512/224":
            case "SHA-512/256":
                return 128;
            case "SHA3-224":
                return 144;
            case "SHA3-256":
                return 136;
            case "SHA3-384":
                return 104;
            case "SHA3-512":
                return 72;
            default:
                return 64;
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
            throw new IllegalStateException("output buffer too small for " + name, e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
