/**
 * JMH benchmarks comparing Portcullis with its competitors in the same run.
 */
module dev.portcullis.bench {
    requires dev.portcullis.rand;
    requires dev.portcullis.crypto;
    requires dev.portcullis.ssl;
    requires dev.portcullis.compat;
    requires jmh.core;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;

    exports dev.portcullis.bench;
    exports dev.portcullis.bench.x509;
}
