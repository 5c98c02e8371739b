package dev.portcullis.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test helper for error paths: SQLite files shaped like (or unlike) an NSS database, written with sqlite-jdbc.
 * These are inputs for bad-input tests only; nothing is compared against values computed here.
 */
final class SyntheticDb {
    final Path dir;

    SyntheticDb(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty NSS-shaped tables in both files (a metaData table only when {@code withMeta}). */
    SyntheticDb withTables(boolean withMeta) {
        exec("cert9.db", "CREATE TABLE nssPublic (id PRIMARY KEY UNIQUE ON CONFLICT ABORT, a0, a3, a11, a81, a82, "
                + "a101, a102, a120, a122, ace536358, ace536359, ace53635a, ace53635b, ace5363b4, extra_column)");
        exec("key4.db", "CREATE TABLE nssPrivate (id PRIMARY KEY UNIQUE ON CONFLICT ABORT, a0, a3, a11, a100, "
                + "a102, a120, a122, a123, a124, a125, a126, a127, a128, a180, ad5a0db00)");
        if (withMeta) {
            exec("key4.db", "CREATE TABLE metaData (id PRIMARY KEY UNIQUE ON CONFLICT REPLACE, item1, item2)");
        }
        return this;
    }

    void exec(String file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file));
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts a row with the given blob values ({@code columns} and {@code values} in the same order). */
    void insert(String file, String table, long id, String[] columns, byte[]... values) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (id");
        for (String col : columns) {
            sql.append(", ").append(col);
        }
        sql.append(") VALUES (?").append(", ?".repeat(columns.length)).append(")");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(file));
             PreparedStatement p = c.prepareStatement(sql.toString())) {
            p.setLong(1, id);
            for (int i = 0; i < values.length; i++) {
                p.setBytes(i + 2, values[i]);
            }
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the metaData 'password' row. */
    void passwordRow(byte[] salt, byte[] check) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("key4.db"));
             PreparedStatement p = c.prepareStatement("INSERT INTO metaData (id, item1, item2) VALUES (?, ?, ?)")) {
            p.setString(1, "password");
            p.setBytes(2, salt);
            p.setBytes(3, check);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ulong(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
