package dev.portcullis.compat;

import java.nio.file.Path;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A {@code java.security.Provider} offering {@code KeyStore.getInstance("NSSDB", provider)}: an NSS database as
 * a read-only key store. It is never installed globally; pass it to {@code getInstance} or add it yourself.
 *
 * <pre>{@code
 * KeyStore ks = KeyStore.getInstance("NSSDB", new NssDbProvider(Path.of("/etc/pki/nssdb")));
 * ks.load(null, password);                       // or ks.load(new NssDbLoadParameter(dir, password))
 * KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
 * kmf.init(ks, null);                            // key passwords are ignored: the database password unlocks all
 * }</pre>
 *
 * <p>Aliases are nicknames. A certificate whose private key the database holds is a key entry (its chain is
 * built from the database); a certificate without a key is a trusted-certificate entry when the database trusts
 * it as a CA or peer for any purpose ({@code C}, {@code T}, {@code P}), and absent otherwise. A CA whose key is
 * in the database is a key entry, so JSSE's {@code TrustManagerFactory} over this key store does not see it as
 * an anchor; {@link NssDbJsse#trustManager(NssDb)} does. Writing ({@code setEntry}, {@code store},
 * {@code deleteEntry}) fails: change the database with certutil.
 */
public final class NssDbProvider extends Provider {
    private static final long serialVersionUID = 1L;
    /** The key store type. */
    public static final String KEYSTORE_TYPE = "NSSDB";

    /** The directory {@code load(null, password)} reads; {@code null} when a load parameter is required. */
    private final transient Path defaultDirectory;

    /** A provider whose key stores are loaded with an {@link NssDbLoadParameter}. */
    public NssDbProvider() {
        this(null);
    }

    /** A provider whose key stores {@code load(null, password)} from {@code directory}. */
    public NssDbProvider(Path directory) {
        super("PortcullisNSSDB", "1.0", "Portcullis: NSS databases (cert9.db, key4.db) as read-only key stores");
        this.defaultDirectory = directory;
        putService(new KeyStoreService(this));
    }

    Path defaultDirectory() {
        return defaultDirectory;
    }

    /** Creates the key store without reflection, so it works on the module path without opening packages. */
    private static final class KeyStoreService extends Service {
        KeyStoreService(NssDbProvider provider) {
            super(provider, "KeyStore", KEYSTORE_TYPE, NssDbKeyStoreSpi.class.getName(), List.of(), Map.of());
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new NssDbKeyStoreSpi(((NssDbProvider) getProvider()).defaultDirectory());
        }
    }
}
