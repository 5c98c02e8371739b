/**
 * The library's one randomness source: pyOpenSSL's {@code OpenSSL.rand} module as {@link dev.portcullis.rand.Rand}.
 */
module dev.portcullis.rand {
    requires org.bouncycastle.provider;

    exports dev.portcullis.rand;
}
