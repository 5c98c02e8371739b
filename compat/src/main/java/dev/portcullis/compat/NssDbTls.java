package dev.portcullis.compat;

import java.util.List;
import java.util.Objects;

import dev.portcullis.crypto.X509;
import dev.portcullis.ssl.ClientCertCallback;
import dev.portcullis.ssl.ClientCertificate;
import dev.portcullis.ssl.Context;

/**
 * An NSS database behind Portcullis TLS: the client certificate chosen during the handshake from the issuers the
 * server asks for (the Dogtag/FreeIPA pattern, OpenSSL's {@code SSL_CTX_set_client_cert_cb} backed by
 * {@code NSS_GetClientAuthData}'s rule), and the database's trusted CAs as the context's trust store.
 *
 * <pre>{@code
 * try (NssDb db = NssDb.open("sql:/etc/pki/pki-tomcat/alias")) {
 *     db.login(password);
 *     Context context = new Context(SSL.TLS_CLIENT_METHOD);
 *     NssDbTls.useClientCertificates(context, db);     // key and chain picked per server, decrypted on demand
 *     NssDbTls.trustServers(context, db);              // CAs the database trusts for TLS servers (C / T flags)
 *     context.setVerify(SSL.VERIFY_PEER);
 * }
 * }</pre>
 *
 * <p>The database must stay open (and logged in, for a password-protected one) while connections handshake.
 */
public final class NssDbTls {
    private NssDbTls() {
    }

    /**
     * A callback that answers a server's certificate request with the database certificate NSS would choose for
     * those issuers (see {@link NssDb#findClientCertificate}), its chain from the database and its decrypted key;
     * {@code null} (no certificate) when none fits.
     */
    public static ClientCertCallback clientCertificates(NssDb db) {
        Objects.requireNonNull(db, "db");
        return (connection, issuers, signatureAlgorithms) -> {
            NssCertificate chosen = db.findClientCertificateForNames(issuers);
            if (chosen == null || !chosen.hasPrivateKey()) {
                return null;
            }
            List<X509> chain = db.chainOf(chosen);
            return new ClientCertificate(chain, chosen.privateKey().toPKey());
        };
    }

    /** Installs {@link #clientCertificates(NssDb)} on {@code context}. */
    public static void useClientCertificates(Context context, NssDb db) {
        Objects.requireNonNull(context, "context").setClientCertCallback(clientCertificates(db));
    }

    /** Adds the CAs the database trusts for TLS servers to {@code context}'s certificate store. */
    public static void trustServers(Context context, NssDb db) {
        addTrusted(context, db, NssTrust.Purpose.SERVER_AUTH);
    }

    /** Adds the CAs the database trusts for TLS clients to {@code context}'s store (a server verifying clients). */
    public static void trustClients(Context context, NssDb db) {
        addTrusted(context, db, NssTrust.Purpose.CLIENT_AUTH);
    }

    private static void addTrusted(Context context, NssDb db, NssTrust.Purpose purpose) {
        Objects.requireNonNull(context, "context");
        for (NssCertificate ca : Objects.requireNonNull(db, "db").trustedCas(purpose)) {
            context.getCertStore().addCert(ca.toX509());
        }
    }
}
