/**
 * JMH benchmarks comparing Portcullis with its competitors in the same run. Nothing is exported: the benchmarks
 * run on the class path through {@code bench/run}.
 */
module dev.portcullis.bench {
    requires dev.portcullis.rand;
    requires dev.portcullis.crypto;
    requires dev.portcullis.ssl;
    requires dev.portcullis.compat;
    requires jmh.core;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires okhttp3.tls;
    requires io.netty.pkitesting;
    requires org.bouncycastle.tls;
    requires java.management;
    requires org.bouncycastle.util;
}
