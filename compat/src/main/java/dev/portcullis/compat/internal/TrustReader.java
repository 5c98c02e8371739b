package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssTrust;
import dev.portcullis.compat.NssTrust.Level;
import dev.portcullis.compat.NssTrust.Status;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Finds and decodes the trust object of a certificate the way NSS does (nssdb-format.md §5, §6): a PKCS#11 3.2
 * {@code CKO_TRUST} first, else a classic {@code CKO_NSS_TRUST}, matched by issuer and serial number; its
 * certificate hash must match (a trust object without a hash may only distrust); when logged in, every
 * authenticated attribute must carry a valid MAC, except values that state nothing (UNKNOWN, step-up off),
 * which NSS 3.90+ does not check. A trust object failing any of this is ignored.
 */
public final class TrustReader {
    private static final long[] NSS_PURPOSES = {Pkcs11.CKA_NSS_TRUST_SERVER_AUTH, Pkcs11.CKA_NSS_TRUST_CLIENT_AUTH,
        Pkcs11.CKA_NSS_TRUST_EMAIL_PROTECTION, Pkcs11.CKA_NSS_TRUST_CODE_SIGNING};
    private static final long[] PKCS_PURPOSES = {Pkcs11.CKA_PKCS_TRUST_SERVER_AUTH,
        Pkcs11.CKA_PKCS_TRUST_CLIENT_AUTH, Pkcs11.CKA_PKCS_TRUST_EMAIL_PROTECTION,
        Pkcs11.CKA_PKCS_TRUST_CODE_SIGNING};

    private final Integrity integrity;

    /** A reader that checks MACs with {@code integrity}, or trusts stored values when it is {@code null}. */
    public TrustReader(Integrity integrity) {
        this.integrity = integrity;
    }

    /**
     * The trust of {@code cert}.
     *
     * @param candidates trust objects with the certificate's issuer and serial number
     * @param user whether the database holds the certificate's private key
     */
    public NssTrust trustOf(byte[] certDer, List<StoredObject> candidates, boolean user) {
        StoredObject chosen = pick(candidates, Pkcs11.CKO_TRUST);
        if (chosen == null) {
            chosen = pick(candidates, Pkcs11.CKO_NSS_TRUST);
        }
        if (chosen == null) {
            return none(user, Status.NONE);
        }
        boolean pkcs = chosen.objectClass() == Pkcs11.CKO_TRUST;
        Level[] levels = new Level[4];
        for (int i = 0; i < 4; i++) {
            levels[i] = pkcs ? pkcsLevel(chosen.ulong(PKCS_PURPOSES[i]).orElse(Pkcs11.CKT_TRUST_UNKNOWN))
                    : nssLevel(chosen.ulong(NSS_PURPOSES[i]).orElse(Pkcs11.CKT_NSS_TRUST_UNKNOWN));
        }
        byte[] stepUp = chosen.raw(Pkcs11.CKA_NSS_TRUST_STEP_UP_APPROVED);
        boolean stepUpApproved = !pkcs && stepUp != null && stepUp.length == 1 && stepUp[0] != 0;
        if (!hashMatches(chosen, pkcs, certDer, levels)) {
            return none(user, Status.IGNORED_TAMPERED);
        }
        Status status = Status.UNVERIFIED;
        if (integrity != null) {
            if (!macsValid(chosen)) {
                return none(user, Status.IGNORED_TAMPERED);
            }
            status = Status.VERIFIED;
        }
        return new NssTrust(levels[0], levels[1], levels[2], levels[3], stepUpApproved, user, status);
    }

    private static NssTrust none(boolean user, Status status) {
        return new NssTrust(Level.UNKNOWN, Level.UNKNOWN, Level.UNKNOWN, Level.UNKNOWN, false, user, status);
    }

    private static StoredObject pick(List<StoredObject> candidates, long objectClass) {
        for (StoredObject o : candidates) {
            if (o.objectClass() == objectClass) {
                return o;
            }
        }
        return null;
    }

