package dev.portcullis.bench.ssl;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLEngine;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerProtocol;

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;

/**
 * Ratios that survive a shared, loaded machine: the same work as {@link SslHandshakeBench} and {@link SslBulkBench},
 * but every implementation runs in short interleaved slices (round-robin, many rounds) in one JVM, and the median of
 * each implementation's rate is reported with its ratio to Portcullis. JMH remains the reference on an idle machine;
 * this is for comparing while others run.
 * {@code java -cp <bench class path> -Djdk.tls.namedGroups=x25519,secp256r1 dev.portcullis.bench.ssl.SslRatios [rounds] [ms]}
 */
public final class SslRatios {
    private interface Op {
        void run() throws Exception;
    }

    private SslRatios() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long sliceMs = args.length > 1 ? Long.parseLong(args[1]) : 400;
        for (Scenario scenario : new Scenario[] {Scenario.TLS13_ECDSA_AES128GCM, Scenario.TLS12_RSA_AES128GCM}) {
            Map<String, Op> ops = new LinkedHashMap<>();
            Context[] contexts = scenario.portcullisContexts();
            JdkEngines jdk = new JdkEngines(scenario);
            RawBctlsEndpoints bc = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.BC);
            RawBctlsEndpoints jca = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.JCA_JDK);
            Pump pump = new Pump();
            ops.put("portcullis", () -> MemoryPair.of(contexts[0], contexts[1]).handshake());
            ops.put("jdk-sslengine", jdk::handshake);
            ops.put("bctls-BcTlsCrypto", () -> pump.handshake(bc.newClient(), bc.newServer()));
            ops.put("bctls-JcaTlsCrypto", () -> pump.handshake(jca.newClient(), jca.newServer()));
            run("handshakes/s " + scenario, ops, rounds, sliceMs, 1);
        }
        for (Scenario scenario : new Scenario[] {Scenario.TLS13_ECDSA_AES128GCM, Scenario.TLS13_ECDSA_CHACHA20}) {
            Map<String, Op> ops = new LinkedHashMap<>();
            Context[] contexts = scenario.portcullisContexts();
            MemoryPair pair = MemoryPair.of(contexts[0], contexts[1]);
            pair.handshake();
            SSLEngine[] engines = new JdkEngines(scenario).handshake();
            JdkEngines.Pipe pipe = new JdkEngines.Pipe(engines[0], engines[1]);
            byte[] data = new byte[16 * 1024];
            byte[] sink = new byte[64 * 1024];
            Pump pump = new Pump();
            ops.put("portcullis", () -> portcullisMiB(pair, data, sink));
            ops.put("jdk-sslengine", () -> {
                for (int i = 0; i < 64; i++) {
                    pipe.transfer(ByteBuffer.wrap(data));
                }
            });
            RawBctlsEndpoints bc = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.BC);
            TlsClientProtocol bcClient = bc.newClient();
            TlsServerProtocol bcServer = bc.newServer();
            pump.handshake(bcClient, bcServer);
            ops.put("bctls-BcTlsCrypto", () -> SslBulkBench.transfer(pump, bcClient, bcServer, data, sink));
            if (scenario == Scenario.TLS13_ECDSA_AES128GCM) {
                RawBctlsEndpoints jca = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.JCA_JDK);
                TlsClientProtocol jcaClient = jca.newClient();
                TlsServerProtocol jcaServer = jca.newServer();
                pump.handshake(jcaClient, jcaServer);
                ops.put("bctls-JcaTlsCrypto", () -> SslBulkBench.transfer(pump, jcaClient, jcaServer, data, sink));
            }
            run("MiB/s (16 KiB writes) " + scenario, ops, rounds, sliceMs, 1);
        }
    }

    private static void portcullisMiB(MemoryPair pair, byte[] data, byte[] sink) throws Exception {
        Connection client = pair.client();
        Connection server = pair.server();
        for (int i = 0; i < 64; i++) {
            client.sendall(data);
            pair.pump();
            int got = 0;
            while (got < data.length) {
                got += server.recvInto(sink);
            }
        }
    }

    private static void run(String title, Map<String, Op> ops, int rounds, long sliceMs, double unitsPerOp)
            throws Exception {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (Map.Entry<String, Op> e : ops.entrySet()) {
            for (int i = 0; i < 20; i++) {
                e.getValue().run();
            }
            rates.put(e.getKey(), new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Op> e : ops.entrySet()) {
                long start = System.nanoTime();
                long end = start + sliceMs * 1_000_000L;
                int count = 0;
                long now;
                do {
                    e.getValue().run();
                    count++;
                    now = System.nanoTime();
                } while (now < end);
                rates.get(e.getKey()).add(count * unitsPerOp / ((now - start) / 1e9));
            }
        }
        double base = median(rates.get("portcullis"));
        System.out.println("== " + title + " (median of " + rounds + " interleaved slices)");
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            double m = median(e.getValue());
            System.out.printf("  %-22s %10.1f   portcullis/this = %.2f%n", e.getKey(), m, base / m);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
