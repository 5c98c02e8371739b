package dev.portcullis.crypto.internal.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSL's {@code X509_VERIFY_PARAM}: flags, verification time, depth limit, purpose, security level and the
 * identities (host names, e-mail address, IP address) the leaf must match. Mutable; {@link #copy()} before sharing.
 */
public final class VerifyParams {
    /** {@code X509_V_FLAG_CRL_CHECK}: check the leaf against CRLs. */
    public static final int CRL_CHECK = 0x4;
    /** {@code X509_V_FLAG_CRL_CHECK_ALL}: with CRL_CHECK, check every certificate of the chain. */
    public static final int CRL_CHECK_ALL = 0x8;
    /** {@code X509_V_FLAG_IGNORE_CRITICAL}: do not fail on unhandled critical extensions. */
    public static final int IGNORE_CRITICAL = 0x10;
    /** {@code X509_V_FLAG_X509_STRICT}: apply the RFC 5280 conformance checks. */
    public static final int X509_STRICT = 0x20;
    /** {@code X509_V_FLAG_ALLOW_PROXY_CERTS}: accept RFC 3820 proxy certificates. */
    public static final int ALLOW_PROXY_CERTS = 0x40;
    /** {@code X509_V_FLAG_POLICY_CHECK}: evaluate certificate policies. */
    public static final int POLICY_CHECK = 0x80;
    /** {@code X509_V_FLAG_EXPLICIT_POLICY}: require an acceptable policy. */
    public static final int EXPLICIT_POLICY = 0x100;
    /** {@code X509_V_FLAG_INHIBIT_ANY}: anyPolicy is not accepted. */
    public static final int INHIBIT_ANY = 0x200;
    /** {@code X509_V_FLAG_INHIBIT_MAP}: policy mappings are not applied. */
    public static final int INHIBIT_MAP = 0x400;
    /** {@code X509_V_FLAG_CHECK_SS_SIGNATURE}: also check the self-signature of the trust anchor. */
    public static final int CHECK_SS_SIGNATURE = 0x4000;
    /** {@code X509_V_FLAG_TRUSTED_FIRST}: look for issuers in the trust store before the untrusted list (default). */
    public static final int TRUSTED_FIRST = 0x8000;
    /** {@code X509_V_FLAG_PARTIAL_CHAIN}: any certificate of the trust store is an acceptable anchor. */
    public static final int PARTIAL_CHAIN = 0x80000;
    /** {@code X509_V_FLAG_NO_ALT_CHAINS}: do not retry with alternative chains. */
    public static final int NO_ALT_CHAINS = 0x100000;
    /** {@code X509_V_FLAG_NO_CHECK_TIME}: ignore validity periods. */
    public static final int NO_CHECK_TIME = 0x200000;

    /** OpenSSL's default maximum chain depth. */
    public static final int DEFAULT_DEPTH = 100;

    int flags = TRUSTED_FIRST;
    Long time;
    int depth = DEFAULT_DEPTH;
    int purpose;
    int authLevel = -1;
    final List<String> hosts = new ArrayList<>();
    int hostFlags;
    String email;
    byte[] ip;

    /** ORs {@code flags} in ({@code X509_VERIFY_PARAM_set_flags}); any policy flag also turns on POLICY_CHECK. */
    public VerifyParams setFlags(int flags) {
        this.flags |= flags;
        if ((flags & (POLICY_CHECK | EXPLICIT_POLICY | INHIBIT_ANY | INHIBIT_MAP)) != 0) {
            this.flags |= POLICY_CHECK;
        }
        return this;
    }

    /** Clears {@code flags} ({@code X509_VERIFY_PARAM_clear_flags}). */
    public VerifyParams clearFlags(int flags) {
        this.flags &= ~flags;
        return this;
    }

    /** The current flags. */
    public int flags() {
        return flags;
    }

    /** Verifies at {@code instant} (whole seconds) instead of now; {@code null} goes back to "now". */
    public VerifyParams setTime(Instant instant) {
        this.time = instant == null ? null : instant.getEpochSecond();
        return this;
    }

    /** Maximum number of intermediate certificates ({@code X509_VERIFY_PARAM_set_depth}); must be ≥ 0. */
    public VerifyParams setDepth(int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        }
        this.depth = Math.min(depth, Integer.MAX_VALUE / 2);
        return this;
    }

    /** The depth limit. */
    public int depth() {
        return depth;
    }

    /** Sets the purpose ({@link Purposes} ids 1–9, 0 for none) checked on every certificate of the chain. */
    public VerifyParams setPurpose(int purpose) {
        if (purpose != 0 && !Purposes.isKnown(purpose)) {
            throw new IllegalArgumentException("unknown purpose id " + purpose);
        }
        this.purpose = purpose;
        return this;
    }

    /** Sets the security level (0–5; negative disables) for key sizes and signature digests, as TLS does. */
    public VerifyParams setAuthLevel(int level) {
        this.authLevel = level;
        return this;
    }

    /** Replaces the host names the leaf must match (any one suffices); {@code null} clears them. */
    public VerifyParams setHost(String host) {
        hosts.clear();
        if (host != null) {
            hosts.add(host);
        }
        return this;
    }

    /** Adds another acceptable host name ({@code X509_VERIFY_PARAM_add1_host}). */
    public VerifyParams addHost(String host) {
        if (host != null) {
            hosts.add(host);
        }
        return this;
    }

    /** {@code X509_CHECK_FLAG_*} bits for host and e-mail matching. */
    public VerifyParams setHostFlags(int hostFlags) {
        this.hostFlags = hostFlags;
        return this;
    }

    /** The e-mail address the leaf must carry; {@code null} clears it. */
    public VerifyParams setEmail(String email) {
        this.email = email;
        return this;
    }

    /** The IP address (4 or 16 bytes) the leaf must carry; {@code null} clears it. */
    public VerifyParams setIp(byte[] address) {
        if (address != null && address.length != 4 && address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + address.length);
        }
        this.ip = address == null ? null : address.clone();
        return this;
    }

    /** The verification time in epoch seconds (now when unset). */
    long now() {
        return time != null ? time : System.currentTimeMillis() / 1000;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Copies the host names, host flags, e-mail and IP of {@code this} into {@code target}. */
    public void copyIdentityTo(VerifyParams target) {
        target.hosts.clear();
        target.hosts.addAll(hosts);
        target.hostFlags = hostFlags;
        target.email = email;
        target.ip = ip;
    }

    /** An independent copy. */
    public VerifyParams copy() {
        VerifyParams p = new VerifyParams();
        p.flags = flags;
        p.time = time;
        p.depth = depth;
        p.purpose = purpose;
        p.authLevel = authLevel;
        p.hosts.addAll(hosts);
        p.hostFlags = hostFlags;
        p.email = email;
        p.ip = ip;
        return p;
    }
}
