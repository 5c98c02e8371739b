package dev.portcullis.crypto.internal.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.Digest;

/**
 * A Bouncy Castle {@link Digest} backed by the JDK's {@link MessageDigest}, for the hashes the JDK implements with
 * CPU intrinsics (SHA-1, SHA-2); one interface for every digest OpenSSL names, with the fastest engine behind each.
 */
public final class JdkDigest implements Digest {
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
        byte[] result = digest.digest();
        System.arraycopy(result, 0, out, outOff, result.length);
        return result.length;
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
