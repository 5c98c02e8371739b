package dev.portcullis.rand;

import java.security.SecureRandom;

/** Work in progress: see issue 2. */
public final class Rand {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Rand() {
    }

    /** The SecureRandom every Portcullis module draws from. */
    public static SecureRandom secureRandom() {
        return RANDOM;
    }
}
