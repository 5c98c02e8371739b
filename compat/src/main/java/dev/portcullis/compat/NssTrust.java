package dev.portcullis.compat;

import java.util.Objects;

/**
 * The trust NSS gives one certificate, per purpose, as stored in the database's trust object and as
 * {@code certutil -L} prints it ({@code "CT,C,C"}: TLS, e-mail, object signing).
 *
 * <p>NSS keeps one trust level per purpose (server auth, client auth, e-mail protection, code signing) in a
 * trust object matched to the certificate by issuer and serial number and bound to it by a hash of the
 * certificate. {@code certutil}'s letters come from these levels: {@code C} trusted CA (for TLS servers and
 * e-mail/object signing), {@code T} trusted CA for TLS client authentication, {@code c} valid CA, {@code P}
 * trusted peer, {@code p} explicitly distrusted, {@code u} the database holds the private key (never stored:
 * derived from a key with the same CKA_ID). The letters {@code w}, {@code g} and {@code i} that certutil
 * accepts are not stored, or not shown again, by NSS.
 *
 * <p>{@link #status()} says where the trust came from: a verified trust object, one read without checking
 * (before login, as NSS itself does), one ignored because its integrity MAC failed, or none.
 */
public final class NssTrust {
    /** NSS's trust levels (nssdb-format.md §4.3), the same for classic and PKCS#11 3.2 trust objects. */
    public enum Level {
        /** Trusted as a peer (letter {@code P}). */
        TRUSTED,
        /** Trusted to issue certificates: a trust anchor ({@code C}, or {@code T} for client auth). */
        TRUSTED_DELEGATOR,
        /** A valid CA, not itself an anchor ({@code c}). */
        VALID_DELEGATOR,
        /** Must be verified through a chain (no letter). */
        MUST_VERIFY,
        /** Explicitly distrusted ({@code p}). */
        NOT_TRUSTED,
        /** No statement (no letter). */
        UNKNOWN
    }

    /** What a certificate is trusted for (one level each). */
    public enum Purpose {
        /** Issuing or being a TLS server certificate. */
        SERVER_AUTH,
        /** Issuing or being a TLS client certificate. */
        CLIENT_AUTH,
        /** S/MIME e-mail. */
        EMAIL_PROTECTION,
        /** Code (object) signing. */
        CODE_SIGNING
    }

    /** Where the levels came from. */
    public enum Status {
        /** No trust object exists for the certificate (certutil's {@code ",,"} or {@code "u,u,u"}). */
        NONE,
        /** Read from a trust object whose integrity MACs were verified (logged in, or an empty password). */
        VERIFIED,
        /** Read without checking MACs: the database has a password and no one has logged in (NSS does the same). */
        UNVERIFIED,
        /** The trust object failed its integrity check (or its certificate hash) and is ignored, as NSS ignores it. */
        IGNORED_TAMPERED
    }

    // CERTDB_* bits (certdb.h); the flag words certutil and python-nss print
    /** {@code CERTDB_TERMINAL_RECORD}. */
    public static final int TERMINAL_RECORD = 1;
    /** {@code CERTDB_TRUSTED}. */
    public static final int TRUSTED = 2;
    /** {@code CERTDB_SEND_WARN}. */
    public static final int SEND_WARN = 4;
    /** {@code CERTDB_VALID_CA}. */
    public static final int VALID_CA = 8;
    /** {@code CERTDB_TRUSTED_CA}. */
    public static final int TRUSTED_CA = 16;
    /** {@code CERTDB_NS_TRUSTED_CA}. */
    public static final int NS_TRUSTED_CA = 32;
    /** {@code CERTDB_USER}: the database holds the private key. */
    public static final int USER = 64;
    /** {@code CERTDB_TRUSTED_CLIENT_CA}. */
    public static final int TRUSTED_CLIENT_CA = 128;
    /** {@code CERTDB_INVISIBLE_CA}. */
    public static final int INVISIBLE_CA = 256;
    /** {@code CERTDB_GOVT_APPROVED_CA}. */
    public static final int GOVT_APPROVED_CA = 512;

    private final Level serverAuth;
    private final Level clientAuth;
    private final Level emailProtection;
    private final Level codeSigning;
    private final boolean stepUpApproved;
    private final boolean user;
    private final Status status;

