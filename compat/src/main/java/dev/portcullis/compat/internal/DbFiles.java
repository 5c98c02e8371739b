package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two SQLite files of an NSS {@code sql:} directory and how to copy their contents (nssdb-format.md §1,
 * §13): key4.db, then cert9.db, each in one short read transaction.
 */
public final class DbFiles {
    private final Path directory;
    private final SqliteFile certDb;
    private final SqliteFile keyDb;

    private DbFiles(Path directory) {
        this.directory = directory;
        this.certDb = new SqliteFile(directory.resolve("cert9.db"));
        this.keyDb = new SqliteFile(directory.resolve("key4.db"));
    }

    /**
     * Locates the database named by {@code spec}: {@code "sql:DIR"} or a plain directory. {@code "dbm:DIR"} and
     * directories holding only the legacy cert8.db/key3.db are refused with the conversion to run.
     */
    public static DbFiles locate(String spec) {
        if (spec == null || spec.isEmpty()) {
            throw new IllegalArgumentException("database directory must not be empty");
        }
        String dir = spec;
        if (spec.startsWith("sql:")) {
            dir = spec.substring(4);
        } else if (spec.startsWith("dbm:")) {
            throw legacy(spec.substring(4));
        } else if (spec.startsWith("extern:") || spec.startsWith("rdb:") || spec.startsWith("multiaccess:")) {
            throw new NssDbException("unsupported NSS database type in \"" + spec + "\" (only sql: is read)");
        }
        try {
            return locate(Path.of(dir));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid database directory \"" + dir + "\"", e);
        }
    }

    /** Locates the {@code sql:} database in {@code dir}. */
    public static DbFiles locate(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new NssDbException("NSS database directory " + dir + " does not exist");
        }
        boolean cert9 = Files.exists(dir.resolve("cert9.db"));
        boolean key4 = Files.exists(dir.resolve("key4.db"));
        if (!cert9 && !key4) {
            if (Files.exists(dir.resolve("cert8.db")) || Files.exists(dir.resolve("key3.db"))) {
                throw legacy(dir.toString());
            }
            throw new NssDbException("no NSS database (cert9.db, key4.db) in " + dir);
        }
        if (!cert9 || !key4) {
            throw new NssDbException("incomplete NSS database in " + dir + ": "
                    + (cert9 ? "key4.db" : "cert9.db") + " is missing");
        }
        return new DbFiles(dir);
    }

    private static NssDbException legacy(String dir) {
        return new NssDbException("the NSS database in " + dir + " is in the legacy dbm format (cert8.db, key3.db), "
                + "which is not read; convert it first with `certutil --upgrade-merge --source-dir dbm:" + dir
                + " -d sql:" + dir + " ...` or by opening it once read-write with NSS as sql:" + dir);
    }

    /** The database directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Copies both files: key4.db's objects and metaData rows, then — while key4.db is still read-locked —
     * cert9.db's objects. NSS commits a MAC to key4.db before the value it protects to cert9.db, so holding
     * key4.db still while cert9.db is read means no new MAC can appear without its value (one narrow window
     * remains, between NSS's two commits; callers re-read when a MAC fails).
     */
    public DbContent read() {
        SqliteFile.Snapshot[] certs = new SqliteFile.Snapshot[1];
        SqliteFile.Snapshot keys = keyDb.read(List.of("nssPrivate", "metaData"), Set.of("nssPrivate"),
                () -> certs[0] = certDb.read(List.of("nssPublic"), Set.of("nssPublic")));
        Map<String, byte[][]> meta = keys.metaData();
        return new DbContent(certs[0].objects("nssPublic"), keys.objects("nssPrivate"), meta);
    }

    /** The files whose bytes must never change because of us (for tests and callers that check). */
    public List<Path> files() {
        return List.of(certDb.path(), keyDb.path());
    }
}