    private static boolean hashMatches(StoredObject trust, boolean pkcs, byte[] certDer, Level[] levels) {
        byte[] stored;
        String algorithm;
        if (pkcs) {
            stored = trust.raw(Pkcs11.CKA_HASH_OF_CERTIFICATE);
            long mech = trust.ulong(Pkcs11.CKA_NAME_HASH_ALGORITHM).orElse(Pkcs11.CKM_SHA256);
            algorithm = mech == Pkcs11.CKM_SHA_1 ? "SHA-1" : mech == Pkcs11.CKM_SHA256 ? "SHA-256" : null;
        } else {
            stored = trust.raw(Pkcs11.CKA_NSS_CERT_SHA1_HASH);
            algorithm = "SHA-1";
        }
        if (stored == null || stored.length == 0) {
            for (Level l : levels) { // NSS accepts a hash-less trust object only if it grants nothing
                if (l != Level.NOT_TRUSTED && l != Level.UNKNOWN && l != Level.MUST_VERIFY) {
                    return false;
                }
            }
            return true;
        }
        if (algorithm == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(stored, MessageDigest.getInstance(algorithm).digest(certDer));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean macsValid(StoredObject trust) {
        // each MAC costs one PBKDF2 (10,000 iterations with a password): check them on all cores
        return authenticatedTypes(trust).parallelStream().allMatch(type -> {
            byte[] value = trust.raw(type);
            return isNullTrust(type, value)
                    || integrity.verify("cert", trust.id(), trust.id(), type, value) == Integrity.Verdict.VALID;
        });
    }

    private static List<Long> authenticatedTypes(StoredObject o) {
        List<Long> types = new java.util.ArrayList<>();
        for (long t : new long[] {Pkcs11.CKA_NSS_TRUST_SERVER_AUTH, Pkcs11.CKA_NSS_TRUST_CLIENT_AUTH,
            Pkcs11.CKA_NSS_TRUST_CODE_SIGNING, Pkcs11.CKA_NSS_TRUST_EMAIL_PROTECTION,
            Pkcs11.CKA_NSS_TRUST_STEP_UP_APPROVED, Pkcs11.CKA_NSS_CERT_SHA1_HASH, Pkcs11.CKA_NSS_CERT_MD5_HASH,
            Pkcs11.CKA_PKCS_TRUST_SERVER_AUTH, Pkcs11.CKA_PKCS_TRUST_CLIENT_AUTH, Pkcs11.CKA_PKCS_TRUST_CODE_SIGNING,
            Pkcs11.CKA_PKCS_TRUST_EMAIL_PROTECTION, Pkcs11.CKA_HASH_OF_CERTIFICATE,
            Pkcs11.CKA_NAME_HASH_ALGORITHM}) {
            if (o.has(t)) {
                types.add(t);
            }
        }
        return types;
    }

    /** NSS 3.90+'s {@code sftkdb_isNullTrust}: values that grant nothing are not MAC-checked. */
    private static boolean isNullTrust(long type, byte[] value) {
        if (type == Pkcs11.CKA_NSS_TRUST_STEP_UP_APPROVED) {
            return value.length == 1 && value[0] == 0;
        }
        boolean nss = type >= Pkcs11.CKA_NSS_TRUST_SERVER_AUTH && type <= Pkcs11.CKA_NSS_TRUST_EMAIL_PROTECTION;
        boolean pkcs = type >= Pkcs11.CKA_PKCS_TRUST_SERVER_AUTH && type <= Pkcs11.CKA_PKCS_TRUST_EMAIL_PROTECTION;
        if (!nss && !pkcs || value.length != 4) {
            return false;
        }
        long v = ((value[0] & 0xFFL) << 24) | ((value[1] & 0xFFL) << 16) | ((value[2] & 0xFFL) << 8) | (value[3] & 0xFFL);
        return nss ? v == Pkcs11.CKT_NSS_TRUST_UNKNOWN : v == Pkcs11.CKT_TRUST_UNKNOWN;
    }

    static Level nssLevel(long v) {
        if (v == Pkcs11.CKT_NSS_TRUSTED) {
            return Level.TRUSTED;
        } else if (v == Pkcs11.CKT_NSS_TRUSTED_DELEGATOR) {
            return Level.TRUSTED_DELEGATOR;
        } else if (v == Pkcs11.CKT_NSS_VALID_DELEGATOR) {
            return Level.VALID_DELEGATOR;
        } else if (v == Pkcs11.CKT_NSS_NOT_TRUSTED) {
            return Level.NOT_TRUSTED;
        } else if (v == Pkcs11.CKT_NSS_MUST_VERIFY_TRUST) {
            return Level.MUST_VERIFY;
        }
        return Level.UNKNOWN;
    }

    static Level pkcsLevel(long v) {
        if (v == Pkcs11.CKT_TRUSTED) {
            return Level.TRUSTED;
        } else if (v == Pkcs11.CKT_TRUST_ANCHOR) {
            return Level.TRUSTED_DELEGATOR;
        } else if (v == Pkcs11.CKT_NOT_TRUSTED) {
            return Level.NOT_TRUSTED;
        } else if (v == Pkcs11.CKT_TRUST_MUST_VERIFY_TRUST) {
            return Level.MUST_VERIFY;
        }
        return Level.UNKNOWN;
    }
}
