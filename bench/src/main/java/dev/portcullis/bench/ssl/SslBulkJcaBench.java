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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@link SslBulkBench}'s work for raw bctls with {@code JcaTlsCrypto} over the JDK providers (AES-128-GCM only). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class SslBulkJcaBench {
    private final byte[] data = new byte[16 * 1024];
    private final byte[] sink = new byte[64 * 1024];
    private final Pump pump = new Pump();
    private TlsClientProtocol client;
    private TlsServerProtocol server;

    @Setup
    public void setUp() throws Exception {
        RawBctlsEndpoints endpoints = Scenario.TLS13_ECDSA_AES128GCM.rawBctls(RawBctlsEndpoints.CryptoKind.JCA_JDK);
        client = endpoints.newClient();
        server = endpoints.newServer();
        pump.handshake(client, server);
    }

    @Benchmark
    public int bctlsJcaTlsCryptoAes128Gcm() throws Exception {
        return SslBulkBench.transfer(pump, client, server, data, sink);
    }
}
