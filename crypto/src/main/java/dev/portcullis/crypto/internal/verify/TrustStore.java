package dev.portcullis.crypto.internal.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's {@code X509_STORE}: trusted certificates and CRLs, hashed directories consulted lazily by
 * subject name, and default verification parameters. Safe to share between threads once configured; every
 * method is synchronized and lookups return snapshots.
 */
public final class TrustStore {
    private final List<CertInfo> certs = new ArrayList<>();
    private final Map<CanonicalName, List<CertInfo>> bySubject = new HashMap<>();
    private final List<CrlInfo> crls = new ArrayList<>();
    private final List<CapathDirectory> directories = new ArrayList<>();
    private final VerifyParams params = new VerifyParams();

    /** Adds a trusted certificate; an identical one already present is ignored (as {@code X509_STORE_add_cert}). */
    public synchronized void addCert(CertInfo cert) {
        List<CertInfo> same = bySubject.computeIfAbsent(cert.subject, k -> new ArrayList<>());
        for (CertInfo c : same) {
            if (c.sameAs(cert)) {
                return;
            }
        }
        same.add(cert);
        certs.add(cert);
    }

    /** Adds a CRL (used when a CRL_CHECK flag is set); an identical one already present is ignored. */
    public synchronized void addCrl(CrlInfo crl) {
        for (CrlInfo c : crls) {
            if (c.sameAs(crl)) {
                return;
            }
        }
        crls.add(crl);
    }

    /** Adds an OpenSSL hashed directory ({@code <hash>.N} certificates, {@code <hash>.rN} CRLs), read on demand. */
    public synchronized void addDirectory(Path dir) {
        directories.add(new CapathDirectory(dir));
    }

    /** The store's default parameters (flags, time, depth…), copied into each verification. */
    public synchronized VerifyParams params() {
        return params;
    }

    /** A copy of the default parameters. */
    synchronized VerifyParams paramsCopy() {
        return params.copy();
    }

    /** All trusted certificates added directly or loaded so far from directories, in insertion order. */
    public synchronized List<CertInfo> certificates() {
        return List.copyOf(certs);
    }

    /**
     * Trusted certificates whose subject is {@code name}, in insertion order; hashed directories are read only
     * when the store has none yet (as OpenSSL's lookup cache does).
     */
    synchronized List<CertInfo> certsBySubject(CanonicalName name) {
        List<CertInfo> found = bySubject.get(name);
        if ((found == null || found.isEmpty()) && !directories.isEmpty()) {
            for (CapathDirectory dir : directories) {
                for (CertInfo c : dir.certificates(name)) {
                    if (c.subject.equals(name)) {
                        addCert(c);
                    }
                }
            }
            found = bySubject.get(name);
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    /** CRLs whose issuer is {@code name}, including those in hashed directories. */
    synchronized List<CrlInfo> crlsByIssuer(CanonicalName name) {
        for (CapathDirectory dir : directories) {
            for (CrlInfo c : dir.crls(name)) {
                if (c.issuer.equals(name)) {
                    addCrl(c);
                }
            }
        }
        List<CrlInfo> out = new ArrayList<>();
        for (CrlInfo c : crls) {
            if (c.issuer.equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** All CRLs added so far. */
    synchronized List<CrlInfo> crls() {
        return List.copyOf(crls);
    }
}
