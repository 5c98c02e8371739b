package dev.portcullis.crypto.internal;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The library's private Bouncy Castle provider instance.
 *
 * <p>A library must not change the JVM's global provider list, so Portcullis never calls
 * {@code Security.addProvider}; it passes this instance explicitly wherever a JCA object is made.
 */
public final class Bc {
    /** The one Bouncy Castle provider every Portcullis module uses. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
