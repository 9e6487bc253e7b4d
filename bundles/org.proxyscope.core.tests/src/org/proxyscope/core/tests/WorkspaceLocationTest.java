package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.NewCase;

/** How a workspace is named, as a folder or as a team workspace's address, and what opening a team workspace checks. */
class WorkspaceLocationTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderOrATeamWorkspace() {
        assertEquals(new WorkspaceLocation.Folder(Path.of("/srv/cases")), WorkspaceLocation.parse("/srv/cases"));
        WorkspaceLocation.Team team = (WorkspaceLocation.Team) WorkspaceLocation.parse(
                "postgresql://carol@db.desk.example:6432/abuse?evidence=/mnt/evidence/&sslmode=verify-full");
        assertEquals(new WorkspaceLocation.Team("db.desk.example", 6432, "abuse", "carol", Path.of("/mnt/evidence"), Optional.of("verify-full")),
                team);
        assertEquals("jdbc:postgresql://db.desk.example:6432/abuse", team.jdbcUrl());
        assertEquals("postgresql://carol@db.desk.example:6432/abuse?evidence=/mnt/evidence&sslmode=verify-full", team.toString());
        WorkspaceLocation.Team defaults = (WorkspaceLocation.Team) WorkspaceLocation.parse("postgresql://[::1]/abuse?evidence=/mnt/e");
        assertEquals("::1", defaults.host());
        assertEquals(5432, defaults.port());
        assertEquals(System.getProperty("user.name"), defaults.user(), "no user: the login name, as psql takes it");
        assertEquals("jdbc:postgresql://[::1]:5432/abuse", defaults.jdbcUrl());
    }

    @Test
    void aWrongAddressSaysWhatIsWrong() {
        for (String[] bad : List.of(
                new String[] {"postgresql://carol:secret@db/abuse?evidence=/mnt/e", "Leave the password out"},
                new String[] {"postgresql://carol@db/abuse", "names no evidence folder"},
                new String[] {"postgresql://carol@db/abuse?evidence=mnt/e", "names no evidence folder"},
                new String[] {"postgresql://carol@db/?evidence=/mnt/e", "names no database"},
                new String[] {"postgresql:///abuse?evidence=/mnt/e", "names no server"},
                new String[] {"postgresql://carol@db/abuse?evidence=/mnt/e&sslmode=maybe", "sslmode=maybe is not one of"},
                new String[] {"postgresql://carol@db/abuse?evidence=/mnt/e&schema=x", "unknown parameter schema"})) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkspaceLocation.parse(bad[0]));
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + ": " + e.getMessage());
        }
    }

    @Test
    void anEvidenceFolderThatIsNotMountedIsAClearError() throws Exception {
        assumeTrue(TestServer.available(), "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
        WorkspaceLocation.Team team = TestServer.newWorkspace(tmp.resolve("evidence"));
        WorkspaceLocation.Team unmounted = new WorkspaceLocation.Team(team.host(), team.port(), team.database(), team.user(),
                tmp.resolve("not-mounted"), team.sslMode());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(unmounted, "alice", TestServer.password()));
        assertEquals("The evidence folder " + unmounted.evidence() + " of the team workspace " + unmounted
                + " is not there. Is the shared folder mounted?", e.getMessage());
        // a mount point's own folder underneath, with other files in it, is not taken for the evidence store
        Files.writeString(Files.createDirectories(tmp.resolve("other")).resolve("readme.txt"), "x");
        WorkspaceLocation.Team other = new WorkspaceLocation.Team(team.host(), team.port(), team.database(), team.user(),
                tmp.resolve("other"), team.sslMode());
        e = assertThrows(WorkspaceException.class, () -> Workspace.open(other, "alice", TestServer.password()));
        assertTrue(e.getMessage().contains("holds files but no Proxyscope evidence store"), e.getMessage());
    }

    @Test
    void thePasswordComesFromAPgpassFileAsForPostgresqlsOwnTools() throws Exception {
        assumeTrue(TestServer.available(), "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
        WorkspaceLocation.Team team = TestServer.newWorkspace(tmp.resolve("evidence"));
        Path pgpass = Files.writeString(tmp.resolve("pgpass"), team.host() + ":" + team.port() + ":" + team.database() + ":"
                + team.user() + ":" + TestServer.password() + "\n");
        Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString()); // the driver's stand-in for PGPASSFILE
        try (Workspace ws = Workspace.open(team, "alice", null)) {
            assertEquals("Via .pgpass", ws.createCase(NewCase.of("Via .pgpass", "192.0.2.7", "", "", "", List.of())).title());
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
        WorkspaceException wrong = assertThrows(WorkspaceException.class, () -> Workspace.open(team, "alice", "not the password"));
        assertTrue(wrong.getMessage().startsWith("Cannot open the team workspace " + team + ": "), wrong.getMessage());
    }
}
