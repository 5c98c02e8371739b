package dev.portcullis.ssl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SessionParameters;

import dev.portcullis.rand.Rand;
import dev.portcullis.ssl.internal.HybridTlsCrypto;

/**
 * RFC 5077 session tickets for a server Context (TLS 1.2): the session state the server would otherwise cache,
 * encrypted and authenticated with a key only this Context holds (AES-256-GCM, as RFC 5077 §4 recommends in spirit),
 * so the client carries it and any connection from the Context can resume it.
 *
 * <p>Ticket: key name (16) || nonce (12) || AES-GCM(version (2), cipher suite (2), extended master secret (1),
 * issued at (8, ms), session ID context (1 + n), master secret (48)) with the key name as associated data. A ticket
 * that does not decrypt, has expired ({@link Context#getTimeout}) or names another ID context is ignored (a full
 * handshake follows). The peer's certificate is not carried: after a ticket resumption it is not known again.
 */
final class SessionTickets {
    private static final int NAME = 16;
    private static final int NONCE = 12;

    private final byte[] name = new byte[NAME];
    private final SecretKeySpec key;

    SessionTickets() {
        byte[] keyBytes = new byte[32];
        Rand.secureRandom().nextBytes(name);
        Rand.secureRandom().nextBytes(keyBytes);
        key = new SecretKeySpec(keyBytes, "AES");
        Arrays.fill(keyBytes, (byte) 0);
    }

    /** Encrypts the state of a completed full handshake into a ticket. */
    byte[] seal(ProtocolVersion version, int cipherSuite, boolean extendedMasterSecret, byte[] idContext,
            byte[] masterSecret) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(plain);
        out.writeShort(version.getFullVersion());
        out.writeShort(cipherSuite);
        out.writeBoolean(extendedMasterSecret);
        out.writeLong(System.currentTimeMillis());
        out.writeByte(idContext.length);
        out.write(idContext);
        out.write(masterSecret);
        byte[] nonce = new byte[NONCE];
        Rand.secureRandom().nextBytes(nonce);
        byte[] state = plain.toByteArray();
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce).doFinal(state);
            return ByteBuffer.allocate(NAME + NONCE + sealed.length).put(name).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal a session ticket", e);
        } finally {
            Arrays.fill(state, (byte) 0);
        }
    }

    /** The session a ticket carries, or {@code null} when it is not ours, not intact, expired or for another context. */
    SessionParameters open(byte[] ticket, byte[] idContext, long timeoutSeconds) {
        if (ticket == null || ticket.length < NAME + NONCE + 16
                || !Arrays.equals(ticket, 0, NAME, name, 0, NAME)) {
            return null;
        }
        byte[] state = null;
        try {
            state = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(ticket, NAME, NAME + NONCE))
                    .doFinal(ticket, NAME + NONCE, ticket.length - NAME - NONCE);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            int version = in.readUnsignedShort();
            int suite = in.readUnsignedShort();
            boolean ems = in.readBoolean();
            long issued = in.readLong();
            byte[] context = new byte[in.readUnsignedByte()];
            in.readFully(context);
            byte[] master = new byte[48];
            in.readFully(master);
            if (!Arrays.equals(context, idContext)
                    || System.currentTimeMillis() - issued > timeoutSeconds * 1000L) {
                return null;
            }
            return new SessionParameters.Builder()
                    .setCipherSuite(suite)
                    .setExtendedMasterSecret(ems)
                    .setNegotiatedVersion(ProtocolVersion.get(version >> 8, version & 0xff))
                    .setMasterSecret(HybridTlsCrypto.shared().createSecret(master))
                    .build();
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return null; // a forged, damaged or foreign ticket: full handshake
        } finally {
            if (state != null) {
                Arrays.fill(state, (byte) 0);
            }
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(name);
        return cipher;
    }
}
