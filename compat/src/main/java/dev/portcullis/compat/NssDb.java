package dev.portcullis.compat;

import dev.portcullis.compat.internal.DbContent;
import dev.portcullis.compat.internal.DbFiles;
import dev.portcullis.compat.internal.KeyVault;
import dev.portcullis.compat.internal.StoredObject;
import dev.portcullis.crypto.X509;
import dev.portcullis.crypto.X509Name;
import dev.portcullis.crypto.X509Store;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Mozilla NSS certificate and key database ({@code cert9.db} and {@code key4.db}, the "sql:" format NSS has
 * used by default since 3.35 and Firefox, Thunderbird, Chrome on Linux, Dogtag and FreeIPA keep their
 * keys in), read directly — no native NSS, no SunPKCS11.
 *
 * <pre>{@code
 * try (NssDb db = NssDb.open("sql:/etc/pki/nssdb")) {
 *     db.login(password);                                   // not needed for an empty password
 *     for (NssCertificate c : db.certificates()) {
 *         System.out.println(c.nickname() + "  " + c.trust());   // "Server-Cert  u,u,u"
 *     }
 *     PKey key = db.findByNickname("Server-Cert").get(0).privateKey().toPKey();
 * }
 * }</pre>
 *
 * <p><b>Read-only, and polite.</b> The files are opened read-only (never {@code immutable}, since NSS may be
 * writing), with a five-second busy timeout; each file is copied into memory in one short read transaction
 * and closed before any cryptography runs, so NSS, certutil or Firefox writing the same database are never
 * blocked for more than milliseconds. The files are byte-identical afterwards. The database is read when opened
 * and again on {@link #refresh()}; objects returned earlier keep describing the earlier state.
 *
 * <p><b>Login.</b> Certificates and trust are readable without the password. Private keys need it:
 * {@link #login(char[])} checks it exactly as NSS does (the encrypted {@code "password-check"} record), so a
 * wrong password is an {@link NssDbException}, never garbage keys. A database with an empty password is logged
 * in at {@link #open(String)}, as NSS logs into it automatically.
 *
 * <p><b>Integrity.</b> Once logged in, the HMAC-SHA256 records NSS keeps for trust objects and private keys are
 * verified: a trust object failing its check is ignored ({@link NssTrust.Status#IGNORED_TAMPERED}, listed in
 * {@link #problems()}) and a tampered key cannot be decrypted — NSS's own behaviour. Before login (password
 * databases only) trust is reported unverified ({@link NssTrust.Status#UNVERIFIED}), again as NSS does.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class NssDb implements AutoCloseable {
    /** The name of NSS's internal key token, which {@code certutil -K} puts before certificate nicknames. */
    public static final String TOKEN_NAME = "NSS Certificate DB";

    private final DbFiles files;
    private KeyVault vault;
    private boolean closed;
    private final List<KeyVault> vaults = new ArrayList<>();
    private Catalog catalog;
    private DbContent content;
    /** Certificates parsed by the last read, by DER: a re-read or a login parses only what changed. */
    private Map<ByteBuffer, X509Certificate> parsed = Map.of();

    private NssDb(DbFiles files) {
        this.files = files;
    }

    /**
     * Opens the database in {@code directory}: {@code "sql:/path"} or a plain {@code "/path"} (which NSS also reads
     * as sql: since 3.35; the environment variable {@code NSS_DEFAULT_DB_TYPE} is not consulted).
     *
     * @throws NssDbException when there is no database there, it is damaged, or it is in the legacy dbm format
     *     ({@code "dbm:/path"}, cert8.db/key3.db), which must be converted first
     */
    public static NssDb open(String directory) {
        return open(DbFiles.locate(directory));
    }

    /** Opens the sql: database in {@code directory} (see {@link #open(String)}). */
    public static NssDb open(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return open(DbFiles.locate(directory));
    }

    private static NssDb open(DbFiles files) {
        NssDb db = new NssDb(files);
        DbContent content = files.read();
        try {
            db.vault = KeyVault.loginWithoutPassword(content.metaData()); // as NSS logs into empty-password DBs
            if (db.vault != null) {
                db.vaults.add(db.vault);
            }
        } catch (NssDbException e) {
            db.vault = null; // a damaged password record: certificates stay readable, login() reports it
        }
        db.catalog = db.buildCatalog(content);
        return db;
    }

    /** The database directory. */
    public Path directory() {
        return files.directory();
    }

    /** The two database files (cert9.db, key4.db); they are never written. */
    public List<Path> files() {
        return files.files();
    }

    /**
     * Logs in with the database password (characters are used as UTF-8, as certutil and Firefox do; the array is
     * not modified). Logging in again with the right password is harmless. The files are not read again (see
     * {@link #refresh()}); certificates and keys are listed anew, now with verified trust and usable keys.
     *
     * @throws NssDbException "wrong password" when NSS's password check fails, or when the database holds no
     *     password record (never initialised)
     */
    public synchronized void login(char[] password) {
        Objects.requireNonNull(password, "password");
        checkOpen();
        DbContent content = this.content; // the state already listed: logging in changes no object, only checks
        KeyVault v = KeyVault.login(content.metaData(), password);
        if (v == null) {
            throw new NssDbException("wrong password for the NSS database in " + files.directory());
        }
        if (v.sameKeyAs(vault)) {
            v.destroy();
            return; // already logged in with this password: nothing changes
        }
        vaults.add(v);
        vault = v; // the previous login, if any, stays with the objects listed under it until close()
        catalog = buildCatalog(content);
    }

    /** Whether the database is logged in (a password was accepted, or the password is empty). */
    public synchronized boolean isLoggedIn() {
        return vault != null && !closed;
    }

    /** Reads the files again (certificates, keys or trust NSS changed since); the login is kept. */
    public synchronized void refresh() {
        checkOpen();
        catalog = buildCatalog(files.read());
    }

    /**
     * Forgets the login and the contents: the pass keys are wiped, keys not yet decrypted can no longer be, and
     * trust not yet decoded can no longer be. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        for (KeyVault v : vaults) {
            v.destroy();
        }
        vaults.clear();
        vault = null;
    }

    /** Every certificate, in database order, with nickname, trust and key (certutil -L lists the same). */
    public synchronized List<NssCertificate> certificates() {
        checkOpen();
        return catalog.certificates;
    }

    /** Every private key, including orphans without a certificate (certutil -K lists the same). */
    public synchronized List<NssPrivateKey> privateKeys() {
        checkOpen();
        return catalog.keys;
    }

    /**
     * What the last read found wrong but could skip: unreadable certificates, trust ignored as tampered. Decodes
     * the trust of every certificate to find out (see {@link NssCertificate#trust()} for the cost).
     */
    public List<String> problems() {
        Catalog c;
        synchronized (this) {
            checkOpen();
            c = catalog;
        }
        return c.problems();
    }

    /** The certificates with this nickname (several only when they share a subject, e.g. renewals); may be empty. */
    public List<NssCertificate> findByNickname(String nickname) {
        Objects.requireNonNull(nickname, "nickname");
        List<NssCertificate> out = new ArrayList<>();
        for (NssCertificate c : certificates()) {
            if (nickname.equals(c.nickname())) {
                out.add(c);
            }
        }
        return out;
    }

    /** The certificate with this issuer (DER name) and serial number, or {@code null}. */
    public NssCertificate findByIssuerAndSerial(byte[] issuerDer, BigInteger serial) {
        Objects.requireNonNull(issuerDer, "issuerDer");
        Objects.requireNonNull(serial, "serial");
        for (NssCertificate c : certificates()) {
            if (c.serialNumber().equals(serial) && Arrays.equals(c.issuer().getEncoded(), issuerDer)) {
                return c;
            }
        }
        return null;
    }

    /** The certificates with this subject (DER name); may be empty. */
    public List<NssCertificate> findBySubject(byte[] subjectDer) {
        Objects.requireNonNull(subjectDer, "subjectDer");
        List<NssCertificate> out = new ArrayList<>();
        for (NssCertificate c : certificates()) {
            if (Arrays.equals(c.subject().getEncoded(), subjectDer)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The certificate to present for TLS client authentication when the server accepts certificates issued by
     * {@code issuerNames} (the DER names of a CertificateRequest's certificate_authorities), or {@code null}.
     * See {@link ClientCertificates} for the selection rule (NSS's {@code NSS_GetClientAuthData}).
     */
    public NssCertificate findClientCertificate(List<byte[]> issuerNames) {
        return ClientCertificates.select(certificates(), issuerNames, java.time.Instant.now());
    }

    /**
     * {@link #findClientCertificate(List)} for issuer names given as {@link X509Name}s (e.g. a Portcullis
     * {@code Connection.getClientCaList()}).
     */
    public NssCertificate findClientCertificateForNames(List<X509Name> issuerNames) {
        List<byte[]> der = new ArrayList<>();
        if (issuerNames != null) {
            for (X509Name n : issuerNames) {
                if (n != null) {
                    der.add(n.der());
                }
            }
        }
        return findClientCertificate(der);
    }

    /**
     * The chain a TLS peer would send with {@code leaf}: the certificate, then each issuer found in this database
     * by subject name, up to a self-issued certificate (at most 20), as Portcullis {@link X509}s — with
     * {@code leaf.privateKey().toPKey()}, what a client-certificate callback returns.
     */
    public List<X509> chainOf(NssCertificate leaf) {
        Objects.requireNonNull(leaf, "leaf");
        List<X509> out = new ArrayList<>();
        for (X509Certificate x : Chains.chainOf(leaf, certificates())) {
            out.add(X509.fromJavaCertificate(x));
        }
        return out;
    }

    /**
     * A Portcullis {@link X509Store} holding the certificates this database trusts as CAs for {@code purpose}
     * (certutil's {@code C} for {@link NssTrust.Purpose#SERVER_AUTH}, {@code T} for
     * {@link NssTrust.Purpose#CLIENT_AUTH}), for {@code Context} verification or an {@code X509StoreContext}.
     * Distrust ({@code p}) and peer trust ({@code P}) have no place in an {@code X509Store}; the JSSE
     * {@link NssDbJsse#trustManager trust manager} honours them.
     */
    public X509Store toX509Store(NssTrust.Purpose purpose) {
        X509Store store = new X509Store();
        for (NssCertificate c : trustedCas(purpose)) {
            store.addCert(c.toX509());
        }
        return store;
    }

    /** The certificates trusted as CAs for {@code purpose} (trust level TRUSTED_DELEGATOR). */
    public List<NssCertificate> trustedCas(NssTrust.Purpose purpose) {
        Objects.requireNonNull(purpose, "purpose");
        List<NssCertificate> out = new ArrayList<>();
        for (NssCertificate c : certificates()) {
            if (c.trust().level(purpose) == NssTrust.Level.TRUSTED_DELEGATOR) {
                out.add(c);
            }
        }
        return out;
    }

    synchronized KeyPair unlock(StoredObject key, java.util.Map<String, byte[][]> metaData) {
        checkOpen();
        if (vault == null) {
            throw new NssDbException("log in to the NSS database before using its private keys");
        }
        return vault.unlock(key, metaData);
    }

    private Catalog buildCatalog(DbContent read) {
        content = read;
        Catalog c = new Catalog(this, files, read, vault, this::isClosed, parsed);
        parsed = c.parsedCertificates();
        return c;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** The directory and the login state, never a secret. */
    @Override
    public synchronized String toString() {
        return "NssDb[sql:" + files.directory() + (closed ? ", closed" : vault != null ? ", logged in" : "") + "]";
    }

    private void checkOpen() {
        if (closed) {
            throw new NssDbException("the NSS database " + files.directory() + " is closed");
        }
    }
}
