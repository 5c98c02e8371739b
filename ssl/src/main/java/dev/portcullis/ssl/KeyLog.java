package dev.portcullis.ssl;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.util.encoders.Hex;

import dev.portcullis.ssl.internal.SecretBytes;

/** Produces NSS key-log lines (the {@code SSLKEYLOGFILE} format) for a connection's key log callback. */
final class KeyLog {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private KeyLog() {
    }

    /** TLS 1.3: the handshake traffic secrets are in place (bctls holds them until the application phase). */
    static void handshakeKeys(Connection connection, SecurityParameters parameters) {
        KeylogCallback callback = connection.getContext().keylogCallback();
        if (callback == null) {
            return;
        }
        byte[] random = parameters.getClientRandom();
        emit(callback, connection, "SERVER_HANDSHAKE_TRAFFIC_SECRET", random,
                SecretBytes.copyOf(parameters.getTrafficSecretServer()));
        emit(callback, connection, "CLIENT_HANDSHAKE_TRAFFIC_SECRET", random,
                SecretBytes.copyOf(parameters.getTrafficSecretClient()));
    }

    /** The handshake completed: the TLS 1.2 master secret, or the TLS 1.3 application and exporter secrets. */
    static void completed(Connection connection, SecurityParameters parameters) {
        KeylogCallback callback = connection.getContext().keylogCallback();
        if (callback == null) {
            return;
        }
        byte[] random = parameters.getClientRandom();
        if (!ProtocolVersion.TLSv13.equals(parameters.getNegotiatedVersion())) {
            emit(callback, connection, "CLIENT_RANDOM", random, SecretBytes.copyOf(parameters.getMasterSecret()));
            return;
        }
        emit(callback, connection, "EXPORTER_SECRET", random,
                SecretBytes.copyOf(parameters.getExporterMasterSecret()));
        emit(callback, connection, "SERVER_TRAFFIC_SECRET_0", random,
                SecretBytes.copyOf(parameters.getTrafficSecretServer()));
        emit(callback, connection, "CLIENT_TRAFFIC_SECRET_0", random,
                SecretBytes.copyOf(parameters.getTrafficSecretClient()));
    }

    private static void emit(KeylogCallback callback, Connection connection, String label, byte[] random,
            byte[] secret) {
        if (random == null || secret == null) {
            return;
        }
        String line = label + ' ' + Hex.toHexString(random) + ' ' + Hex.toHexString(secret);
        java.util.Arrays.fill(secret, (byte) 0);
        try {
            callback.keylog(connection, line.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "exception ignored from the key log callback", e);
        }
    }
}
