package dev.portcullis.crypto.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.portcullis.crypto.CRL;
import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.internal.pki.OcspResponder;

/**
 * A loopback HTTP server that publishes a test CA's revocation status, so tests can exercise revocation checking
 * for real: {@code GET /crl} returns the current CRL (DER), and {@code POST /ocsp} (or {@code GET /ocsp/<base64>})
 * answers OCSP requests (RFC 6960) with responses signed by the CA's key.
 *
 * <pre>{@code
 * try (RevocationServer revocation = RevocationServer.start(ca)) {
 *     HeldCertificate leaf = HeldCertificate.builder().signedBy(ca)
 *             .ocspResponder(revocation.ocspUrl()).crlDistributionPoint(revocation.crlUrl()).build();
 *     revocation.revoke(leaf.certificate());
 *     ...
 * }
 * }</pre>
 *
 * <p>Every serial the CA did not revoke is reported {@code good} (the server does not track issuance); requests for
 * another issuer get {@code unknown}. It listens on 127.0.0.1 only, on a free port, and {@link #close()} stops it.
 */
public final class RevocationServer implements AutoCloseable {
    private static final Duration CRL_VALIDITY = Duration.ofDays(1);

    private final HeldCertificate ca;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<BigInteger, X509> revoked = new ConcurrentHashMap<>();
    private final OcspResponder responder;
    private volatile byte[] crl;

    private RevocationServer(HeldCertificate ca) throws IOException {
        this.ca = ca;
        this.responder = new OcspResponder(ca, revoked::containsKey);
        this.crl = issueCrl();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "portcullis-revocation-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/crl", this::serveCrl);
        server.createContext("/ocsp", this::serveOcsp);
        server.start();
    }

    /**
     * Starts a server for {@code ca} on a free loopback port.
     *
     * @throws IllegalStateException if {@code ca} is not a CA
     */
    public static RevocationServer start(HeldCertificate ca) {
        if (!ca.isCa()) {
            throw new IllegalStateException(ca + " is not a CA");
        }
        try {
            return new RevocationServer(ca);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the revocation server", e);
        }
    }

    /** Where the CRL is published: put it in certificates' CRL distribution points. */
    public String crlUrl() {
        return base() + "/crl";
    }

    /** Where OCSP requests are answered: put it in certificates' authority information access. */
    public String ocspUrl() {
        return base() + "/ocsp";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Revokes {@code certificate}: the next CRL lists it and OCSP answers {@code revoked}. */
    public void revoke(X509 certificate) {
        revoked.put(certificate.getSerialNumber(), certificate.copy());
        crl = issueCrl();
    }

    /** The CRL currently published. */
    public CRL currentCrl() {
        return Crypto.loadCrl(Crypto.FILETYPE_ASN1, crl);
    }

    private byte[] issueCrl() {
        List<X509> list = new ArrayList<>(revoked.values());
        return Crypto.dumpCrl(Crypto.FILETYPE_ASN1, ca.issueCrl(list, CRL_VALIDITY));
    }

    private void serveCrl(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/pkix-crl", crl);
    }

    private void serveOcsp(HttpExchange exchange) throws IOException {
        byte[] request;
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readNBytes(64 * 1024);
            }
        } else {
            String path = exchange.getRequestURI().getRawPath();
            String encoded = path.length() > "/ocsp/".length() ? path.substring("/ocsp/".length()) : "";
            try {
                request = java.util.Base64.getDecoder().decode(java.net.URLDecoder.decode(encoded,
                        java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                request = new byte[0];
            }
        }
        respond(exchange, 200, "application/ocsp-response", responder.respond(request));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
