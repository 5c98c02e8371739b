package dev.portcullis.compat.internal;

import dev.portcullis.compat.NssDbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads whole tables of one NSS SQLite file into memory, the way a polite reader must (nssdb-format.md §13):
 * opened read-only (never {@code immutable}: NSS may write while we read), a busy timeout so a concurrent
 * writer's lock makes us wait rather than fail, and one short read transaction per snapshot whose rows are
 * copied out before any cryptography runs, so NSS, certutil or Firefox never find the file locked for long.
 */
public final class SqliteFile {
    /** How long a read waits for a writer's lock before giving up. */
    static final int BUSY_TIMEOUT_MS = 5000;
    /**
     * The most attribute bytes copied from one table (256 MiB): real databases hold a few megabytes (1,000
     * certificates are about 1 MB), so anything near this is damaged or hostile, and is refused before it
     * exhausts memory.
     */
    static final long MAX_TABLE_BYTES = 256L << 20;
    private static final byte[] EXPLICIT_NULL = {(byte) 0xA5, 0x00, 0x5A};

    private final Path file;

    /** A reader of {@code file}, which must exist. */
    public SqliteFile(Path file) {
        this.file = file;
    }

    /** The file read. */
    public Path path() {
        return file;
    }

    /**
     * Copies the named tables in one read transaction. Attribute tables ({@code nssPublic}, {@code nssPrivate})
     * become {@link StoredObject}s; {@code metaData} becomes a map from id to its {@code item1}, {@code item2}.
     *
     * @param required tables that must exist; other requested tables that are missing read as empty
     */
    public Snapshot read(List<String> tables, Set<String> required) {
        return read(tables, required, () -> { });
    }

    /**
     * Like {@link #read(List, Set)}, running {@code whileLocked} after the copy but before the read transaction
     * ends: a writer cannot commit to this file meanwhile (it waits, within its busy timeout; this is kept to the
     * few milliseconds another file's copy takes).
     */
    public Snapshot read(List<String> tables, Set<String> required, Runnable whileLocked) {
        try (Connection c = open()) {
            c.setAutoCommit(false); // one deferred transaction: the tables are read from one consistent state
            try {
                Snapshot snap = new Snapshot();
                Set<String> present = existingTables(c);
                for (String table : tables) {
                    if (!present.contains(table)) {
                        if (required.contains(table)) {
                            throw new NssDbException(file + " has no table " + table
                                    + " (not an NSS sql: database, or a damaged one)");
                        }
                        continue;
                    }
                    if (table.equals("metaData")) {
                        snap.metaData = readMetaData(c);
                    } else {
                        snap.objects.put(table, readObjects(c, table));
                    }
                }
                whileLocked.run();
                return snap;
            } finally {
                c.rollback(); // ends the read transaction at once; nothing was written
            }
        } catch (SQLException e) {
            throw new NssDbException("cannot read " + file + ": " + describe(e), e);
        }
    }

    /** Tables copied from one file: attribute rows per table, and the metaData rows when requested. */
    public static final class Snapshot {
        final Map<String, List<StoredObject>> objects = new HashMap<>();
        Map<String, byte[][]> metaData;

        /** The rows of an attribute table (empty when it was absent). */
        public List<StoredObject> objects(String table) {
            return objects.getOrDefault(table, List.of());
        }

        /** metaData rows by id, each {item1, item2}; {@code null} when the table does not exist. */
        public Map<String, byte[][]> metaData() {
            return metaData;
        }
    }

    private Connection open() throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new NssDbException(file + " does not exist or is not a file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static Set<String> existingTables(Connection c) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='table'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<StoredObject> readObjects(Connection c, String table) throws SQLException {
        List<StoredObject> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            long[] types = new long[n + 1];
            int idColumn = -1;
            for (int i = 1; i <= n; i++) {
                types[i] = attributeType(md.getColumnName(i));
                if (md.getColumnName(i).equalsIgnoreCase("id")) {
                    idColumn = i;
                }
            }
            if (idColumn < 0) {
                throw new NssDbException("table " + table + " has no id column");
            }
            long total = 0;
            while (rs.next()) {
                Map<Long, byte[]> attrs = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    if (types[i] < 0) {
                        continue;
                    }
                    byte[] v = rs.getBytes(i);
                    total += v == null ? 0 : v.length;
                    if (total > MAX_TABLE_BYTES) {
                        throw new NssDbException("table " + table + " holds more than " + (MAX_TABLE_BYTES >> 20)
                                + " MiB of attributes: not a plausible NSS database");
                    }
                    if (v != null) {
                        attrs.put(types[i], java.util.Arrays.equals(v, EXPLICIT_NULL) ? new byte[0] : v);
                    }
                }
                rows.add(new StoredObject(rs.getLong(idColumn), attrs));
            }
        }
        return rows;
    }

    /** The attribute type a column stands for ({@code a<hex>}), or -1 for other columns (tolerated). */
    static long attributeType(String column) {
        if (column.length() < 2 || column.length() > 17 || (column.charAt(0) != 'a' && column.charAt(0) != 'A')) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(column.substring(1), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, byte[][]> readMetaData(Connection c) throws SQLException {
        Map<String, byte[][]> rows = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, item1, item2 FROM metaData")) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (id != null) {
                    rows.put(id, new byte[][] {rs.getBytes(2), rs.getBytes(3)});
                }
            }
        }
        return rows;
    }

    private static String describe(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("READONLY_ROLLBACK") || m.contains("CANTOPEN")) {
            return m + " (a writer may have crashed and left a hot journal; open the database once with NSS)";
        }
        return m;
    }
}
