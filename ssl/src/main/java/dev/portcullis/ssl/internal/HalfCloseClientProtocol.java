package dev.portcullis.ssl.internal;

import java.io.IOException;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsProtocol;

/** bctls's non-blocking client protocol with OpenSSL's half-close semantics (see {@link CloseNotifyHandling}). */
final class HalfCloseClientProtocol extends TlsClientProtocol implements CloseNotifyHandling {
    private boolean closeNotifyReceived;

    @Override
    protected void handleAlertWarningMessage(short description) throws IOException {
        if (description == AlertDescription.close_notify && isConnected()) {
            closeNotifyReceived = true;
            return;
        }
        super.handleAlertWarningMessage(description);
    }

    @Override
    public boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    @Override
    public void sendCloseNotify() throws IOException {
        raiseAlertWarning(AlertDescription.close_notify, "Connection closed");
    }

    @Override
    public TlsProtocol protocol() {
        return this;
    }
}
