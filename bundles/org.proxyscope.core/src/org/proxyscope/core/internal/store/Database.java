package org.proxyscope.core.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The workspace's database, through one connection, every write in one transaction: a SQLite file in the
 * workspace folder (write-ahead logging so the workbench and command-line calls can work on it at once, full
 * sync so a committed write survives a killed process or a power cut), or a team workspace's PostgreSQL
 * database.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, WorkspaceException;
    }

    /** Makes a new connection to the database. */
    @FunctionalInterface
    private interface Connector {
        Connection connect() throws SQLException;
    }

    private static final System.Logger LOG = System.getLogger(Database.class.getName());

    /** What error messages call the database: its file, or the team workspace's address. */
    private final String name;
    private final Connector connector;
    private final Dialect dialect;
    private Connection connection;
    private volatile Duration patience = Duration.ofSeconds(60);
    /**
     * The connection serves one caller at a time. A lock, not {@code synchronized}: the JVM keeps eight monitors
     * per thread in their cheap form, and the SQLite driver's every call takes its own connection's monitor five
     * to seven times over. With this object's monitor under them that overflowed once, and the driver's monitor
     * stayed inflated for the rest of the process: every later call into it took the slow path. A dense capture's
     * 74,000 session rows took 0.87 s that way, 0.64 s now.
     */
    private final ReentrantLock lock = new ReentrantLock();

    private Database(String name, Connector connector, Dialect dialect) throws SQLException {
        this.name = name;
        this.connector = connector;
        this.dialect = dialect;
        this.connection = connector.connect();
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
        // The driver otherwise prepares and runs "SELECT last_insert_rowid()" after every INSERT, for generated
        // keys nothing here asks for: a quarter of the time a dense capture's sessions took to index.
        config.setGetGeneratedKeys(false);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        Database database;
        try {
            database = new Database(file.toString(), source::getConnection, new SqliteDialect());
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open the workspace database " + file + ": " + e.getMessage(), e);
        }
        return migrated(database, false);
    }

    /**
     * Opens a team workspace's database on a PostgreSQL server and migrates it to the current schema.
     *
     * @param password the password, or null to let the driver look in {@code ~/.pgpass} (or the file
     *                 {@code PGPASSFILE} names), as PostgreSQL's own tools do
     */
    public static Database open(WorkspaceLocation.Team team, String password) throws WorkspaceException {
        Properties properties = new Properties();
        properties.setProperty("user", team.user());
        if (password != null) {
            properties.setProperty("password", password);
        }
        // the SQL binds numbers as text in places (SQLite takes either); the server then reads them by the column
        properties.setProperty("stringtype", "unspecified");
        properties.setProperty("ApplicationName", "Proxyscope");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        team.sslMode().ifPresent(mode -> properties.setProperty("sslmode", mode));
        org.postgresql.Driver driver = new org.postgresql.Driver();
        Database database;
        try {
            database = new Database(team.toString(), () -> driver.connect(team.jdbcUrl(), properties), new PostgresDialect());
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open the team workspace " + team + ": " + e.getMessage(), e);
        }
        return migrated(database, true);
    }

    /** Migrates a database just opened; {@code prepare}: first makes what the dialect keeps beside the schema. */
    private static Database migrated(Database database, boolean prepare) throws WorkspaceException {
        try {
            if (prepare) {
                database.transaction("prepare the database", c -> {
                    database.dialect.prepare(c);
                    return null;
                });
            }
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

    /** A new connection of its own, for the change watcher's LISTEN. */
    Connection connect() throws SQLException {
        return connector.connect();
    }

    /**
     * Starts telling {@code changed} the id of each case another process changes, on a thread of its own, until the
     * returned watch is closed.
     */
    public AutoCloseable watch(java.util.function.Consumer<String> changed, java.util.function.Consumer<java.util.Optional<String>> connection)
            throws WorkspaceException {
        return new CaseWatcher(this, changed, connection).start();
    }

    /** How long an action waits for a team workspace's server to come back before it fails (one minute unless set). */
    public void waitForServer(Duration patience) {
        this.patience = patience;
    }


    /** The schema version of the core's tables. */
    public int schemaVersion() throws WorkspaceException {
        return read("read the schema version", dialect::schemaVersion);
    }

    /**
     * Changes whenever another connection (another process) commits: the workbench polls it to notice
     * what the command line did.
     */
    public long dataVersion() throws WorkspaceException {
        return read("read the data version", dialect::dataVersion);
    }

    private void migrate() throws WorkspaceException {
        int current = schemaVersion();
        if (current > Schema.VERSION) {
            throw new WorkspaceException("The workspace database " + name + " has schema version " + current
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
            dialect.lockSchema(c);
            // another process may have migrated while this one waited for the lock
            if (dialect.schemaVersion(c) >= migration.version()) {
                return null;
            }
            try (Statement s = c.createStatement()) {
                for (String sql : migration.statements()) {
                    s.execute(dialect.ddl(sql));
                }
            }
            dialect.setSchemaVersion(c, migration.version());
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
            throw new WorkspaceException("The tables of " + schema.owner() + " in " + name + " have schema version " + current
                    + ", newer than this plug-in understands (" + schema.version() + "). Install a newer version of the plug-in.");
        }
        for (Migration migration : schema.migrations()) {
            if (migration.version() <= current) {
                continue;
            }
            transaction("migrate the tables of " + schema.owner() + " to version " + migration.version(), c -> {
                dialect.lockSchema(c);
                if (ownerVersion(c, schema.owner()) >= migration.version()) {
                    return null; // another process got there first
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : migration.statements()) {
                        s.execute(dialect.ddl(sql));
                    }
                }
                dialect.recordSchema(c, migration.statements());
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

    /**
     * Runs work in one transaction: all of it is committed, or none of it. On a team workspace whose server went
     * away (restarted, or the network was down), the connection is made again and the work run again: it was
     * rolled back with the lost connection. A commit whose answer was lost is found by its token, and not
     * repeated.
     */
    public <T> T transaction(String what, Work<T> work) throws WorkspaceException {
        lock.lock();
        try {
            return transactionHeld(what, work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T transactionHeld(String what, Work<T> work) throws WorkspaceException {
        for (Instant giveUp = null; ; ) {
            String token = UUID.randomUUID().toString();
            boolean committing = false;
            T result = null;
            try {
                connection.setAutoCommit(false);
                try {
                    result = work.run(connection);
                    dialect.markCommit(connection, token);
                    committing = true;
                    connection.commit();
                    return result;
                } catch (SQLException | WorkspaceException | RuntimeException e) {
                    rollbackQuietly();
                    throw e;
                } finally {
                    autoCommitQuietly();
                }
            } catch (SQLException e) {
                if (!dialect.connectionLost(e)) {
                    throw failure(what, e);
                }
                giveUp = giveUp != null ? giveUp : Instant.now().plus(patience);
                reconnect(what, e, giveUp);
                if (committing && committed(what, token)) {
                    return result;
                }
            }
        }
    }

    /** Runs a read; SQLite gives it a consistent snapshot, PostgreSQL each statement one. */
    public <T> T read(String what, Work<T> work) throws WorkspaceException {
        lock.lock();
        try {
            return readHeld(what, work);
        } finally {
            lock.unlock();
        }
    }

    private <T> T readHeld(String what, Work<T> work) throws WorkspaceException {
        for (Instant giveUp = null; ; ) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                if (!dialect.connectionLost(e)) {
                    throw failure(what, e);
                }
                giveUp = giveUp != null ? giveUp : Instant.now().plus(patience);
                reconnect(what, e, giveUp);
            }
        }
    }

    private boolean committed(String what, String token) throws WorkspaceException {
        try {
            return dialect.committed(connection, token);
        } catch (SQLException e) {
            throw failure(what + " (the server went away as it committed, and whether it did is unknown)", e);
        }
    }

    /** Connects again, trying every second until {@code giveUp}. */
    private void reconnect(String what, SQLException lost, Instant giveUp) throws WorkspaceException {
        LOG.log(System.Logger.Level.WARNING, "The connection to " + name + " was lost (" + lost.getMessage() + "); connecting again to "
                + what);
        try {
            connection.close();
        } catch (SQLException e) {
            // it is gone anyway
        }
        SQLException last = lost;
        while (Instant.now().isBefore(giveUp)) {
            try {
                connection = connector.connect();
                LOG.log(System.Logger.Level.INFO, "Connected to " + name + " again");
                return;
            } catch (SQLException e) {
                last = e;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new WorkspaceException("Cannot " + what + ": the server of " + name + " is unreachable (" + last.getMessage()
                + "). Nothing was written; try again when it is back.", last);
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a lost connection rolls back on the server
        }
    }

    private void autoCommitQuietly() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // as above: the next use finds the connection lost
        }
    }

    private WorkspaceException failure(String what, SQLException e) {
        return new WorkspaceException("Cannot " + what + " in " + name + ": " + e.getMessage(), e);
    }

    @Override
    public void close() throws WorkspaceException {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the database", e);
        } finally {
            lock.unlock();
        }
    }
}
