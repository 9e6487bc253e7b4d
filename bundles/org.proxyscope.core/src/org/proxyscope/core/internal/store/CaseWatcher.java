package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.proxyscope.core.WorkspaceException;

/**
 * Tells which cases other processes changed, as they change them, on a thread of its own: on a team workspace
 * from the server's notifications (LISTEN), at once and without polling; on a local workspace by SQLite's data
 * version, which changes only when another connection commits, read twice a second. Either way, when changes may
 * have been missed (the server was away), every case whose custody log moved since is told: every action on a
 * case appends to it.
 */
final class CaseWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CaseWatcher.class.getName());
    private static final int POLL_MS = 500;

    private final Database database;
    private final Consumer<String> changed;
    /** Told of the server's loss (what went wrong) and return (empty), as the listening connection finds them. */
    private final Consumer<java.util.Optional<String>> connection;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;
    /** Each case's custody head when last looked at. */
    private Map<String, String> heads = Map.of();
    /** What {@link #start} took for the thread: the data version, or the LISTENing connection. */
    private long seenVersion;
    private Connection first;
    private boolean missedAtStart;

    CaseWatcher(Database database, Consumer<String> changed, Consumer<java.util.Optional<String>> connection) {
        this.database = database;
        this.changed = changed;
        this.connection = connection;
        this.thread = Thread.ofPlatform().name("Workspace changes").daemon()
                .unstarted(database.dialect().changeChannel().isPresent() ? this::listen : this::poll);
    }

    /**
     * Starts watching from now: what it compares with (the heads and the data version, or the LISTEN) is taken
     * before this returns, so a change made right after is told.
     */
    CaseWatcher start() throws WorkspaceException {
        if (database.dialect().changeChannel().isPresent()) {
            try {
                first = listening(database.connect());
            } catch (SQLException e) {
                first = null; // the thread keeps trying, and tells what moved once it is in
                missedAtStart = true;
            }
        } else {
            seenVersion = database.dataVersion();
            heads = database.read("read the cases' custody heads", CaseWatcher::heads);
        }
        thread.start();
        return this;
    }

    /** A new connection LISTENing on the change channel, the heads read through it. */
    private Connection listening(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + database.dialect().changeChannel().orElseThrow());
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void poll() {
        try {
            long seen = seenVersion;
            while (!closed) {
                Thread.sleep(POLL_MS);
                long now = database.dataVersion();
                if (now != seen) {
                    seen = now;
                    tellMoved(database.read("read the cases' custody heads", CaseWatcher::heads));
                }
            }
        } catch (InterruptedException | WorkspaceException e) {
            stopped(e);
        }
    }

    private void listen() {
        boolean missed = missedAtStart;
        while (!closed) {
            Connection opened = first;
            first = null;
            try (Connection c = opened != null ? opened : listening(database.connect())) {
                listening = c;
                if (opened != null) {
                    heads = heads(c);
                } else if (missed) {
                    tellMoved(heads(c)); // what happened while the server was away
                    connection.accept(java.util.Optional.empty());
                    missed = false;
                }
                PGConnection notifications = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] arrived = notifications.getNotifications(0); // blocks until one comes
                    for (PGNotification n : arrived == null ? new PGNotification[0] : arrived) {
                        database.dialect().changedCase(n.getParameter()).ifPresent(changed);
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                if (!missed) {
                    LOG.log(System.Logger.Level.WARNING, "Other analysts' changes cannot be followed for now: " + e.getMessage());
                    connection.accept(java.util.Optional.of(e.getMessage()));
                }
                missed = true;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                listening = null;
            }
        }
    }

    private void tellMoved(Map<String, String> now) {
        for (Map.Entry<String, String> e : now.entrySet()) {
            if (!Objects.equals(heads.get(e.getKey()), e.getValue())) {
                changed.accept(e.getKey());
            }
        }
        heads = now;
    }

    private static Map<String, String> heads(Connection c) throws SQLException {
        Map<String, String> heads = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT case_id, custody_head FROM cases")) {
            while (r.next()) {
                heads.put(r.getString(1), r.getString(2));
            }
        }
        return heads;
    }

    private void stopped(Exception e) {
        if (!closed) {
            LOG.log(System.Logger.Level.WARNING, "Other processes' changes are no longer followed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = listening;
        if (c != null) {
            try {
                c.close(); // ends the wait for notifications
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
