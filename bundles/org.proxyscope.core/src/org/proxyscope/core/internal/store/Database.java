package org.proxyscope.core.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The workspace's SQLite database: one connection, write-ahead logging so the workbench and command-line
 * calls can work on it at once, full sync so a committed write survives a killed process or a power cut,
 * and every write in one transaction.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, WorkspaceException;
    }

    private final Path file;
    private final Connection connection;
    private final Dialect dialect = new SqliteDialect();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when absent) and migrates the database to the current schema. */
    public static Database open(Path file) throws WorkspaceException {
        SqliteNativeCache.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(15_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open the workspace database " + file + ": " + e.getMessage(), e);
        }
        Database database = new Database(file, connection);
        try {
            database.migrate();
        } catch (WorkspaceException e) {
            database.close();
            throw e;
        }
        return database;
    }

    Dialect dialect() {
        return dialect;
    }

    public Path file() {
        return file;
    }

    /** The schema version stored in the file ({@code PRAGMA user_version}). */
    public synchronized int schemaVersion() throws WorkspaceException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    /**
     * Changes whenever another connection (another process) commits: the workbench polls it to notice
     * what the command line did.
     */
    public synchronized long dataVersion() throws WorkspaceException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA data_version")) {
            return r.getLong(1);
        } catch (SQLException e) {
            throw failure("read the data version", e);
        }
    }

    private void migrate() throws WorkspaceException {
        int current = schemaVersion();
        if (current > Schema.VERSION) {
            throw new WorkspaceException("The workspace database " + file + " has schema version " + current
                    + ", newer than this Proxyscope understands (" + Schema.VERSION + "). Use a newer Proxyscope.");
        }
        for (Migration migration : Schema.migrations(dialect)) {
            if (migration.version() > current) {
                migrateTo(migration);
            }
        }
    }

    /** Applies one migration in its own transaction, so a crash leaves the database at a whole version. */
    void migrateTo(Migration migration) throws WorkspaceException {
        transaction("migrate the database to schema version " + migration.version(), c -> {
            try (Statement s = c.createStatement()) {
                // another process may have migrated while this one waited for the write lock
                try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                    if (r.getInt(1) >= migration.version()) {
                        return null;
                    }
                }
                for (String sql : migration.statements()) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + migration.version());
            }
            return null;
        });
    }

    /**
     * Brings a plug-in's tables to its schema's version, each step in its own transaction, as the core's own
     * migrations are applied.
     */
    public void migrate(StoreSchema schema) throws WorkspaceException {
        int current = read("read the schema version of " + schema.owner(), c -> ownerVersion(c, schema.owner()));
        if (current > schema.version()) {
            throw new WorkspaceException("The tables of " + schema.owner() + " in " + file + " have schema version " + current
                    + ", newer than this plug-in understands (" + schema.version() + "). Install a newer version of the plug-in.");
        }
        for (Migration migration : schema.migrations()) {
            if (migration.version() <= current) {
                continue;
            }
            transaction("migrate the tables of " + schema.owner() + " to version " + migration.version(), c -> {
                if (ownerVersion(c, schema.owner()) >= migration.version()) {
                    return null; // another process got there first
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : migration.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO store_versions (owner, version) VALUES (?, ?)"
                        + " ON CONFLICT (owner) DO UPDATE SET version = excluded.version")) {
                    s.setString(1, schema.owner());
                    s.setInt(2, migration.version());
                    s.executeUpdate();
                }
                return null;
            });
        }
    }

    private static int ownerVersion(Connection c, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM store_versions WHERE owner = ?")) {
            s.setString(1, owner);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /** Runs work in one transaction: all of it is committed, or none of it. */
    public synchronized <T> T transaction(String what, Work<T> work) throws WorkspaceException {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | WorkspaceException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs a read; SQLite gives it a consistent snapshot. */
    public synchronized <T> T read(String what, Work<T> work) throws WorkspaceException {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private WorkspaceException failure(String what, SQLException e) {
        return new WorkspaceException("Cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() throws WorkspaceException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the database", e);
        }
    }
}
