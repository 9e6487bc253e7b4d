package org.proxyscope.core.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;

class MigrationTest {

    @TempDir
    Path tmp;

    @Test
    void theLastMigrationIsTheCurrentVersion() {
        List<Schema.Migration> all = Schema.migrations(new SqliteDialect());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).version(), "migrations are numbered 1, 2, 3 ... without gaps");
        }
        assertEquals(Schema.VERSION, all.get(all.size() - 1).version());
    }

    /** A workspace written by the first release (schema 1, no search index) opens and is searchable. */
    @Test
    void aVersionOneWorkspaceIsMigratedKeepingItsCases() throws Exception {
        Path db = tmp.resolve("ws/.proxyscope/workspace.db");
        java.nio.file.Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : Schema.migrations(new SqliteDialect()).get(0).statements()) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO cases VALUES ('PX-2025-0007', 2025, 7, 'Old WinGate case', '192.0.2.44', 'T-77',"
                    + " 'carol', 'high', 'investigating', 0, '2025-03-01T10:00:00Z', '2025-03-02T09:00:00Z', '" + CaseRepository.GENESIS + "')");
            s.execute("INSERT INTO case_scope VALUES ('PX-2025-0007', 0, '192.0.2.44', '23')");
            s.execute("INSERT INTO case_tags VALUES ('PX-2025-0007', 'wingate')");
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            assertEquals(Schema.VERSION, ws.schemaVersion());
            Case old = ws.get(CaseId.parse("PX-2025-0007"));
            assertEquals("Old WinGate case", old.title());
            assertEquals("192.0.2.44:23", old.scope().toString());
            assertEquals(List.of(old.id()), ws.search("wingate", false).stream().map(Case::id).toList());
        }
    }

    @Test
    void aWorkspaceFromANewerProxyscopeIsRefused() throws Exception {
        Path db = tmp.resolve("ws/.proxyscope/workspace.db");
        java.nio.file.Files.createDirectories(db.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> Workspace.open(tmp.resolve("ws"), "alice"));
        assertTrue(e.getMessage().contains("newer than this Proxyscope understands"), e.getMessage());
    }
}
