package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Year;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Progress;
import org.proxyscope.core.UnknownCaseException;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.VerificationReport;

class WorkspaceTest {

    @TempDir
    protected Path tmp;

    private Workspace ws;

    @BeforeEach
    void open() throws Exception {
        ws = open("alice");
    }

    /** The workspace under test, opened as {@code analyst}; each call a new connection to the same one. */
    protected Workspace open(String analyst) throws Exception {
        return Workspace.open(tmp.resolve("ws"), analyst);
    }

    @AfterEach
    void close() throws Exception {
        ws.close();
    }

    private Case newCase(String title, String target) throws WorkspaceException {
        return ws.createCase(NewCase.of(title, target, "", "CUST-1001", "high", List.of("socks")));
    }

    /** Runs SQL straight on the database file, as someone tampering with it would. */
    protected void tamper(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ws/.proxyscope/workspace.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void casesAreNumberedPerYearAndReadBack() throws Exception {
        Case first = newCase("Open SOCKS proxy on customer line", "192.0.2.7");
        Case second = newCase("HTTP CONNECT relay", "2001:db8::7");
        int year = Year.now(java.time.ZoneOffset.UTC).getValue();
        assertEquals(new CaseId(year, 1), first.id());
        assertEquals(new CaseId(year, 2), second.id());
        assertEquals(CaseStatus.NEW, first.status());
        assertEquals("alice", first.analyst());
        assertEquals("CUST-1001", first.customerReference());
        assertEquals(List.of(second.id(), first.id()), ws.cases(false).stream().map(Case::id).toList());
        // a second connection, as the command line has while the workbench is open, sees the same
        try (Workspace other = open("bob")) {
            assertEquals(first, other.get(first.id()));
        }
        assertThrows(UnknownCaseException.class, () -> ws.get(new CaseId(year, 99)));
    }

    @Test
    void searchMatchesEveryWordAsAPrefix() throws Exception {
        Case socks = newCase("Open SOCKS proxy", "192.0.2.7");
        Case relay = ws.createCase(NewCase.of("SMTP open relay", "mail.example.net", "", "", "", List.of("smtp")));
        assertEquals(List.of(relay.id()), ws.search("relay mail.exam", false).stream().map(Case::id).toList());
        assertEquals(List.of(socks.id()), ws.search("192.0.2.7", false).stream().map(Case::id).toList());
        assertEquals(List.of(socks.id()), ws.search(socks.id().toString(), false).stream().map(Case::id).toList());
        assertEquals(2, ws.search("  ", false).size());
        assertTrue(ws.search("\"unbalanced", false).isEmpty());
    }

    @Test
    void statusFollowsTheWorkflowAndEveryChangeIsLogged() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        ws.changeStatus(c.id(), CaseStatus.INVESTIGATING, "probing started");
        WorkspaceException refused = assertThrows(WorkspaceException.class,
                () -> ws.changeStatus(c.id(), CaseStatus.NEW, "back"));
        assertTrue(refused.getMessage().contains("is Investigating; it can move to"), refused.getMessage());
        assertThrows(WorkspaceException.class, () -> ws.changeStatus(c.id(), CaseStatus.RESOLVED, " "));
        assertEquals(CaseStatus.RESOLVED, ws.changeStatus(c.id(), CaseStatus.RESOLVED, "customer removed the proxy").status());
        List<CustodyEntry> log = ws.custody(c.id());
        assertEquals(List.of(CustodyAction.CASE_CREATED, CustodyAction.STATUS_CHANGED, CustodyAction.STATUS_CHANGED),
                log.stream().map(CustodyEntry::action).toList());
        assertEquals("investigating -> resolved: customer removed the proxy", log.get(2).details());
        assertEquals("alice", log.get(2).analyst());
    }

