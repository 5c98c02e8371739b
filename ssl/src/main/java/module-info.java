/**
 * pyOpenSSL's {@code OpenSSL.SSL}: TLS contexts and connections over Bouncy Castle's TLS protocol engine.
 */
module dev.portcullis.ssl {
    requires transitive dev.portcullis.crypto;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.tls;
    requires org.bouncycastle.pkix;

    exports dev.portcullis.ssl;
}
