package dev.portcullis.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.portcullis.compat.NssCertificate;
import dev.portcullis.compat.NssDb;
import dev.portcullis.compat.NssTrust;
import dev.portcullis.crypto.X509;
import dev.portcullis.ssl.Context;
import dev.portcullis.ssl.MemoryPair;
import dev.portcullis.ssl.SSL;
import dev.portcullis.testdata.Fixtures;

/**
 * An NSS database made by certutil/pk12util (a testdata fixture), read without NSS: its certificates with their
 * trust strings, a private key decrypted with the database password, and a TLS handshake whose client certificate
 * and key come from the database.
 */
final class NssStep implements DemoStep {
    private static final char[] PASSWORD = "nss-password".toCharArray();

    @Override
    public String title() {
        return "NSS database read without NSS (dev.portcullis.compat)";
    }

    @Override
    public void run(DemoState state, PrintStream out) throws Exception {
        Path dir = state.workDir.resolve("nssdb");
        Fixtures.copyTo("nss/pw/", dir);
        try (NssDb db = NssDb.open("sql:" + dir)) {
            db.login(PASSWORD.clone());
            out.println("certutil -L equivalent (nickname, trust):");
            for (NssCertificate certificate : db.certificates()) {
                out.printf("  %-44s %s%n", certificate.nickname(), certificate.trust());
            }
            List<NssCertificate> cas = db.trustedCas(NssTrust.Purpose.CLIENT_AUTH);
            NssCertificate client = db.findClientCertificateForNames(
                    List.of(cas.get(0).toX509().getSubject()));
            out.println("client certificate for issuer '" + cas.get(0).nickname() + "': " + client.nickname()
                    + " (" + client.privateKey().keyType() + " key decrypted)");

            Context server = new Context(SSL.TLS_SERVER_METHOD);
            server.useCertificate(state.serverCertificate);
            server.usePrivateKey(state.serverKey);
            for (NssCertificate ca : cas) {
                server.getCertStore().addCert(ca.toX509());
            }
            server.setVerify(SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT);
            Context clientContext = new Context(SSL.TLS_CLIENT_METHOD);
            clientContext.getCertStore().addCert(state.caCertificate);
            clientContext.setVerify(SSL.VERIFY_PEER);
            List<X509> chain = db.chainOf(client);
            clientContext.useCertificate(chain.get(0));
            clientContext.usePrivateKey(client.privateKey().toPKey());
            MemoryPair pair = MemoryPair.of(clientContext, server);
            pair.handshake();
            out.println("mutual TLS handshake: server saw client " + pair.server().getPeerCertificate().getSubject()
                    + " over " + pair.server().getProtocolVersionName());
            pair.shutdown();
        }
    }
}
