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
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;
import org.proxyscope.core.store.WorkspaceStore;

class MigrationTest {

    @TempDir
    Path tmp;

    @Test
    void theLastMigrationIsTheCurrentVersion() {
        List<Migration> all = Schema.migrations(new SqliteDialect());
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
            assertEquals(List.of(old.id() + " case"), ws.searchEverything("192.0.2.44", java.util.Optional.empty(), 10).stream()
                    .map(h -> h.caseId() + " " + h.kind()).toList(), "the workspace-wide search index starts with the old cases");
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

    /**
     * A plug-in's tables are migrated by their own version, step by step, once; a later version of the plug-in
     * adds its step to a workspace the earlier one created, and a write commits with its custody entry.
     */
    @Test
    void aPlugInsTablesMigrateByTheirOwnVersion() throws Exception {
        StoreSchema first = new StoreSchema("org.example.dnsbl", List.of(new Migration(1, List.of(
                "CREATE TABLE dnsbl_checks (case_id TEXT NOT NULL, zone TEXT NOT NULL)"))));
        StoreSchema second = new StoreSchema("org.example.dnsbl", List.of(first.migrations().get(0), new Migration(2, List.of(
                "ALTER TABLE dnsbl_checks ADD COLUMN listed INTEGER NOT NULL DEFAULT 0"))));
        CaseId id;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            id = ws.createCase(NewCase.of("DNSBL", "192.0.2.7", "", "", "high", List.of())).id();
            WorkspaceStore store = ws.store(first);
            store.write(id, "record a check", tx -> {
                try (var s = tx.connection().prepareStatement("INSERT INTO dnsbl_checks VALUES (?, 'zen.example')")) {
                    s.setString(1, tx.caseId().toString());
                    s.executeUpdate();
                }
                return tx.custody(CustodyAction.PROBE_RUN, "dnsbl zen.example");
            });
            assertThrows(WorkspaceException.class, () -> store.write(id, "a failing write", tx -> {
                tx.custody(CustodyAction.PROBE_RUN, "this entry must not stay");
                try (var s = tx.connection().createStatement()) {
                    s.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            }));
            assertEquals("dnsbl zen.example", ws.custody(id).get(ws.custody(id).size() - 1).details(),
                    "the failed write's custody entry was rolled back with it");
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "bob")) {
            int listed = ws.store(second).read("read", c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("SELECT count(*), max(listed) FROM dnsbl_checks")) {
                    assertEquals(1, r.getInt(1), "the rows of version 1 are kept");
                    return r.getInt(2);
                }
            });
            assertEquals(0, listed);
            try (Workspace older = Workspace.open(tmp.resolve("ws"), "carol")) {
                WorkspaceException newer = assertThrows(WorkspaceException.class, () -> older.store(first));
                assertTrue(newer.getMessage().contains("newer than this plug-in understands (1)"), newer.getMessage());
            }
            assertTrue(ws.verify(id, org.proxyscope.core.Progress.NONE).intact());
        }
    }
}
