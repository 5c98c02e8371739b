package dev.portcullis.ssl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;

import dev.portcullis.crypto.Crypto;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.internal.verify.CertInfo;
import dev.portcullis.crypto.internal.verify.ChainVerifier;
import dev.portcullis.crypto.internal.verify.Purposes;
import dev.portcullis.crypto.internal.verify.StoreAccess;
import dev.portcullis.crypto.internal.verify.VerifyOutcome;
import dev.portcullis.crypto.internal.verify.VerifyParams;

/**
 * Verifies the peer's certificate chain during the handshake, as OpenSSL's {@code ssl_verify_cert_chain}: the
 * context's trust store, purpose "SSL server" on the client side and "SSL client" on the server side, the verify
 * depth, optional host/IP identity, and the verify callback called per step. A failure under {@code VERIFY_PEER} ends
 * the handshake with "certificate verify failed" and the alert OpenSSL sends for that error.
 */
final class PeerVerification {
    private static final int X509_V_OK = 0;
    private static final int ERR_UNABLE_TO_GET_ISSUER_CERT = 2;
    private static final int ERR_CERT_HAS_EXPIRED = 10;
    private static final int ERR_CERT_REVOKED = 23;
    private static final int ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20;
    private static final int ERR_SELF_SIGNED_CERT_IN_CHAIN = 19;
    private static final int ERR_DEPTH_ZERO_SELF_SIGNED_CERT = 18;

    private PeerVerification() {
    }

    /** The peer's chain parsed for the engine. */
    static List<CertInfo> parse(TlsCertificate[] chain) throws IOException {
        List<CertInfo> infos = new ArrayList<>(chain.length);
        for (TlsCertificate c : chain) {
            try {
                infos.add(CertInfo.of(c.getEncoded()));
            } catch (RuntimeException e) {
                throw new TlsFatalAlert(AlertDescription.bad_certificate, "unparsable peer certificate", e);
            }
        }
        return infos;
    }

    /**
     * Runs the verification; returns the outcome. {@code callbackFailure} receives an exception a callback threw.
     */
    static VerifyOutcome verify(Connection connection, List<CertInfo> chain, boolean peerIsServer,
            VerifySettings settings, java.util.function.Consumer<RuntimeException> callbackFailure) {
        Context context = connection.getContext();
        VerifyParams params = StoreAccess.trustStore(context.getCertStore()).params().copy();
        params.setPurpose(peerIsServer ? Purposes.SSL_SERVER : Purposes.SSL_CLIENT);
        if (settings.depth() >= 0) {
            params.setDepth(settings.depth());
        }
        if (settings.identity() != null) {
            settings.identity().copyIdentityTo(params);
        }
        VerifyCallback user = settings.callback();
        dev.portcullis.crypto.internal.verify.VerifyCallback engineCallback = user == null ? null : (ok, ctx) -> {
            try {
                X509 current = Crypto.loadCertificate(Crypto.FILETYPE_ASN1, ctx.currentCert().encoded());
                boolean accepted = user.verify(connection, current, ctx.error(), ctx.errorDepth(), ok ? 1 : 0);
                if (accepted) {
                    ctx.setError(X509_V_OK);
                }
                return accepted;
            } catch (RuntimeException e) {
                callbackFailure.accept(e);
                return false;
            }
        };
        return ChainVerifier.verify(StoreAccess.trustStore(context.getCertStore()), chain.get(0),
                chain.subList(1, chain.size()), params, engineCallback);
    }

    /** The alert OpenSSL sends for a verification error ({@code ssl_x509err2alert}). */
    static TlsFatalAlert alertFor(VerifyOutcome outcome) {
        short alert;
        switch (outcome.error()) {
            case ERR_UNABLE_TO_GET_ISSUER_CERT:
            case ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
            case ERR_SELF_SIGNED_CERT_IN_CHAIN:
            case ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
                alert = AlertDescription.unknown_ca;
                break;
            case ERR_CERT_HAS_EXPIRED:
                alert = AlertDescription.certificate_expired;
                break;
            case ERR_CERT_REVOKED:
                alert = AlertDescription.certificate_revoked;
                break;
            default:
                alert = AlertDescription.bad_certificate;
        }
        return new TlsFatalAlert(alert, "certificate verify failed: " + outcome.errorMessage());
    }

    /** What a verification runs with: the callback (and whether it belongs to the Context), depth, identity. */
    record VerifySettings(VerifyCallback callback, boolean contextCallback, int depth, VerifyParams identity) {
    }
}
