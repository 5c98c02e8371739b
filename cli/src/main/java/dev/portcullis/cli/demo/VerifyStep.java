package dev.portcullis.cli.demo;

import java.io.PrintStream;
import java.util.List;

import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Store;
import dev.portcullis.crypto.X509StoreContext;
import dev.portcullis.crypto.X509StoreContextException;

/** Chain verification with OpenSSL's verdicts: the server certificate against its CA, then two failures. */
final class VerifyStep implements DemoStep {
    @Override
    public String title() {
        return "Chain verification (X509Store, X509StoreContext)";
    }

    @Override
    public void run(DemoState state, PrintStream out) {
        X509Store store = new X509Store();
        store.addCert(state.caCertificate);
        X509StoreContext context = new X509StoreContext(store, state.serverCertificate, List.of());
        context.setHost("localhost");
        out.println("verified chain for host 'localhost':");
        for (X509 certificate : context.getVerifiedChain()) {
            out.println("  " + certificate.getSubject());
        }
        try {
            new X509StoreContext(new X509Store(), state.serverCertificate, List.of()).verifyCertificate();
        } catch (X509StoreContextException e) {
            out.println("empty store:        " + e.errors() + "  at " + e.certificate().getSubject());
        }
        X509StoreContext wrongHost = new X509StoreContext(store, state.serverCertificate, List.of());
        wrongHost.setHost("wrong.example");
        try {
            wrongHost.verifyCertificate();
        } catch (X509StoreContextException e) {
            out.println("host wrong.example: " + e.errors());
        }
    }
}
