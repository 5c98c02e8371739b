package dev.portcullis.ssl;

import java.util.List;

import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.crypto.TlsCertificate;

import dev.portcullis.ssl.internal.SecretBytes;

/** What a completed handshake negotiated, captured once when it completes. */
record HandshakeResult(ProtocolVersion version, int cipherSuite, byte[] clientRandom, byte[] serverRandom,
        byte[] localFinished, byte[] peerFinished, byte[] masterSecret, List<byte[]> peerChain, int group, byte[] alpn, boolean resumed) {

    static HandshakeResult capture(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        if (sp == null) {
            sp = context.getSecurityParametersHandshake();
        }
        ProtocolVersion version = sp.getNegotiatedVersion();
        byte[] master = ProtocolVersion.TLSv13.equals(version) ? null : SecretBytes.copyOf(sp.getMasterSecret());
        return new HandshakeResult(version, sp.getCipherSuite(), sp.getClientRandom().clone(),
                sp.getServerRandom().clone(), clone(sp.getLocalVerifyData()), clone(sp.getPeerVerifyData()), master,
                chain(sp.getPeerCertificate()), sp.getNegotiatedGroup(),
                sp.getApplicationProtocol() == null ? null : sp.getApplicationProtocol().getBytes(),
                sp.isResumedSession());
    }

    private static byte[] clone(byte[] data) {
        return data == null ? null : data.clone();
    }

    private static List<byte[]> chain(org.bouncycastle.tls.Certificate certificate) {
        if (certificate == null || certificate.isEmpty()) {
            return List.of();
        }
        TlsCertificate[] list = certificate.getCertificateList();
        byte[][] der = new byte[list.length][];
        for (int i = 0; i < list.length; i++) {
            try {
                der[i] = list[i].getEncoded();
            } catch (java.io.IOException e) {
                der[i] = new byte[0];
            }
        }
        return List.of(der);
    }
}
