package dev.portcullis.bench.ssl;

import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The competitor "JDK SSLEngine" (SunJSSE), two engines pumped in memory with wrap/unwrap. */
final class JdkEngines {
    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final Scenario scenario;

    JdkEngines(Scenario scenario) throws Exception {
        this.scenario = scenario;
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "bench".toCharArray();
        store.setKeyEntry("server", scenario.credentials.key, password,
                new Certificate[] {scenario.credentials.certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(store, password);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {new TrustAll()}, null);
    }

    /** A connected [client, server] pair after a full handshake. */
    SSLEngine[] handshake() throws SSLException {
        // no peer host/port: the JDK then cannot look up a cached session, so every handshake is a full one
        SSLEngine client = clientContext.createSSLEngine();
        client.setUseClientMode(true);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        for (SSLEngine e : new SSLEngine[] {client, server}) {
            e.setEnabledProtocols(new String[] {scenario.jdkProtocol});
            e.setEnabledCipherSuites(new String[] {scenario.jdkSuite});
        }
        Pipe pipe = new Pipe(client, server);
        pipe.handshake();
        return new SSLEngine[] {client, server};
    }

    /** Buffers between two engines. */
    static final class Pipe {
        final SSLEngine client;
        final SSLEngine server;
        final ByteBuffer c2s;
        final ByteBuffer s2c;
        final ByteBuffer clientApp;
        final ByteBuffer serverApp;
        private final ByteBuffer empty = ByteBuffer.allocate(0);

        Pipe(SSLEngine client, SSLEngine server) {
            this.client = client;
            this.server = server;
            int net = client.getSession().getPacketBufferSize();
            int app = client.getSession().getApplicationBufferSize();
            c2s = ByteBuffer.allocate(net * 4);
            s2c = ByteBuffer.allocate(net * 4);
            clientApp = ByteBuffer.allocate(app * 4);
            serverApp = ByteBuffer.allocate(app * 4);
        }

        void handshake() throws SSLException {
            client.beginHandshake();
            server.beginHandshake();
            for (int i = 0; i < 200; i++) {
                step(client, c2s, s2c, clientApp);
                step(server, s2c, c2s, serverApp);
                if (done(client) && done(server) && c2s.position() == 0 && s2c.position() == 0) {
                    return;
                }
            }
            throw new SSLException("JDK handshake did not complete");
        }

        private static boolean done(SSLEngine e) {
            SSLEngineResult.HandshakeStatus s = e.getHandshakeStatus();
            return s == SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING || s == SSLEngineResult.HandshakeStatus.FINISHED;
        }

        private void step(SSLEngine engine, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws SSLException {
            engine.wrap(empty, out);
            runTasks(engine);
            in.flip();
            while (in.hasRemaining()) {
                SSLEngineResult r = engine.unwrap(in, app);
                runTasks(engine);
                if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                    break;
                }
            }
            in.compact();
            engine.wrap(empty, out);
            app.clear();
        }

        private static void runTasks(SSLEngine engine) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }

        /** Sends {@code data} from client to server and reads it there; returns the bytes read. */
        int transfer(ByteBuffer data) throws SSLException {
            int received = 0;
            while (data.hasRemaining()) {
                client.wrap(data, c2s);
                c2s.flip();
                while (c2s.hasRemaining()) {
                    SSLEngineResult r = server.unwrap(c2s, serverApp);
                    received += r.bytesProduced();
                    serverApp.clear();
                    if (r.bytesConsumed() == 0) {
                        break;
                    }
                }
                c2s.compact();
            }
            return received;
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
