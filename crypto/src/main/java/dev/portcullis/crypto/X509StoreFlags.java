package dev.portcullis.crypto;

/**
 * pyOpenSSL's {@code crypto.X509StoreFlags}: the OpenSSL {@code X509_V_FLAG_*} values accepted by
 * {@link X509Store#setFlags(int)}. Combine them with {@code |}.
 */
public final class X509StoreFlags {
    /** Check the leaf certificate against the CRLs in the store; a missing CRL is error 3. */
    public static final int CRL_CHECK = 0x4;
    /** With {@link #CRL_CHECK}: check every certificate of the chain, not only the leaf. */
    public static final int CRL_CHECK_ALL = 0x8;
    /** Accept certificates (and CRLs) with critical extensions OpenSSL does not handle (otherwise error 34/36). */
    public static final int IGNORE_CRITICAL = 0x10;
    /** Apply RFC 5280 conformance rules strictly (key identifiers, critical basicConstraints on CAs, …). */
    public static final int X509_STRICT = 0x20;
    /** Accept RFC 3820 proxy certificates. */
    public static final int ALLOW_PROXY_CERTS = 0x40;
    /** Evaluate certificate policies (RFC 5280 §6.1; see the engine notes for what is supported). */
    public static final int POLICY_CHECK = 0x80;
    /** Require an acceptable certificate policy (error 43 "no explicit policy" otherwise). */
    public static final int EXPLICIT_POLICY = 0x100;
    /** Do not apply policy mappings. */
    public static final int INHIBIT_MAP = 0x400;
    /** Also verify the trust anchor's self-signature (OpenSSL skips it by default: it adds no security). */
    public static final int CHECK_SS_SIGNATURE = 0x4000;
    /** Accept any certificate in the store as a trust anchor, even when it is not self-signed. */
    public static final int PARTIAL_CHAIN = 0x80000;

    private X509StoreFlags() {
    }
}
