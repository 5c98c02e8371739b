package dev.portcullis.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The read-only {@code "NSSDB"} key store (see {@link NssDbProvider} for what its entries are). */
final class NssDbKeyStoreSpi extends KeyStoreSpi {
    private static final String READ_ONLY = "NSSDB key stores are read-only; change the database with certutil";

    private final Path defaultDirectory;
    private NssDb db;
    private final Map<String, NssCertificate> keyEntries = new LinkedHashMap<>();
    private final Map<String, NssCertificate> certificateEntries = new LinkedHashMap<>();

    NssDbKeyStoreSpi(Path defaultDirectory) {
        this.defaultDirectory = defaultDirectory;
    }

    @Override
    public void engineLoad(InputStream stream, char[] password) throws IOException {
        if (stream != null) {
            throw new IOException("an NSSDB key store is loaded from a directory, not a stream: call load(null, "
                    + "password) on a KeyStore from new NssDbProvider(directory), or load(new NssDbLoadParameter(..))");
        }
        if (defaultDirectory == null) {
            throw new IOException("no NSS database directory: use new NssDbProvider(directory), or "
                    + "load(new NssDbLoadParameter(directory, password))");
        }
        load(openAndLogin(defaultDirectory, password));
    }

    @Override
    public void engineLoad(KeyStore.LoadStoreParameter param) throws IOException {
        if (!(param instanceof NssDbLoadParameter p)) {
            throw new IllegalArgumentException("an NSSDB key store needs an NssDbLoadParameter, not "
                    + (param == null ? "null" : param.getClass().getName()));
        }
        if (p.openDatabase() != null) {
            load(p.openDatabase());
            return;
        }
        char[] pw = ((KeyStore.PasswordProtection) p.getProtectionParameter()).getPassword();
        load(openAndLogin(p.directory(), pw));
    }

    private static NssDb openAndLogin(Path dir, char[] password) throws IOException {
        try {
            NssDb opened = NssDb.open(dir);
            if (password != null && password.length > 0 && !opened.isLoggedIn()) {
                opened.login(password);
            }
            return opened;
        } catch (NssDbException e) {
            throw new IOException(e.getMessage(), e); // KeyStore.load's contract: IOException for a bad password
        }
    }

    private void load(NssDb database) {
        db = database;
        keyEntries.clear();
        certificateEntries.clear();
        for (NssCertificate c : database.certificates()) {
            String alias = c.nickname();
            if (alias == null || keyEntries.containsKey(alias) || certificateEntries.containsKey(alias)) {
                continue; // first certificate of a nickname wins, as NSS's lookup by nickname
            }
            if (c.hasPrivateKey()) {
                keyEntries.put(alias, c);
            } else if (trusted(c.trust())) {
                certificateEntries.put(alias, c);
            }
        }
    }

    private static boolean trusted(NssTrust t) {
        for (NssTrust.Level l : new NssTrust.Level[] {t.serverAuth(), t.clientAuth(), t.emailProtection(),
            t.codeSigning()}) {
            if (l == NssTrust.Level.TRUSTED_DELEGATOR || l == NssTrust.Level.TRUSTED) {
                return true;
            }
        }
        return false;
    }

    /** The key; {@code password} is ignored (the database password given at load unlocks every key). */
    @Override
    public Key engineGetKey(String alias, char[] password) throws UnrecoverableKeyException {
        NssCertificate c = keyEntries.get(alias);
        try {
            return c == null ? null : c.privateKey().toJavaPrivateKey();
        } catch (NssDbException e) {
            UnrecoverableKeyException u = new UnrecoverableKeyException(e.getMessage());
            u.initCause(e);
            throw u;
        }
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        NssCertificate c = keyEntries.get(alias);
        return c == null ? null : Chains.chainOf(c, db.certificates());
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        NssCertificate c = keyEntries.containsKey(alias) ? keyEntries.get(alias) : certificateEntries.get(alias);
        return c == null ? null : c.toJavaCertificate();
    }

    /** The certificate's notBefore: NSS records no creation date. */
    @Override
    public Date engineGetCreationDate(String alias) {
        Certificate c = engineGetCertificate(alias);
        return c == null ? null : ((java.security.cert.X509Certificate) c).getNotBefore();
    }

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain)
            throws KeyStoreException {
        throw new KeyStoreException(READ_ONLY);
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        throw new KeyStoreException(READ_ONLY);
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
        throw new KeyStoreException(READ_ONLY);
    }

    @Override
    public void engineDeleteEntry(String alias) throws KeyStoreException {
        throw new KeyStoreException(READ_ONLY);
    }

    @Override
    public Enumeration<String> engineAliases() {
        Map<String, NssCertificate> all = new LinkedHashMap<>(keyEntries);
        all.putAll(certificateEntries);
        return Collections.enumeration(all.keySet());
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        return keyEntries.containsKey(alias) || certificateEntries.containsKey(alias);
    }

    @Override
    public int engineSize() {
        return keyEntries.size() + certificateEntries.size();
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        return keyEntries.containsKey(alias);
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        return certificateEntries.containsKey(alias);
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        for (Map<String, NssCertificate> m : java.util.List.of(keyEntries, certificateEntries)) {
            for (Map.Entry<String, NssCertificate> e : m.entrySet()) {
                if (e.getValue().toJavaCertificate().equals(cert)) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    @Override
    public void engineStore(OutputStream stream, char[] password) throws IOException {
        throw new IOException(READ_ONLY);
    }
}
