package dev.portcullis.bench.ssl;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerProtocol;

import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;

/**
 * Live heap per idle connected pair (client + server after a TLS 1.3 handshake, nothing in flight): creates
 * {@code N} pairs, forces collection, and divides the heap growth by {@code N}; Portcullis, the JDK SSLEngine and
 * raw bctls ({@code BcTlsCrypto}) in one run. Not a JMH benchmark (it measures memory, not time):
 * {@code java -cp <bench class path> dev.portcullis.bench.ssl.IdleHeap [N]}.
 */
public final class IdleHeap {
    private IdleHeap() {
    }

    private interface Factory {
        Object pair() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Scenario scenario = Scenario.TLS13_ECDSA_AES128GCM;
        Context[] contexts = scenario.portcullisContexts();
        JdkEngines jdk = new JdkEngines(scenario);
        RawBctlsEndpoints bc = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.BC);
        Pump pump = new Pump();
        for (int round = 0; round < 2; round++) {
            report("portcullis", n, () -> {
                MemoryPair pair = MemoryPair.of(contexts[0], contexts[1]);
                pair.handshake();
                return pair;
            });
            report("jdk-sslengine", n, jdk::handshake);
            report("bctls-BcTlsCrypto", n, () -> {
                TlsClientProtocol c = bc.newClient();
                TlsServerProtocol s = bc.newServer();
                pump.handshake(c, s);
                return new Object[] {c, s};
            });
        }
    }

    private static void report(String name, int n, Factory factory) throws Exception {
        for (int i = 0; i < 50; i++) {
            factory.pair(); // warm up, and let one-time caches fill before measuring
        }
        long before = used();
        List<Object> keep = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keep.add(factory.pair());
        }
        long after = used();
        System.out.printf("%-20s %8.2f KiB live heap per idle pair (%d pairs)%n", name,
                (after - before) / 1024.0 / n, keep.size());
    }

    private static long used() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
