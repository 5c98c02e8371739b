package dev.portcullis.crypto.internal.digest;

import org.bouncycastle.crypto.Digest;

/** OpenSSL's {@code md5-sha1}: the 36-byte concatenation MD5(m) ‖ SHA-1(m) that SSL 3.0 and TLS 1.0/1.1 sign. */
public final class Md5Sha1 implements Digest {
    private final Digest md5 = new JdkDigest("MD5", "MD5");
    private final Digest sha1 = new JdkDigest("SHA-1", "SHA-1");

    @Override
    public String getAlgorithmName() {
        return "MD5-SHA1";
    }

    @Override
    public int getDigestSize() {
        return md5.getDigestSize() + sha1.getDigestSize();
    }

    @Override
    public void update(byte in) {
        md5.update(in);
        sha1.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        md5.update(in, inOff, len);
        sha1.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        int n = md5.doFinal(out, outOff);
        return n + sha1.doFinal(out, outOff + n);
    }

    @Override
    public void reset() {
        md5.reset();
        sha1.reset();
    }
}
