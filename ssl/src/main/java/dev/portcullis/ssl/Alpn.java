package dev.portcullis.ssl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * ALPN (RFC 7301): checks the offer lists pyOpenSSL accepts, and runs the server's selection callback with
 * pyOpenSSL's rules for its result.
 */
final class Alpn {
    private Alpn() {
    }

    /**
     * Validates and copies an offer list.
     *
     * @throws IllegalArgumentException for {@code null}, an empty list, or a protocol of 256 bytes or more
     * @throws SslException for an empty protocol name (OpenSSL refuses the list)
     */
    static List<byte[]> checkedOffer(List<byte[]> protocols) throws SslException {
        if (protocols == null || protocols.isEmpty()) {
            throw new IllegalArgumentException("at least one protocol must be specified");
        }
        List<byte[]> copy = new ArrayList<>(protocols.size());
        for (byte[] p : protocols) {
            if (p == null) {
                throw new IllegalArgumentException("protocols must be byte strings, not null");
            }
            if (p.length > 255) {
                throw new IllegalArgumentException("a protocol name is at most 255 bytes, got " + p.length);
            }
            if (p.length == 0) {
                throw new SslException(List.of());
            }
            copy.add(p.clone());
        }
        return List.copyOf(copy);
    }

    /** The offer as bctls sends it. */
    static Vector<ProtocolName> toWire(List<byte[]> protocols) {
        if (protocols == null) {
            return null;
        }
        Vector<ProtocolName> names = new Vector<>(protocols.size());
        for (byte[] p : protocols) {
            names.add(ProtocolName.asRawBytes(p));
        }
        return names;
    }

    /**
     * Runs the server's callback on the client's offer: the chosen name, or {@code null} for no ALPN. Failures are
     * recorded on the engine (so the handshake rethrows the callback's own exception) and end the handshake with an
     * alert.
     */
    static ProtocolName select(Connection connection, AlpnSelectCallback callback, Vector<?> offered)
            throws IOException {
        List<byte[]> offer = new ArrayList<>(offered.size());
        for (Object name : offered) {
            offer.add(((ProtocolName) name).getBytes());
        }
        byte[] chosen;
        try {
            chosen = callback.select(connection, List.copyOf(offer));
            if (chosen == null) {
                throw new IllegalArgumentException("ALPN callback must return a bytestring or the special "
                        + "NO_OVERLAPPING_PROTOCOLS sentinel value.");
            }
        } catch (RuntimeException e) {
            connection.engine().recordCallbackFailure(e);
            throw new TlsFatalAlert(AlertDescription.internal_error, "the ALPN callback failed");
        }
        if (chosen == SSL.NO_OVERLAPPING_PROTOCOLS) {
            return null;
        }
        if (chosen.length == 0 || chosen.length > 255) {
            connection.engine().recordFailureReason("no application protocol");
            throw new TlsFatalAlert(AlertDescription.no_application_protocol, "the ALPN callback refused");
        }
        return ProtocolName.asRawBytes(chosen.clone());
    }
}
