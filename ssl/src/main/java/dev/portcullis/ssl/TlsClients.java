package dev.portcullis.ssl;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.portcullis.crypto.internal.verify.VerifyParams;

/**
 * TLS clients that are safe by default — what pyOpenSSL never offered (its issue #1020): the server's chain is
 * verified against trusted CAs, and its certificate must name the host you meant to reach (a DNS name matched against
 * the subjectAltName entries as RFC 6125 describes, or an IP address matched against iPAddress entries). TLS 1.2 is
 * the minimum.
 *
 * <pre>{@code
 * Context context = TlsClients.context(Path.of("ca.pem"));        // or TlsClients.context() for the platform CAs
 * Connection connection = TlsClients.connection(context, "example.com");   // memory BIO, SNI and name check set
 * }</pre>
 *
 * <p>A certificate that does not match fails the handshake with "certificate verify failed" (OpenSSL error 62
 * "hostname mismatch" or 64 "IP address mismatch" in a verify callback).
 */
public final class TlsClients {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TlsClients() {
    }

    /** A client context trusting the platform's CAs ({@link Context#setDefaultVerifyPaths}), verifying, TLS 1.2+. */
    public static Context context() {
        Context context = base();
        context.setDefaultVerifyPaths();
        return context;
    }

    /** A client context trusting only the CA certificates in the PEM file {@code caFile}, verifying, TLS 1.2+. */
    public static Context context(Path caFile) throws SslException {
        Context context = base();
        context.loadVerifyLocations(caFile, null);
        return context;
    }

    private static Context base() {
        Context context = new Context(SSL.TLS_CLIENT_METHOD);
        context.setMinProtoVersion(SSL.TLS1_2_VERSION);
        context.setVerify(SSL.VERIFY_PEER);
        return context;
    }

    /** A memory-BIO client connection to {@code host}: SNI for DNS names, and the host or IP check on. */
    public static Connection connection(Context context, String host) {
        return configure(new Connection(context), host);
    }

    /** {@link #connection(Context, String)} over a socket channel. */
    public static Connection connection(Context context, String host, SocketChannel channel) {
        return configure(new Connection(context, channel), host);
    }

    /** {@link #connection(Context, String)} over a socket. */
    public static Connection connection(Context context, String host, Socket socket) {
        return configure(new Connection(context, socket), host);
    }

    private static Connection configure(Connection connection, String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host must be a DNS name or an IP address, not empty");
        }
        VerifyParams identity = new VerifyParams();
        byte[] ip = ipLiteral(host);
        if (ip != null) {
            identity.setIp(ip);
        } else {
            String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            identity.setHost(name.toLowerCase(Locale.ROOT));
            connection.setTlsextHostName(name.getBytes(StandardCharsets.US_ASCII));
        }
        connection.setIdentity(identity);
        Context context = connection.getContext();
        if ((context.getVerifyMode() & SSL.VERIFY_PEER) == 0) {
            connection.setVerify(context.getVerifyMode() | SSL.VERIFY_PEER, context.verifyCallback());
        }
        connection.setConnectState();
        return connection;
    }

    /** The address bytes when {@code host} is an IPv4 or IPv6 literal (never a DNS lookup), else {@code null}. */
    private static byte[] ipLiteral(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host: " + host + " is not a valid IP address", e);
        }
    }
}