    /**
     * Trust with the given levels. {@code user} adds the {@code u} flag (the database has the private key).
     */
    public NssTrust(Level serverAuth, Level clientAuth, Level emailProtection, Level codeSigning,
            boolean stepUpApproved, boolean user, Status status) {
        this.serverAuth = Objects.requireNonNull(serverAuth, "serverAuth");
        this.clientAuth = Objects.requireNonNull(clientAuth, "clientAuth");
        this.emailProtection = Objects.requireNonNull(emailProtection, "emailProtection");
        this.codeSigning = Objects.requireNonNull(codeSigning, "codeSigning");
        this.stepUpApproved = stepUpApproved;
        this.user = user;
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Trust for TLS servers (a CA trusted here may issue server certificates). */
    public Level serverAuth() {
        return serverAuth;
    }

    /** Trust for TLS clients (a CA trusted here may issue client certificates). */
    public Level clientAuth() {
        return clientAuth;
    }

    /** Trust for S/MIME e-mail. */
    public Level emailProtection() {
        return emailProtection;
    }

    /** Trust for code (object) signing. */
    public Level codeSigning() {
        return codeSigning;
    }

    /** The level for one purpose. */
    public Level level(Purpose purpose) {
        switch (Objects.requireNonNull(purpose, "purpose")) {
            case SERVER_AUTH:
                return serverAuth;
            case CLIENT_AUTH:
                return clientAuth;
            case EMAIL_PROTECTION:
                return emailProtection;
            default:
                return codeSigning;
        }
    }

    /** Whether the old "step-up" (export-grade upgrade) approval is set ({@code g}; never shown by certutil). */
    public boolean stepUpApproved() {
        return stepUpApproved;
    }

    /** Whether the database holds this certificate's private key (the {@code u} flag). */
    public boolean isUser() {
        return user;
    }

    /** Where these levels came from. */
    public Status status() {
        return status;
    }

    /** Whether the certificate is a trust anchor for verifying TLS servers ({@code C} in the first field). */
    public boolean isTrustedServerCa() {
        return serverAuth == Level.TRUSTED_DELEGATOR;
    }

    /** Whether the certificate is a trust anchor for verifying TLS clients ({@code T}). */
    public boolean isTrustedClientCa() {
        return clientAuth == Level.TRUSTED_DELEGATOR;
    }

    /** The SSL flag word as NSS computes it ({@code CERTCertTrust.sslFlags}). */
    public int sslFlags() {
        int ssl = bits(serverAuth);
        int client = bits(clientAuth);
        if ((client & (TRUSTED_CA | NS_TRUSTED_CA)) != 0) {
            client = (client & ~(TRUSTED_CA | NS_TRUSTED_CA)) | TRUSTED_CLIENT_CA;
        }
        return ssl | client | (user ? USER : 0);
    }

    /** The e-mail flag word ({@code CERTCertTrust.emailFlags}). */
    public int emailFlags() {
        return bits(emailProtection) | (user ? USER : 0);
    }

    /** The object-signing flag word ({@code CERTCertTrust.objectSigningFlags}). */
    public int objectSigningFlags() {
        return bits(codeSigning) | (user ? USER : 0);
    }

    /** The trust string exactly as {@code certutil -L} prints it, e.g. {@code "CT,C,C"} or {@code "u,u,u"}. */
    @Override
    public String toString() {
        return letters(sslFlags()) + "," + letters(emailFlags()) + "," + letters(objectSigningFlags());
    }

    private static int bits(Level level) {
        switch (level) {
            case TRUSTED:
                return TERMINAL_RECORD | TRUSTED;
            case TRUSTED_DELEGATOR:
                return VALID_CA | TRUSTED_CA;
            case NOT_TRUSTED:
                return TERMINAL_RECORD;
            case VALID_DELEGATOR:
                return VALID_CA;
            default:
                return 0;
        }
    }

    /** certdb.c's {@code EncodeFlags} letter order. */
    static String letters(int f) {
        StringBuilder sb = new StringBuilder();
        if ((f & VALID_CA) != 0 && (f & TRUSTED_CA) == 0 && (f & TRUSTED_CLIENT_CA) == 0) {
            sb.append('c');
        }
        if ((f & TERMINAL_RECORD) != 0 && (f & TRUSTED) == 0) {
            sb.append('p');
        }
        if ((f & TRUSTED_CA) != 0) {
            sb.append('C');
        }
        if ((f & TRUSTED_CLIENT_CA) != 0) {
            sb.append('T');
        }
        if ((f & TRUSTED) != 0) {
            sb.append('P');
        }
        if ((f & USER) != 0) {
            sb.append('u');
        }
        if ((f & SEND_WARN) != 0) {
            sb.append('w');
        }
        if ((f & INVISIBLE_CA) != 0) {
            sb.append('I');
        }
        if ((f & GOVT_APPROVED_CA) != 0) {
            sb.append('G');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NssTrust t && t.serverAuth == serverAuth && t.clientAuth == clientAuth
                && t.emailProtection == emailProtection && t.codeSigning == codeSigning
                && t.stepUpApproved == stepUpApproved && t.user == user && t.status == status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverAuth, clientAuth, emailProtection, codeSigning, stepUpApproved, user, status);
    }
}
