package dev.portcullis.crypto;

import java.util.ArrayList;
import java.util.List;

import dev.portcullis.crypto.internal.verify.CertInfo;
import dev.portcullis.crypto.internal.verify.ChainVerifier;
import dev.portcullis.crypto.internal.verify.IdentityMatcher;
import dev.portcullis.crypto.internal.IpAddresses;
import dev.portcullis.crypto.internal.verify.StoreAccess;
import dev.portcullis.crypto.internal.verify.VerifyCallback;
import dev.portcullis.crypto.internal.verify.VerifyOutcome;
import dev.portcullis.crypto.internal.verify.VerifyParams;

/**
 * pyOpenSSL's {@code crypto.X509StoreContext}: verifies one certificate against an {@link X509Store}, with extra
 * untrusted intermediates, the way OpenSSL 3's {@code X509_verify_cert} does — same chain building, same checks in
 * the same order, same {@code X509_V_ERR_*} codes, depths and messages.
 *
 * <pre>{@code
 * X509Store store = new X509Store();
 * store.addCert(root);
 * X509StoreContext ctx = new X509StoreContext(store, leaf, List.of(intermediate));
 * ctx.setHost("www.example.com");          // beyond pyOpenSSL: RFC 6125 host name check (error 62)
 * List<X509> chain = ctx.getVerifiedChain(); // leaf, intermediate, root
 * }</pre>
 *
 * <p>Each call verifies afresh, so a context can be reused and gives the same answer; the intermediates are copied
 * when the context is made. Beyond pyOpenSSL: {@link #setHost}, {@link #setIp}, {@link #setEmail} (OpenSSL's
 * {@code X509_VERIFY_PARAM_set1_host/ip/email}), {@link #setVerifyCallback}, and the static {@link #checkHost},
 * {@link #checkIp}, {@link #checkEmail} ({@code X509_check_host/ip/email}).
 */
public final class X509StoreContext {
    /** {@code X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT}: consult the subject CN even when DNS SANs exist. */
    public static final int CHECK_FLAG_ALWAYS_CHECK_SUBJECT = IdentityMatcher.ALWAYS_CHECK_SUBJECT;
    /** {@code X509_CHECK_FLAG_NO_WILDCARDS}: certificate wildcards match nothing. */
    public static final int CHECK_FLAG_NO_WILDCARDS = IdentityMatcher.NO_WILDCARDS;
    /** {@code X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS}: only whole-label wildcards such as {@code *.example.com}. */
    public static final int CHECK_FLAG_NO_PARTIAL_WILDCARDS = IdentityMatcher.NO_PARTIAL_WILDCARDS;
    /** {@code X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS}: a whole-label wildcard may span several labels. */
    public static final int CHECK_FLAG_MULTI_LABEL_WILDCARDS = IdentityMatcher.MULTI_LABEL_WILDCARDS;
    /** {@code X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS}: {@code .example.com} matches one extra label only. */
    public static final int CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS = IdentityMatcher.SINGLE_LABEL_SUBDOMAINS;
    /** {@code X509_CHECK_FLAG_NEVER_CHECK_SUBJECT}: never fall back to the subject CN. */
    public static final int CHECK_FLAG_NEVER_CHECK_SUBJECT = IdentityMatcher.NEVER_CHECK_SUBJECT;

    private X509Store store;
    private final X509 certificate;
    private final List<X509> chain;
    private final VerifyParams identity = new VerifyParams();
    private X509VerifyCallback callback;

    /**
     * A context verifying {@code certificate} against {@code store}, with {@code chain} as untrusted intermediates.
     *
     * @param chain untrusted certificates that may complete the chain, or {@code null}
     * @throws IllegalArgumentException if {@code store} or {@code certificate} is {@code null}, or an element of
     *     {@code chain} is {@code null} ("One of the elements is not an X509 instance", pyOpenSSL's TypeError)
     */
    public X509StoreContext(X509Store store, X509 certificate, List<X509> chain) {
        if (store == null || certificate == null) {
            throw new IllegalArgumentException("store and certificate must not be null");
        }
        this.store = store;
        this.certificate = certificate;
        if (chain == null) {
            this.chain = null;
        } else {
            for (X509 c : chain) {
                if (c == null) {
                    throw new IllegalArgumentException("One of the elements is not an X509 instance");
                }
            }
            this.chain = List.copyOf(chain);
        }
    }

    /** A context without untrusted intermediates. */
    public X509StoreContext(X509Store store, X509 certificate) {
        this(store, certificate, null);
    }

    /** Uses {@code store} for future verifications. */
    public void setStore(X509Store store) {
        if (store == null) {
            throw new IllegalArgumentException("store must not be null");
        }
        this.store = store;
    }

