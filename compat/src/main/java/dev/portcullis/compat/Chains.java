package dev.portcullis.compat;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Certificate chains assembled from the database: the leaf, then each issuer found by subject name. */
final class Chains {
    private static final int MAX_DEPTH = 20;

    private Chains() {
    }

    /** {@code leaf} followed by its issuers in the database, up to a self-issued certificate or 20 links. */
    static X509Certificate[] chainOf(NssCertificate leaf, List<NssCertificate> all) {
        List<X509Certificate> chain = new ArrayList<>();
        X509Certificate cert = leaf.toJavaCertificate();
        chain.add(cert);
        while (chain.size() < MAX_DEPTH) {
            byte[] issuer = cert.getIssuerX500Principal().getEncoded();
            if (Arrays.equals(issuer, cert.getSubjectX500Principal().getEncoded())) {
                break;
            }
            X509Certificate next = null;
            for (NssCertificate c : all) {
                X509Certificate x = c.toJavaCertificate();
                if (Arrays.equals(x.getSubjectX500Principal().getEncoded(), issuer) && !chain.contains(x)) {
                    next = x;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            cert = next;
        }
        return chain.toArray(new X509Certificate[0]);
    }
}
