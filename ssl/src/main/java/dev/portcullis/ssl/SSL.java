package dev.portcullis.ssl;

/** pyOpenSSL's {@code OpenSSL.SSL} constants (filled by the ssl issue). */
public final class SSL {
    private SSL() {
    }
}
