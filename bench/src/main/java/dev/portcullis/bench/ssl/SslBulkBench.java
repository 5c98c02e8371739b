package dev.portcullis.bench.ssl;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;

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

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;
import dev.portcullis.ssl.WantReadException;

/**
 * Bulk application data after the handshake, in MiB/s: one operation = 64 writes of 16 KiB by the client, each
 * moved to the server and fully read there (so ops/s = MiB/s). Portcullis against the JDK's SSLEngine and raw bctls
 * with {@code BcTlsCrypto}; TLS 1.3 with AES-128-GCM or ChaCha20-Poly1305. Raw bctls with {@code JcaTlsCrypto} is in
 * {@link SslBulkJcaBench} (AES-GCM only: over the plain JDK providers bctls finds no ChaCha20-Poly1305).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519,secp256r1")
public class SslBulkBench {
    private static final int WRITE = 16 * 1024;
    private static final int WRITES = 64;

    @Param({"TLS13_ECDSA_AES128GCM", "TLS13_ECDSA_CHACHA20"})
    public Scenario scenario;

    private final byte[] data = new byte[WRITE];
    private final byte[] sink = new byte[64 * 1024];
    private MemoryPair portcullis;
    private JdkEngines.Pipe jdk;
    private TlsClientProtocol bcClient;
    private TlsServerProtocol bcServer;
    private final Pump pump = new Pump();

    @Setup
    public void setUp() throws Exception {
        Context[] contexts = scenario.portcullisContexts();
        portcullis = MemoryPair.of(contexts[0], contexts[1]);
        portcullis.handshake();
        SSLEngine[] engines = new JdkEngines(scenario).handshake();
        jdk = new JdkEngines.Pipe(engines[0], engines[1]);
        RawBctlsEndpoints endpoints = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.BC);
        bcClient = endpoints.newClient();
        bcServer = endpoints.newServer();
        pump.handshake(bcClient, bcServer);
    }

    @Benchmark
    public int portcullis() throws Exception {
        Connection client = portcullis.client();
        Connection server = portcullis.server();
        int total = 0;
        for (int i = 0; i < WRITES; i++) {
            client.sendall(data);
            portcullis.pump();
            int got = 0;
            while (got < WRITE) {
                try {
                    got += server.recvInto(sink);
                } catch (WantReadException e) {
                    throw new IllegalStateException("data missing", e);
                }
            }
            total += got;
        }
        return total;
    }

    @Benchmark
    public int jdkSslEngine() throws Exception {
        int total = 0;
        for (int i = 0; i < WRITES; i++) {
            total += jdk.transfer(ByteBuffer.wrap(data));
        }
        return total;
    }

    @Benchmark
    public int bctlsBcTlsCrypto() throws Exception {
        return transfer(pump, bcClient, bcServer, data, sink);
    }

    /** 64 × 16 KiB from a raw bctls client to its server. */
    static int transfer(Pump pump, TlsClientProtocol client, TlsServerProtocol server, byte[] data, byte[] sink)
            throws Exception {
        int total = 0;
        for (int w = 0; w < WRITES; w++) {
            client.writeApplicationData(data, 0, data.length);
            pump.move(client, server);
            int available;
            while ((available = server.getAvailableInputBytes()) > 0) {
                total += server.readInput(sink, 0, Math.min(available, sink.length));
            }
        }
        return total;
    }
}
