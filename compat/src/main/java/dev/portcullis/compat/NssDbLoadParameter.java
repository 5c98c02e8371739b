package dev.portcullis.compat;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Objects;

/**
 * Where an {@code "NSSDB"} {@code KeyStore} loads from: a database directory and its password, or an already
 * open {@link NssDb}.
 *
 * <pre>{@code
 * KeyStore ks = KeyStore.getInstance("NSSDB", new NssDbProvider());
 * ks.load(new NssDbLoadParameter(Path.of("/etc/pki/nssdb"), password));
 * }</pre>
 */
public final class NssDbLoadParameter implements KeyStore.LoadStoreParameter {
    private final Path directory;
    private final KeyStore.PasswordProtection protection;
    private final NssDb db;

    /**
     * Loads from the sql: database in {@code directory}, logging in with {@code password} ({@code null} or empty
     * for a database without a password). The password is copied.
     */
    public NssDbLoadParameter(Path directory, char[] password) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.protection = new KeyStore.PasswordProtection(password == null ? new char[0] : password.clone());
        this.db = null;
    }

    /** Loads from a database already opened (and logged in, for its keys) by the caller, who closes it. */
    public NssDbLoadParameter(NssDb db) {
        this.db = Objects.requireNonNull(db, "db");
        this.directory = db.directory();
        this.protection = new KeyStore.PasswordProtection(new char[0]);
    }

    /** The database directory. */
    public Path directory() {
        return directory;
    }

    /** The open database given to the constructor, or {@code null}. */
    NssDb openDatabase() {
        return db;
    }

    /** The password protection ({@link KeyStore.PasswordProtection}). */
    @Override
    public KeyStore.ProtectionParameter getProtectionParameter() {
        return protection;
    }
}
