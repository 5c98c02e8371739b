package dev.portcullis.compat;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JSSE trust manager that follows the database's trust flags, per purpose, as NSS does: servers are verified
 * against certificates trusted to issue server certificates ({@code C} in certutil's first field), clients
 * against those trusted for client authentication ({@code T}); a certificate trusted as a peer ({@code P}) is
 * accepted as it is; any certificate of the chain that the database distrusts for the purpose ({@code p}) is
 * refused. Path building, validity, constraints and hostname checks (when JSSE asks for them) are the JDK's
 * PKIX implementation, given the database's anchors.
 */
final class NssDbTrustManager extends X509ExtendedTrustManager {
    private final List<NssCertificate> certificates;
    private final X509ExtendedTrustManager servers;
    private final X509ExtendedTrustManager clients;
    private final X509Certificate[] acceptedIssuers;

    NssDbTrustManager(NssDb db) {
        this.certificates = db.certificates();
        this.servers = pkix(anchors(db, NssTrust.Purpose.SERVER_AUTH));
        this.clients = pkix(anchors(db, NssTrust.Purpose.CLIENT_AUTH));
        this.acceptedIssuers = anchors(db, NssTrust.Purpose.CLIENT_AUTH).toArray(new X509Certificate[0]);
    }

    private static List<X509Certificate> anchors(NssDb db, NssTrust.Purpose purpose) {
        List<X509Certificate> out = new ArrayList<>();
        for (NssCertificate c : db.trustedCas(purpose)) {
            out.add(c.toJavaCertificate());
        }
        return out;
    }

    private static X509ExtendedTrustManager pkix(List<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            return null;
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate a : anchors) {
                ks.setCertificateEntry("anchor-" + i++, a);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the JDK's PKIX TrustManagerFactory gave no X509ExtendedTrustManager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new NssDbException("cannot build a trust manager from the database's CAs", e);
        }
    }

    private interface Check {
        void run(X509ExtendedTrustManager delegate) throws CertificateException;
    }

    private void check(X509Certificate[] chain, boolean server, Check check) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        NssTrust.Purpose purpose = server ? NssTrust.Purpose.SERVER_AUTH : NssTrust.Purpose.CLIENT_AUTH;
        for (X509Certificate x : chain) {
            NssCertificate known = find(x);
            if (known != null && known.trust().level(purpose) == NssTrust.Level.NOT_TRUSTED) {
                throw new CertificateException("certificate " + x.getSubjectX500Principal().getName()
                        + " is distrusted by the NSS database");
            }
        }
        NssCertificate leaf = find(chain[0]);
        if (leaf != null && leaf.trust().level(purpose) == NssTrust.Level.TRUSTED) {
            chain[0].checkValidity();
            return; // trusted peer ('P'): NSS accepts it as it is
        }
        X509ExtendedTrustManager delegate = server ? servers : clients;
        if (delegate == null) {
            throw new CertificateException("the NSS database trusts no CA to issue "
                    + (server ? "server" : "client") + " certificates");
        }
        check.run(delegate);
    }

    private NssCertificate find(X509Certificate x) {
        for (NssCertificate c : certificates) {
            if (c.toJavaCertificate().equals(x)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, false, d -> d.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, false, d -> d.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, false, d -> d.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, true, d -> d.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, true, d -> d.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, true, d -> d.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return acceptedIssuers.clone();
    }
}
