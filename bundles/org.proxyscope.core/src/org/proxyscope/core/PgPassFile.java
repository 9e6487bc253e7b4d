package org.proxyscope.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The password file PostgreSQL's own tools read ({@code ~/.pgpass}, or the file {@code PGPASSFILE} names): one
 * line per server, {@code host:port:database:user:password}, readable by its owner only. The workbench keeps a
 * team workspace's password there when the analyst asks it to, so that the command line finds it too.
 */
public final class PgPassFile {

    private PgPassFile() {
    }

    /** The file PostgreSQL's tools read: PGPASSFILE, else ~/.pgpass. */
    public static Path location() {
        String named = System.getenv("PGPASSFILE");
        return named != null && !named.isBlank() ? Path.of(named) : Path.of(System.getProperty("user.home"), ".pgpass");
    }

    /**
     * Keeps {@code password} for the team workspace's server, database and user in {@code file}, in place of a line
     * for the same; the other lines stay as they were. The file is written whole and then moved into place, and
     * is readable by its owner only (PostgreSQL ignores it otherwise).
     */
    public static void save(Path file, WorkspaceLocation.Team team, String password) throws WorkspaceException {
        String key = escape(team.host()) + ":" + team.port() + ":" + escape(team.database()) + ":" + escape(team.user()) + ":";
        List<String> lines = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.startsWith(key)) {
                        lines.add(line);
                    }
                }
            }
            lines.add(key + escape(password));
            Path parent = file.toAbsolutePath().getParent();
            Path written = Files.createTempFile(parent, ".pgpass", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(written, lines, StandardCharsets.UTF_8);
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot keep the password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** A field as the file writes it: colons and backslashes escaped with a backslash. */
    private static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }
}
