package dev.portcullis.crypto.internal.digest;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/** SHAKE with OpenSSL's default output length (shake128: 16 bytes, shake256: 32 bytes). */
public final class TruncatedXof implements Digest {
    private final SHAKEDigest xof;
    private final int outputLength;

    public TruncatedXof(int strength, int outputLength) {
        this.xof = new SHAKEDigest(strength);
        this.outputLength = outputLength;
    }

    @Override
    public String getAlgorithmName() {
        return xof.getAlgorithmName();
    }

    @Override
    public int getDigestSize() {
        return outputLength;
    }

    @Override
    public void update(byte in) {
        xof.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        xof.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        return xof.doFinal(out, outOff, outputLength);
    }

    @Override
    public void reset() {
        xof.reset();
    }
}
