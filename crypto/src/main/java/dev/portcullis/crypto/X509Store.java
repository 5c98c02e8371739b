package dev.portcullis.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.portcullis.crypto.internal.verify.CertInfo;
import dev.portcullis.crypto.internal.verify.CrlInfo;
import dev.portcullis.crypto.internal.verify.PemBundle;
import dev.portcullis.crypto.internal.verify.StoreAccess;
import dev.portcullis.crypto.internal.verify.SystemTrust;
import dev.portcullis.crypto.internal.verify.TrustStore;

/**
 * pyOpenSSL's {@code crypto.X509Store}: the trust anchors (and CRLs) a chain is verified against with
 * {@link X509StoreContext}.
 *
 * <p>Certificates added here are trusted. A self-signed one is a trust anchor; a non-self-signed one is used as a
 * trusted issuer on the way to a self-signed anchor, or is itself an anchor with
 * {@link X509StoreFlags#PARTIAL_CHAIN}. CRLs are consulted only with {@link X509StoreFlags#CRL_CHECK}. A store can
 * be shared by several contexts and threads once it is set up.
 */
public final class X509Store {
    static {
        StoreAccess.register(store -> store.trust);
    }

    private final TrustStore trust = new TrustStore();

    /** An empty store: nothing is trusted. */
    public X509Store() {
    }

    /**
     * Adds a trusted certificate. Adding the same certificate twice is accepted silently.
     *
     * @throws IllegalArgumentException if {@code cert} is {@code null} (pyOpenSSL: {@code TypeError})
     */
    public void addCert(X509 cert) {
        if (cert == null) {
            throw new IllegalArgumentException("cert must be an X509 instance, got null");
        }
        trust.addCert(CertInfos.of(cert));
    }

    /**
     * Adds a certificate revocation list (pyOpenSSL up to 23.2's {@code add_crl(crypto.CRL)}). CRLs are consulted
     * only with {@link X509StoreFlags#CRL_CHECK}; an identical CRL added twice is kept once.
     *
     * @throws IllegalArgumentException if {@code crl} is {@code null} (pyOpenSSL: {@code TypeError}) or cannot be
     *     encoded (for example a new CRL that was never signed)
     */
    public void addCrl(CRL crl) {
        if (crl == null) {
            throw new IllegalArgumentException("CRL must be of type CRL, got null");
        }
        byte[] der;
        try {
            der = Crypto.dumpCrl(Crypto.FILETYPE_ASN1, crl);
        } catch (CryptoException e) {
            throw new IllegalArgumentException("CRL cannot be encoded (is it signed?): " + e.getMessage(), e);
        }
        trust.addCrl(CrlInfo.of(der));
    }

    /**
     * Adds a certificate revocation list, given as the JDK's {@link X509CRL} (pyOpenSSL today takes
     * {@code cryptography}'s CRL object; this is its Java counterpart). Used with {@link X509StoreFlags#CRL_CHECK}.
     *
     * @throws IllegalArgumentException if {@code crl} is {@code null} or cannot be encoded
     */
    public void addCrl(X509CRL crl) {
        if (crl == null) {
            throw new IllegalArgumentException("CRL must be an X509CRL, got null");
        }
        try {
            trust.addCrl(CrlInfo.of(crl.getEncoded()));
        } catch (CRLException e) {
            throw new IllegalArgumentException("CRL cannot be encoded: " + e.getMessage(), e);
        }
    }

    /**
     * ORs verification flags in ({@code X509_STORE_set_flags}); see {@link X509StoreFlags}.
     */
    public void setFlags(int flags) {
        trust.params().setFlags(flags);
    }

    /**
     * Verifies certificates as of {@code time} (whole seconds, UTC) instead of now.
     *
     * @throws IllegalArgumentException if {@code time} is {@code null}
     */
    public void setTime(Instant time) {
        trust.params().setTime(Objects.requireNonNull(time, "time"));
    }

    /**
     * Loads trusted certificates and CRLs from a PEM file and/or registers an OpenSSL hashed directory (files named
     * {@code <subject hash>.0}, {@code .1}, … and {@code <issuer hash>.r0} for CRLs, as {@code openssl rehash}
     * makes them), read lazily when a name is looked up. Can be called several times.
     *
     * @param cafile a PEM file with certificates and/or CRLs, or {@code null}
     * @param capath a hashed directory, or {@code null} (a missing directory is not an error, as in OpenSSL)
     * @throws CryptoException with an empty error list when both are {@code null}; with OpenSSL's entries when the
     *     file cannot be read ({@code no such file}) or holds no certificate or CRL
     */
    public void loadLocations(String cafile, String capath) {
        loadLocations(cafile == null ? null : Path.of(cafile), capath == null ? null : Path.of(capath));
    }

    /** {@link #loadLocations(String, String)} with {@link Path}s. */
    public void loadLocations(Path cafile, Path capath) {
        if (cafile == null && capath == null) {
            throw new CryptoException(List.of());
        }
        if (cafile != null) {
            loadFile(cafile);
        }
        if (capath != null) {
            trust.addDirectory(capath);
        }
    }

    private void loadFile(Path cafile) {
        byte[] data;
        try {
            data = Files.readAllBytes(cafile);
        } catch (NoSuchFileException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("system library", "", ""),
                    new CryptoException.Entry("BIO routines", "", "no such file"),
                    new CryptoException.Entry("x509 certificate routines", "", "system lib")), e);
        } catch (IOException e) {
            throw new CryptoException(List.of(new CryptoException.Entry("system library", "", ""),
                    new CryptoException.Entry("x509 certificate routines", "", "system lib")), e);
        }
        PemBundle bundle;
        try {
            bundle = PemBundle.parse(data);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("x509 certificate routines", "no certificate or crl found", e);
        }
        if (bundle.isEmpty()) {
            throw new CryptoException("x509 certificate routines", "no certificate or crl found");
        }
        bundle.certificates().forEach(trust::addCert);
        bundle.crls().forEach(trust::addCrl);
    }

    /**
     * Adds the platform's default trust ({@code X509_STORE_set_default_paths}): {@code SSL_CERT_FILE} /
     * {@code SSL_CERT_DIR} if set, else the system OpenSSL's {@code cert.pem} and {@code certs/} directory
     * ({@code /usr/lib/ssl} on Debian), else the JDK's {@code cacerts}. Beyond pyOpenSSL's {@code X509Store}; it is
     * what {@code Context.setDefaultVerifyPaths} uses.
     *
     * @return where the trust came from (a path or {@code "none"}), for diagnostics
     */
    public String setDefaultPaths() {
        return SystemTrust.addTo(trust);
    }
}
