package dev.portcullis.compat;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Choosing a client certificate for TLS from an NSS database, after NSS's {@code NSS_GetClientAuthData}
 * ({@code lib/ssl/authcert.c}): the candidates are the "user" certificates (those whose private key the
 * database holds) usable for TLS client authentication (not a CA certificate; key usage, if present, allows
 * digital signatures; extended key usage, if present, includes {@code clientAuth}); they are ordered valid-now first, then newest
 * {@code notBefore} first ({@code CERT_SortCBValidity}); and when the server names acceptable CAs, a candidate
 * is kept only if its own issuer or the issuer of a certificate up its chain (found in the database by subject,
 * at most 20 steps, as {@code CERT_FilterCertListByCANames}) is one of them. The first survivor wins.
 *
 * <p>One deliberate difference: NSS drops expired certificates entirely, while this selection returns an
 * expired one when no valid certificate qualifies (the server will then refuse it with a clear alert rather
 * than the client sending no certificate at all).
 */
public final class ClientCertificates {
    private static final int MAX_CHAIN_DEPTH = 20;

    private ClientCertificates() {
    }

    /**
     * The certificate to present, or {@code null}.
     *
     * @param issuerNames DER-encoded distinguished names the server accepts; {@code null} or empty = any
     * @param now the time validity is judged at
     */
    public static NssCertificate select(List<NssCertificate> all, List<byte[]> issuerNames, Instant now) {
        List<NssCertificate> candidates = new ArrayList<>();
        for (NssCertificate c : all) {
            if (c.hasPrivateKey() && usableForClientAuth(c.toJavaCertificate())) {
                candidates.add(c);
            }
        }
        Date date = Date.from(now);
        candidates.sort(Comparator.comparing((NssCertificate c) -> !validAt(c, date))
                .thenComparing(c -> c.toJavaCertificate().getNotBefore(), Comparator.reverseOrder()));
        for (NssCertificate c : candidates) {
            if (issuerNames == null || issuerNames.isEmpty() || chainReaches(c, all, issuerNames)) {
                return c;
            }
        }
        return null;
    }

    private static boolean chainReaches(NssCertificate leaf, List<NssCertificate> all, List<byte[]> names) {
        X509Certificate cert = leaf.toJavaCertificate();
        for (int depth = 0; depth < MAX_CHAIN_DEPTH && cert != null; depth++) {
            byte[] issuer = cert.getIssuerX500Principal().getEncoded();
            for (byte[] name : names) {
                if (name != null && Arrays.equals(name, issuer)) {
                    return true;
                }
            }
            if (Arrays.equals(issuer, cert.getSubjectX500Principal().getEncoded())) {
                return false; // self-issued: the chain ends here
            }
            cert = findIssuer(all, issuer);
        }
        return false;
    }

    private static X509Certificate findIssuer(List<NssCertificate> all, byte[] issuer) {
        for (NssCertificate c : all) {
            if (Arrays.equals(c.subject().getEncoded(), issuer)) {
                return c.toJavaCertificate();
            }
        }
        return null;
    }

    private static boolean validAt(NssCertificate c, Date date) {
        X509Certificate x = c.toJavaCertificate();
        return !date.before(x.getNotBefore()) && !date.after(x.getNotAfter());
    }

    static boolean usableForClientAuth(X509Certificate x) {
        if (x.getBasicConstraints() >= 0) {
            return false; // NSS derives only CA certificate types for a CA without nsCertType: never a client cert
        }
        boolean[] ku = x.getKeyUsage();
        if (ku != null && !(ku.length > 0 && ku[0])) {
            return false;
        }
        try {
            List<String> eku = x.getExtendedKeyUsage();
            return eku == null || eku.contains("1.3.6.1.5.5.7.3.2") || eku.contains("2.5.29.37.0");
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
