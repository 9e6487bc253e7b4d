package org.proxyscope.core.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.proxyscope.core.WorkspaceLocation;

/**
 * The PostgreSQL server the test scripts start ({@code releng/services/postgres.sh}), named by
 * {@code PROXYSCOPE_TEST_POSTGRES} with its password in {@code PROXYSCOPE_TEST_POSTGRES_PASSWORD}: each team
 * workspace a test opens gets a new, empty database there, as a desk's first analyst would find it.
 */
public final class TestServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestServer() {
    }

    public static boolean available() {
        return System.getenv("PROXYSCOPE_TEST_POSTGRES") != null;
    }

    public static String password() {
        return System.getenv("PROXYSCOPE_TEST_POSTGRES_PASSWORD");
    }

    /** A team workspace on a new database, its evidence in {@code evidence} (made if absent). */
    public static WorkspaceLocation.Team newWorkspace(Path evidence) throws Exception {
        WorkspaceLocation.Team server = (WorkspaceLocation.Team) WorkspaceLocation.parse(System.getenv("PROXYSCOPE_TEST_POSTGRES")
                + "?evidence=/");
        String name = "ws_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet() + "_" + System.nanoTime() % 100_000;
        sql(server, "CREATE DATABASE " + name);
        Files.createDirectories(evidence);
        return new WorkspaceLocation.Team(server.host(), server.port(), name, server.user(), evidence, server.sslMode());
    }

    /** Runs SQL straight on a team workspace's database, as someone with the database's password could. */
    public static void sql(WorkspaceLocation.Team team, String sql) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", team.user());
        p.setProperty("password", password());
        try (Connection c = new org.postgresql.Driver().connect(team.jdbcUrl(), p); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