    @Test
    void archivingHidesTheCaseAndKeepsEverything() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Path file = Files.writeString(tmp.resolve("netstat.txt"), "tcp 0 0 0.0.0.0:1080 0.0.0.0:* LISTEN\n");
        ws.addEvidence(c.id(), file, "customer PC", Progress.NONE);
        ws.archive(c.id(), true, "duplicate of another case");
        assertTrue(ws.cases(false).isEmpty());
        assertTrue(ws.get(c.id()).archived());
        assertEquals(1, ws.evidence(c.id()).size());
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());
    }

    @Test
    void evidenceIsCopiedReadOnlyNamedByItsHash() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Path file = Files.writeString(tmp.resolve("capture.pcap"), "abc");
        Evidence e = ws.addEvidence(c.id(), file, "mirror port", Progress.NONE);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", e.sha256());
        assertEquals(3, e.size());
        assertEquals("capture.pcap", e.originalName());
        assertEquals(file.toString(), e.originalPath());
        Path stored = ws.storedFile(e);
        assertEquals(e.sha256(), stored.getFileName().toString());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        assertEquals("abc", Files.readString(stored));
        CustodyEntry logged = ws.custody(c.id()).get(1);
        assertEquals(CustodyAction.EVIDENCE_ADDED, logged.action());
        assertTrue(logged.details().contains("sha256 " + e.sha256()), logged.details());
        // the same content again is refused, naming the evidence it duplicates
        Path copy = Files.writeString(tmp.resolve("again.pcap"), "abc");
        WorkspaceException dup = assertThrows(WorkspaceException.class, () -> ws.addEvidence(c.id(), copy, "", Progress.NONE));
        assertTrue(dup.getMessage().contains("already evidence #1"), dup.getMessage());
        assertEquals(1, ws.evidence(c.id()).size());
        assertNoStrayFiles(c.id());
    }

    @Test
    void evidenceProxyscopeWritesIsHashedAsWrittenAndAddedOnce() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Workspace.StagedEvidence staged = ws.stageEvidence(c.id(), "capture.pcap.analysis.json", out -> {
            out.write('a');
            out.write("bc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", staged.sha256());
        assertTrue(ws.evidence(c.id()).isEmpty(), "written, not yet evidence");
        Evidence e = ws.addEvidence(staged, "analysis of evidence #1");
        assertEquals(staged.sha256(), e.sha256());
        assertEquals(3, e.size());
        assertEquals("capture.pcap.analysis.json", e.originalName());
        assertEquals("", e.originalPath(), "no file outside the workspace ever was it");
        assertEquals("analysis of evidence #1", e.source());
        Path stored = ws.storedFile(e);
        assertEquals("abc", Files.readString(stored));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        CustodyEntry logged = ws.custody(c.id()).get(1);
        assertEquals(CustodyAction.EVIDENCE_ADDED, logged.action());
        assertTrue(logged.details().contains("capture.pcap.analysis.json, 3 bytes, sha256 " + e.sha256()), logged.details());
        assertThrows(IllegalStateException.class, () -> ws.addEvidence(staged, "again"));
        staged.close(); // added: closing it leaves the evidence alone
        assertEquals("abc", Files.readString(stored));
        assertEquals(1, ws.evidence(c.id()).size());
        assertNoStrayFiles(c.id());
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());
    }

    @Test
    void aFailedWriteOrAStagingNotAddedLeavesNothing() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        WorkspaceException failed = assertThrows(WorkspaceException.class, () -> ws.addEvidence(c.id(), "half.json", "", out -> {
            out.write(new byte[3 << 20]);
            throw new java.io.IOException("No space left on device");
        }));
        assertTrue(failed.getMessage().contains("half.json") && failed.getMessage().contains("No space left on device")
                && failed.getMessage().contains("It was not kept"), failed.getMessage());
        try (Workspace.StagedEvidence dropped = ws.stageEvidence(c.id(), "dropped.json", out -> out.write(1))) {
            assertEquals(64, dropped.sha256().length());
        }
        assertTrue(ws.evidence(c.id()).isEmpty());
        assertEquals(1, ws.custody(c.id()).size(), "nothing but the case's creation");
        assertNoStrayFiles(c.id());
        assertThrows(UnknownCaseException.class, () -> ws.addEvidence(new CaseId(2001, 1), "x.json", "", out -> out.write(1)));
    }

    @Test
    void bigEvidenceStreamsAndReportsProgress() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Path big = tmp.resolve("big.bin");
        byte[] block = new byte[1 << 20];
        new Random(7).nextBytes(block);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 40; i++) {
                out.write(block);
            }
        }
        long[] seen = new long[2];
        Evidence e = ws.addEvidence(c.id(), big, "", new Progress() {
            @Override
            public void begin(String task, long total) {
                seen[0] = total;
            }

            @Override
            public void advance(long amount) {
                seen[1] += amount;
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertEquals(40L << 20, e.size());
        assertEquals(40L << 20, seen[0]);
        assertEquals(40L << 20, seen[1]);
    }

    @Test
    void cancellingAnImportLeavesNothingBehind() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Path big = Files.write(tmp.resolve("big.bin"), new byte[3 << 20]);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> ws.addEvidence(c.id(), big, "", new Progress() {
            long done;

            @Override
            public void advance(long amount) {
                done += amount;
            }

            @Override
            public boolean cancelled() {
                return done > 0;
            }
        }));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertTrue(ws.evidence(c.id()).isEmpty());
        assertNoStrayFiles(c.id());
    }

    @Test
    void missingFileAndUnknownCaseAreClearErrors() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        WorkspaceException missing = assertThrows(WorkspaceException.class,
                () -> ws.addEvidence(c.id(), tmp.resolve("nope.pcap"), "", Progress.NONE));
        assertEquals("There is no file " + tmp.resolve("nope.pcap"), missing.getMessage());
        assertThrows(UnknownCaseException.class,
                () -> ws.addEvidence(new CaseId(2001, 1), tmp.resolve("nope.pcap"), "", Progress.NONE));
    }

    @Test
    void verifyFindsAlteredMissingAndWritableEvidence() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Evidence a = ws.addEvidence(c.id(), Files.writeString(tmp.resolve("a.txt"), "first"), "", Progress.NONE);
        Evidence b = ws.addEvidence(c.id(), Files.writeString(tmp.resolve("b.txt"), "second"), "", Progress.NONE);
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());
        Path storedA = ws.storedFile(a);
        storedA.toFile().setWritable(true);
        Files.writeString(storedA, "f1rst");
        Files.delete(ws.storedFile(b));
        VerificationReport report = ws.verify(c.id(), Progress.NONE);
        assertFalse(report.intact());
        assertEquals(3, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).startsWith("Evidence #1 (a.txt"), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("no longer read-only")), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("#1") && p.contains("has changed")));
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("#2") && p.endsWith("is missing")));
    }

    @Test
    void verifyFindsAnEditedCustodyEntry() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        ws.changeStatus(c.id(), CaseStatus.INVESTIGATING, "started");
        tamper("UPDATE custody SET details = 'nothing happened' WHERE seq = 2");
        VerificationReport report = ws.verify(c.id(), Progress.NONE);
        assertEquals(List.of("Custody log: entry 2 (status-changed at " + ws.custody(c.id()).get(1).at()
                + ") was altered after it was written"), report.problems());
    }

    @Test
    void verifyFindsRemovedCustodyEntries() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        ws.changeStatus(c.id(), CaseStatus.INVESTIGATING, "started");
        ws.changeStatus(c.id(), CaseStatus.CUSTOMER_NOTIFIED, "letter sent");
        tamper("DELETE FROM custody WHERE seq = 2");
        List<String> middle = ws.verify(c.id(), Progress.NONE).problems();
        assertTrue(middle.contains("Custody log: entries 2 to 2 are missing"), middle.toString());
        assertTrue(middle.contains("Custody log: entry 3 does not follow the entry before it (an entry was removed or altered)"));
        tamper("DELETE FROM custody WHERE seq = 3");
        List<String> tail = ws.verify(c.id(), Progress.NONE).problems();
        assertTrue(tail.stream().anyMatch(p -> p.contains("its last entry is not the one the case recorded")), tail.toString());
    }

    @Test
    void pluginsRecordTheirActionsInTheChain() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        ws.record(c.id(), CustodyAction.PROBE_RUN, "3 ports, verdict open-proxy");
        List<CustodyEntry> log = ws.custody(c.id());
        assertEquals(log.get(0).hash(), log.get(1).previousHash());
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());
    }

    @Test
    void anEntryOfALaterVersionIsShownAndVerifiedAsItWasWritten() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        ws.record(c.id(), CustodyAction.PROBE_RUN, "3 ports, verdict open-proxy");
        String before = ws.custody(c.id()).get(1).hash();
        String at = "2026-12-06T22:00:00Z";
        // as a later version, sharing a team workspace with this one, writes an action this build does not know
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(String.join("\n",
                c.id().toString(), "3", at, "zoe", "case-sealed", "sealed for court", before).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        tamper("INSERT INTO custody (case_id, seq, at, analyst, action, details, prev_hash, hash) VALUES ('" + c.id() + "', 3, '" + at
                + "', 'zoe', 'case-sealed', 'sealed for court', '" + before + "', '" + hash + "')");
        tamper("UPDATE cases SET custody_head = '" + hash + "' WHERE case_id = '" + c.id() + "'");

        CustodyEntry later = ws.custody(c.id()).get(2);
        assertEquals(CustodyAction.UNKNOWN, later.action());
        assertEquals("case-sealed", later.actionWord(), "shown as it was written");
        assertTrue(ws.verify(c.id(), Progress.NONE).intact(), "its hash covers the word it was written with");
        ws.record(c.id(), CustodyAction.NOTE_EDITED, "note 1 written");
        assertEquals(hash, ws.custody(c.id()).get(3).previousHash(), "this build goes on chaining after it");
        assertThrows(IllegalArgumentException.class, () -> ws.record(c.id(), CustodyAction.UNKNOWN, "no name"));

        tamper("UPDATE custody SET action = 'case-unsealed' WHERE seq = 3");
        assertTrue(ws.verify(c.id(), Progress.NONE).problems().contains("Custody log: entry 3 (case-unsealed at " + at
                + ") was altered after it was written"));
    }

    @Test
    void anotherProcessesChangesAreToldAndOurOwnAreNot() throws Exception {
        Case c = newCase("Watched", "192.0.2.7");
        java.util.concurrent.BlockingQueue<CaseId> told = new java.util.concurrent.LinkedBlockingQueue<>();
        ws.watchOthers(told::add);
        try (Workspace other = open("bob")) {
            other.changeStatus(c.id(), CaseStatus.INVESTIGATING, "the customer called back");
            assertEquals(c.id(), told.poll(10, java.util.concurrent.TimeUnit.SECONDS), "another process's change is told");
            Case second = other.createCase(NewCase.of("Opened by bob", "192.0.2.8", "", "", "", List.of()));
            assertEquals(second.id(), told.poll(10, java.util.concurrent.TimeUnit.SECONDS), "so is a case another process opens");
        }
        ws.record(c.id(), CustodyAction.PROBE_RUN, "our own run");
        assertEquals(null, told.poll(1500, java.util.concurrent.TimeUnit.MILLISECONDS), "our own change is ours to post");
    }

    @Test
    void anotherProcessesCommitChangesTheDataVersion() throws Exception {
        long before = ws.dataVersion();
        try (Workspace other = open("bob")) {
            other.createCase(NewCase.of("From the command line", "192.0.2.9", "", "", "", List.of()));
        }
        assertTrue(ws.dataVersion() != before);
        assertEquals(1, ws.cases(false).size());
    }

    @Test
    void editingLogsEachChangedFieldAndKeepsTheTarget() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Case edited = ws.editCase(c.id(), NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-1001", "critical",
                List.of("socks", "botnet")));
        assertEquals("Open SOCKS proxy", edited.title());
        assertEquals("192.0.2.7:1080", edited.scope().toString());
        assertEquals(List.of("botnet", "socks"), edited.tags());
        CustodyEntry logged = ws.custody(c.id()).get(1);
        assertEquals(CustodyAction.CASE_UPDATED, logged.action());
        assertEquals("title \"Open proxy\" -> \"Open SOCKS proxy\"; scope \"192.0.2.7:all\" -> \"192.0.2.7:1080\"; "
                + "severity \"high\" -> \"critical\"; tags \"socks\" -> \"botnet,socks\"", logged.details());
        assertEquals(List.of(c.id()), ws.search("botnet", false).stream().map(Case::id).toList());
        WorkspaceException moved = assertThrows(WorkspaceException.class,
                () -> ws.editCase(c.id(), NewCase.of("x", "192.0.2.8", "", "", "", List.of())));
        assertTrue(moved.getMessage().contains("cannot change; open a new case for 192.0.2.8"), moved.getMessage());
        // an edit that changes nothing writes nothing
        ws.editCase(c.id(), NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-1001", "critical",
                List.of("botnet", "socks")));
        assertEquals(2, ws.custody(c.id()).size());
    }

    @Test
    void purgingRemovesOnlyTheFileAndKeepsTheRecord() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Evidence e = ws.addEvidence(c.id(), Files.writeString(tmp.resolve("private.eml"), "customer mail"), "", Progress.NONE);
        assertThrows(WorkspaceException.class, () -> ws.purgeEvidence(c.id(), e.number(), " "));
        Evidence purged = ws.purgeEvidence(c.id(), e.number(), "holds customer mail unrelated to the case");
        assertTrue(purged.isPurged());
        assertEquals(e.sha256(), purged.sha256());
        assertFalse(Files.exists(ws.storedFile(e)));
        assertEquals("holds customer mail unrelated to the case", purged.purgeReason());
        assertEquals(CustodyAction.EVIDENCE_PURGED, ws.custody(c.id()).get(2).action());
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());
        WorkspaceException twice = assertThrows(WorkspaceException.class, () -> ws.purgeEvidence(c.id(), e.number(), "again"));
        assertTrue(twice.getMessage().contains("was already purged"), twice.getMessage());
        assertThrows(WorkspaceException.class, () -> ws.purgeEvidence(c.id(), 9, "no such"));
    }

    /**
     * Handing evidence over: a verified, read-only copy where the analyst says, with the hand-over in the custody log;
     * never over an existing file, never of a purged file, and never a copy that no longer matches its hash.
     */
    @Test
    void anExportIsAVerifiedCopyAndACustodyEntry() throws Exception {
        Case c = newCase("Open proxy", "192.0.2.7");
        Evidence e = ws.addEvidence(c.id(), Files.writeString(tmp.resolve("line.pcap"), "captured bytes"), "", Progress.NONE);
        Path out = Files.createDirectories(tmp.resolve("for-the-police"));
        assertThrows(WorkspaceException.class, () -> ws.exportEvidence(c.id(), e.number(), out, " ", Progress.NONE));
        Path exported = ws.exportEvidence(c.id(), e.number(), out, "requested by the police, file 2026/4711", Progress.NONE);
        assertEquals(out.resolve("line.pcap").toAbsolutePath(), exported, "into a folder under its original name");
        assertEquals("captured bytes", Files.readString(exported));
        assertEquals("r--r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(exported)));
        CustodyEntry logged = ws.custody(c.id()).get(ws.custody(c.id()).size() - 1);
        assertEquals(CustodyAction.EVIDENCE_EXPORTED, logged.action());
        assertEquals("#1 line.pcap, sha256 " + e.sha256() + " (verified), to " + exported + ": requested by the police, file 2026/4711",
                logged.details());
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());

        int entries = ws.custody(c.id()).size();
        WorkspaceException again = assertThrows(WorkspaceException.class,
                () -> ws.exportEvidence(c.id(), e.number(), out, "once more", Progress.NONE));
        assertTrue(again.getMessage().endsWith("exists; an export never replaces a file. Nothing was exported."), again.getMessage());

        // a stored copy altered behind the workspace's back is not handed over as if it were the evidence
        Path stored = ws.storedFile(e);
        Files.setPosixFilePermissions(stored, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.writeString(stored, "altered bytes");
        Path named = tmp.resolve("altered.pcap");
        WorkspaceException altered = assertThrows(WorkspaceException.class,
                () -> ws.exportEvidence(c.id(), e.number(), named, "to the police", Progress.NONE));
        assertTrue(altered.getMessage().contains("no longer has its recorded SHA-256 " + e.sha256()) && altered.getMessage()
                .endsWith("run case verify on it. Nothing was exported."), altered.getMessage());
        assertFalse(Files.exists(named));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".incoming-")).toList());
        }
        assertEquals(entries, ws.custody(c.id()).size(), "a refused export is no hand-over");

        Evidence other = ws.addEvidence(c.id(), Files.writeString(tmp.resolve("mail.eml"), "customer mail"), "", Progress.NONE);
        ws.purgeEvidence(c.id(), other.number(), "unrelated customer mail");
        WorkspaceException purged = assertThrows(WorkspaceException.class,
                () -> ws.exportEvidence(c.id(), other.number(), out, "to the police", Progress.NONE));
        assertTrue(purged.getMessage().contains("was purged on"), purged.getMessage());
    }

    private void assertNoStrayFiles(CaseId id) throws Exception {
        Path folder = tmp.resolve("ws/.proxyscope/evidence").resolve(id.toString());
        try (var files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".incoming-")), names.toString());
        }
    }
}