    /**
     * Also requires the leaf to be valid for host name {@code host} (error 62 "hostname mismatch"), with OpenSSL's
     * {@code X509_check_host} rules and the given {@code CHECK_FLAG_*} flags; {@code null} removes the requirement.
     */
    public void setHost(String host, int checkFlags) {
        identity.setHost(host).setHostFlags(checkFlags);
    }

    /** {@link #setHost(String, int)} with OpenSSL's default flags (partial wildcards allowed, CN fallback). */
    public void setHost(String host) {
        setHost(host, 0);
    }

    /** Also requires the leaf to carry IP address {@code ip} (textual IPv4 or IPv6; error 64); {@code null} removes it. */
    public void setIp(String ip) {
        identity.setIp(ip == null ? null : parseIp(ip));
    }

    /** Also requires the leaf to carry e-mail address {@code email} (error 63); {@code null} removes it. */
    public void setEmail(String email) {
        identity.setEmail(email);
    }

    /** Sets the callback consulted at every step ({@code null}: the first error fails verification). */
    public void setVerifyCallback(X509VerifyCallback callback) {
        this.callback = callback;
    }

    /**
     * Verifies the certificate.
     *
     * @throws X509StoreContextException with OpenSSL's code, depth, message and the failing certificate
     */
    public void verifyCertificate() {
        verify();
    }

    /**
     * Verifies the certificate and returns the chain, leaf first and trust anchor last.
     *
     * @throws X509StoreContextException as {@link #verifyCertificate()}
     */
    public List<X509> getVerifiedChain() {
        VerifyOutcome outcome = verify();
        List<X509> out = new ArrayList<>(outcome.chain().size());
        for (CertInfo c : outcome.chain()) {
            out.add(toX509(c));
        }
        return out;
    }

    private VerifyOutcome verify() {
        var trust = StoreAccess.trustStore(store);
        VerifyParams params = trust.params().copy();
        identity.copyIdentityTo(params);
        List<CertInfo> untrusted = null;
        if (chain != null) {
            untrusted = new ArrayList<>(chain.size());
            for (X509 c : chain) {
                untrusted.add(info(c));
            }
        }
        VerifyOutcome outcome = ChainVerifier.verify(trust, info(certificate), untrusted, params, engineCallback());
        if (!outcome.returned() || outcome.error() != 0) {
            String message = outcome.errorMessage();
            X509 failing = outcome.currentCert() == null ? null : toX509(outcome.currentCert());
            throw new X509StoreContextException(message,
                    new X509StoreContextException.Errors(outcome.error(), outcome.errorDepth(), message), failing);
        }
        return outcome;
    }

    private VerifyCallback engineCallback() {
        X509VerifyCallback cb = callback;
        if (cb == null) {
            return null;
        }
        return (ok, ctx) -> {
            X509 current = ctx.currentCert() == null ? null : toX509(ctx.currentCert());
            boolean accepted = cb.verify(current, ctx.error(), ctx.errorDepth(), ok);
            if (accepted) {
                ctx.setError(0); // as pyOpenSSL's verify wrapper: an accepted error is forgiven
            }
            return accepted;
        };
    }

    private static CertInfo info(X509 cert) {
        return CertInfos.of(cert);
    }

    private static X509 toX509(CertInfo cert) {
        return Crypto.loadCertificate(Crypto.FILETYPE_ASN1, cert.encoded());
    }

    /**
     * OpenSSL's {@code X509_check_host}: whether {@code cert} is valid for host name {@code host} (ASCII, IDNs as
     * A-labels). DNS subjectAltNames are matched case-insensitively, a wildcard only in the left-most label; the
     * subject CN is used only when there is no DNS SAN (unless {@code flags} say otherwise).
     */
    public static boolean checkHost(X509 cert, String host, int flags) {
        return host != null && IdentityMatcher.matchesHost(info(cert), host, flags);
    }

    /** OpenSSL's {@code X509_check_ip_asc}: whether {@code cert} has an iPAddress SAN equal to {@code ip}. */
    public static boolean checkIp(X509 cert, String ip) {
        return ip != null && IdentityMatcher.matchesIp(info(cert), parseIp(ip));
    }

    /** OpenSSL's {@code X509_check_email}: whether {@code cert} carries e-mail address {@code email}. */
    public static boolean checkEmail(X509 cert, String email, int flags) {
        return email != null && IdentityMatcher.matchesEmail(info(cert), email, flags);
    }

    /** A literal IPv4 or IPv6 address as OpenSSL's {@code a2i_ipadd} reads it (never a DNS lookup). */
    private static byte[] parseIp(String ip) {
        byte[] address = IpAddresses.parse(ip);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address literal: " + ip);
        }
        return address;
    }
}
