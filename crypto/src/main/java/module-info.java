/**
 * pyOpenSSL's {@code OpenSSL.crypto}: certificates, names, requests, keys, containers, CRLs and verification.
 */
module dev.portcullis.crypto {
    requires transitive dev.portcullis.rand;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires jdk.httpserver;

    exports dev.portcullis.crypto;
    exports dev.portcullis.crypto.pki;
    // the TLS layer drives the verification engine (verify callback hook, trust store) directly
    exports dev.portcullis.crypto.internal.verify to dev.portcullis.ssl;
    exports dev.portcullis.crypto.internal.digest to dev.portcullis.ssl;
}
