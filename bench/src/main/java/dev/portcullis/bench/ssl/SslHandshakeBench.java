package dev.portcullis.bench.ssl;

import java.util.concurrent.TimeUnit;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;

/**
 * Full TLS handshakes per second, client and server in one thread, bytes moved in memory: Portcullis
 * ({@code MemoryPair} over two memory-BIO {@code Connection}s) against the JDK's SSLEngine and raw bctls with
 * {@code BcTlsCrypto} and with {@code JcaTlsCrypto} (JDK providers). One operation = create both endpoints, run the
 * whole handshake. No certificate verification on any side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class SslHandshakeBench {
    @Param({"TLS13_ECDSA_AES128GCM", "TLS12_RSA_AES128GCM"})
    public Scenario scenario;

    private Context[] portcullis;
    private JdkEngines jdk;
    private RawBctlsEndpoints bctlsBc;
    private RawBctlsEndpoints bctlsJca;
    private final Pump pump = new Pump();

    @Setup
    public void setUp() throws Exception {
        portcullis = scenario.portcullisContexts();
        jdk = new JdkEngines(scenario);
        bctlsBc = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.BC);
        bctlsJca = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.JCA_JDK);
    }

    @Benchmark
    public Object portcullis() throws Exception {
        MemoryPair pair = MemoryPair.of(portcullis[0], portcullis[1]);
        pair.handshake();
        return pair;
    }

    @Benchmark
    public Object jdkSslEngine() throws Exception {
        return jdk.handshake();
    }

    @Benchmark
    public Object bctlsBcTlsCrypto() throws Exception {
        return handshake(bctlsBc);
    }

    @Benchmark
    public Object bctlsJcaTlsCrypto() throws Exception {
        return handshake(bctlsJca);
    }

    private Object handshake(RawBctlsEndpoints endpoints) throws Exception {
        TlsClientProtocol client = endpoints.newClient();
        TlsServerProtocol server = endpoints.newServer();
        pump.handshake(client, server);
        return client;
    }
}
