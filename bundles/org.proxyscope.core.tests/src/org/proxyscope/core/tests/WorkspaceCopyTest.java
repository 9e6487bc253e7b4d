package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.store.Migration;
import org.proxyscope.core.store.StoreSchema;

/**
 * A local workspace copied into a team workspace and back: cases, a plug-in's table (altered by a second
 * migration, as the probe and capture plug-ins' are), evidence files, search entries and custody logs, all
 * intact on each copy.
 */
class WorkspaceCopyTest {

    private static final StoreSchema REMARKS = new StoreSchema("org.example.remarks", List.of(
            new Migration(1, List.of("CREATE TABLE remarks (case_id TEXT NOT NULL REFERENCES cases(case_id), no INTEGER NOT NULL,"
                    + " text TEXT NOT NULL, PRIMARY KEY (case_id, no))")),
            new Migration(2, List.of("ALTER TABLE remarks ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0"))));

    @TempDir
    Path tmp;

    private static Case fill(Workspace ws, Path tmp) throws Exception {
        Case c = ws.createCase(NewCase.of("SOCKS at the dentist", "192.0.2.7", "", "KUNDE-4711", "high", List.of("socks")));
        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat-192.0.2.7.txt"), "tcp 0.0.0.0:1080 LISTEN"), "customer PC",
                Progress.NONE);
        ws.changeStatus(c.id(), CaseStatus.INVESTIGATING, "the customer called");
        ws.store(REMARKS).write(c.id(), "remark", tx -> {
            try (var s = tx.connection().prepareStatement("INSERT INTO remarks (case_id, no, text, bytes) VALUES (?, 1, ?, 5000000000)")) {
                s.setString(1, c.id().toString());
                s.setString(2, "relays spam for 198.51.100.25");
                s.executeUpdate();
            }
            tx.index("remark", "1", "Remark", "relays spam for 198.51.100.25");
            return tx.custody(CustodyAction.NOTE_EDITED, "remark 1");
        });
        ws.createCase(NewCase.of("Squid on a school line", "198.51.100.20", "", "", "low", List.of()));
        return c;
    }

    private static void assertSameAndIntact(Workspace copy, Case c) throws Exception {
        assertEquals(2, copy.cases(true).size());
        assertEquals(c.title(), copy.get(c.id()).title());
        assertEquals(CaseStatus.INVESTIGATING, copy.get(c.id()).status());
        assertEquals(4, copy.custody(c.id()).size());
        assertTrue(copy.verify(c.id(), Progress.NONE).intact(), copy.verify(c.id(), Progress.NONE).problems().toString());
        assertEquals("netstat-192.0.2.7.txt", copy.evidence(c.id()).get(0).originalName());
        assertEquals(List.of(c.id() + " remark 1"), copy.searchEverything("198.51.100.25", Optional.empty(), 10).stream()
                .map(h -> h.caseId() + " " + h.kind() + " " + h.ref()).toList(), "the search finds the plug-in's record");
        assertEquals(1, copy.searchEverything("dentist", Optional.empty(), 10).size());
        assertEquals(1, copy.search("KUNDE", false).size(), "the Case Explorer's search too");
        long bytes = copy.store(REMARKS).read("read a remark", c2 -> {
            try (var s = c2.createStatement(); ResultSet r = s.executeQuery("SELECT bytes FROM remarks")) {
                r.next();
                return r.getLong(1);
            }
        });
        assertEquals(5_000_000_000L, bytes, "a column a later migration added, holding more than 32 bits, comes along");
    }

    @Test
    void aLocalWorkspaceGoesIntoATeamOneAndBack() throws Exception {
        assumeTrue(TestServer.available(), "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
        WorkspaceLocation.Team team = TestServer.newWorkspace(tmp.resolve("shared"));
        try (Workspace local = Workspace.open(tmp.resolve("local"), "alice");
                Workspace shared = Workspace.open(team, "alice", TestServer.password())) {
            Case c = fill(local, tmp);
            Workspace.CopyReport report = local.copyTo(shared, Progress.NONE);
            assertEquals(2, report.cases());
            assertEquals(1, report.evidenceFiles());
            assertSameAndIntact(shared, c);
            assertTrue(Files.isRegularFile(shared.storedFile(shared.evidence(c.id()).get(0))));
            // a copy only goes into a new workspace
            WorkspaceException again = assertThrows(WorkspaceException.class, () -> local.copyTo(shared, Progress.NONE));
            assertTrue(again.getMessage().contains("already holds cases"), again.getMessage());
            try (Workspace back = Workspace.open(tmp.resolve("back"), "bob")) {
                shared.copyTo(back, Progress.NONE);
                assertSameAndIntact(back, c);
            }
        }
    }

    @Test
    void evidenceChangedOnDiskStopsTheCopyAndLeavesTheTargetEmpty() throws Exception {
        try (Workspace local = Workspace.open(tmp.resolve("local"), "alice"); Workspace target = Workspace.open(tmp.resolve("target"), "alice")) {
            Case c = fill(local, tmp);
            Path stored = local.storedFile(local.evidence(c.id()).get(0));
            stored.toFile().setWritable(true);
            Files.writeString(stored, "altered");
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> local.copyTo(target, Progress.NONE));
            assertTrue(e.getMessage().contains("no longer has its recorded SHA-256"), e.getMessage());
            assertEquals(List.of(), target.cases(true));
            try (var files = Files.walk(tmp.resolve("target"))) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).filter(f -> f.toString().contains("/evidence/")).toList(),
                        "no evidence file of the copy is left");
            }
        }
    }
}
