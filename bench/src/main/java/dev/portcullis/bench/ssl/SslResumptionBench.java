package dev.portcullis.bench.ssl;

import java.util.concurrent.TimeUnit;

import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsSession;
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

import dev.portcullis.ssl.Connection;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;
import dev.portcullis.ssl.Session;

/**
 * Resumed TLS 1.2 handshakes per second (session ID, RFC 5246 §7.3 abbreviated handshake), client and server in one
 * thread: Portcullis ({@code Connection.setSession} against the server Context's cache) against raw bctls with its
 * own session cache, with {@code BcTlsCrypto} and {@code JcaTlsCrypto}; and Portcullis with RFC 5077 tickets (raw
 * bctls cannot resume tickets on the server side). ECDHE-RSA-AES128-GCM. TLS 1.3 PSK resumption is absent: bctls
 * 1.84 has none (see {@code Session}). One operation = create both endpoints and run the abbreviated handshake.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SslResumptionBench {
    private Context[] portcullis;
    private Session session;
    private Context[] portcullisTickets;
    private Session ticketSession;
    private RawBctlsEndpoints bctlsBc;
    private RawBctlsEndpoints bctlsJca;
    private TlsSession bcSession;
    private TlsSession jcaSession;
    private final Pump pump = new Pump();

    @Setup
    public void setUp() throws Exception {
        Scenario scenario = Scenario.TLS12_RSA_AES128GCM;
        portcullis = scenario.portcullisContexts();
        portcullis[1].setOptions(dev.portcullis.ssl.SSL.OP_NO_TICKET); // session IDs and the server cache only
        session = firstSession(portcullis);
        portcullisTickets = scenario.portcullisContexts();
        portcullisTickets[1].setSessionCacheMode(dev.portcullis.ssl.SSL.SESS_CACHE_OFF); // tickets only
        ticketSession = firstSession(portcullisTickets);
        if (ticketSession.getTicket() == null || session.getTicket() != null) {
            throw new IllegalStateException("the ticket / session-ID configurations are not what they claim");
        }
        bctlsBc = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.BC).withSessionIds();
        bcSession = firstSession(bctlsBc);
        bctlsJca = scenario.rawBctls(RawBctlsEndpoints.CryptoKind.JCA_JDK).withSessionIds();
        jcaSession = firstSession(bctlsJca);
    }

    private TlsSession firstSession(RawBctlsEndpoints endpoints) throws Exception {
        pump.handshake(endpoints.newClient(null), endpoints.newServer());
        TlsSession first = endpoints.lastClientSession;
        for (int i = 0; i < 3; i++) { // the same session must resume again and again, as the benchmark reuses it
            pump.handshake(endpoints.newClient(first), endpoints.newServer());
            if (!endpoints.lastResumed) {
                throw new IllegalStateException("raw bctls did not resume (attempt " + i + ")");
            }
        }
        return first;
    }

    private Session firstSession(Context[] contexts) throws Exception {
        MemoryPair first = MemoryPair.of(contexts[0], contexts[1]);
        first.handshake();
        Session made = first.client().getSession();
        for (int i = 0; i < 3; i++) {
            if (!portcullisResumed(contexts, made).client().sessionReused()) {
                throw new IllegalStateException("Portcullis did not resume (attempt " + i + ")");
            }
        }
        return made;
    }

    private static MemoryPair portcullisResumed(Context[] contexts, Session resume) throws Exception {
        Connection client = new Connection(contexts[0]);
        client.setConnectState();
        client.setSession(resume);
        Connection server = new Connection(contexts[1]);
        server.setAcceptState();
        MemoryPair pair = MemoryPair.of(client, server);
        pair.handshake();
        return pair;
    }

    @Benchmark
    public Object portcullisSessionId() throws Exception {
        return portcullisResumed(portcullis, session);
    }

    /** RFC 5077 ticket resumption; raw bctls has no server-side ticket support, so its session-ID runs compare. */
    @Benchmark
    public Object portcullisTicket() throws Exception {
        return portcullisResumed(portcullisTickets, ticketSession);
    }

    @Benchmark
    public Object bctlsBcTlsCryptoSessionId() throws Exception {
        return resume(bctlsBc, bcSession);
    }

    @Benchmark
    public Object bctlsJcaTlsCryptoSessionId() throws Exception {
        return resume(bctlsJca, jcaSession);
    }

    private Object resume(RawBctlsEndpoints endpoints, TlsSession resumable) throws Exception {
        TlsClientProtocol client = endpoints.newClient(resumable);
        TlsServerProtocol server = endpoints.newServer();
        pump.handshake(client, server);
        return client;
    }
}
