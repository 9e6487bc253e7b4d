package org.proxyscope.notes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.core.Progress;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.NoteDiff;
import org.proxyscope.notes.NoteLinks;
import org.proxyscope.notes.NoteVersion;
import org.proxyscope.notes.Notes;
import org.proxyscope.notes.internal.cli.NoteCommand;

/** Notes kept in a real SQLite workspace: versions, restore, custody, links, search, and the command line. */
class NotesTest {

    @TempDir
    Path tmp;

    private Case newCase(Workspace ws) throws WorkspaceException {
        return ws.createCase(NewCase.of("SOCKS on the line", "192.0.2.7", "", "KUNDE-4711", "high", List.of()));
    }

    private static CustodyEntry last(Workspace ws, Case c) throws WorkspaceException {
        List<CustodyEntry> log = ws.custody(c.id());
        return log.get(log.size() - 1);
    }

    @Test
    void everySaveIsAVersionAndARestoreIsANewOne() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            Notes notes = Notes.of(ws);
            Note first = notes.add(c.id(), "", "# Call with the customer\nThe PC runs *something* on 1080.", List.of("call", "socks"), true);
            assertEquals(1, first.number());
            assertEquals("Call with the customer", first.title(), "an untitled note is named by its first line");
            assertEquals("note 1 \"Call with the customer\" created (version 1)", last(ws, c).details());
            notes.edit(c.id(), 1, Optional.empty(), "The PC runs a SOCKS proxy on 1080, installed by a trojan.");
            notes.edit(c.id(), 1, Optional.of("Call, 4 Dec"), "Third thoughts");
            Note restored = notes.restore(c.id(), 1, 2);
            assertEquals(4, restored.version());
            assertEquals("The PC runs a SOCKS proxy on 1080, installed by a trojan.", restored.text());
            assertEquals("Call with the customer", restored.title(), "a restore brings back version 2's title, kept with it");
            assertEquals(List.of("created", "edited", "edited", "restored from version 2"),
                    notes.history(c.id(), 1).stream().map(NoteVersion::action).toList());
            assertEquals("# Call with the customer\nThe PC runs *something* on 1080.", notes.version(c.id(), 1, 1).text());
            assertEquals(CustodyAction.NOTE_EDITED, last(ws, c).action());
            assertEquals("note 1 \"Call with the customer\" restored from version 2 (version 4)", last(ws, c).details());
            assertTrue(ws.verify(c.id(), Progress.NONE).intact());
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "bob")) {
            Note reread = Notes.of(ws).list(ws.cases(false).get(0).id()).get(0);
            assertEquals(4, reread.version());
            assertEquals(List.of("call", "socks"), reread.tags());
            assertTrue(reread.forReport());
        }
    }

    @Test
    void searchFindsAnEditAtOnceAndForgetsADeletedNote() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            Notes notes = Notes.of(ws);
            notes.add(c.id(), "Router", "The router forwards port 1080 to the PC", List.of(), false);
            assertEquals(List.of("note 1"), where(ws, "router"));
            notes.edit(c.id(), 1, Optional.empty(), "Port forwarding removed by the customer");
            assertEquals(List.of(), where(ws, "1080"), "the old text is not found any more");
            assertEquals(List.of("note 1"), where(ws, "forwarding"));
            assertThrows(WorkspaceException.class, () -> notes.delete(c.id(), 1, " "));
            notes.delete(c.id(), 1, "written in the wrong case");
            assertEquals(List.of(), where(ws, "forwarding"));
            assertEquals(List.of(), notes.list(c.id()));
            assertEquals("deleted: written in the wrong case", notes.history(c.id(), 1).get(2).action(), "the history stays");
            WorkspaceException gone = assertThrows(WorkspaceException.class, () -> notes.edit(c.id(), 1, Optional.empty(), "again"));
            assertEquals("Note 1 of " + c.id() + " was deleted; its history stays readable", gone.getMessage());
        }
    }

    private static List<String> where(Workspace ws, String query) throws WorkspaceException {
        return ws.searchEverything(query, Optional.empty(), 10).stream().filter(h -> h.kind().equals("note"))
                .map(h -> h.kind() + " " + h.ref()).toList();
    }

    @Test
    void linksResolveAndAMissingOrPurgedTargetSaysSo() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat.txt"), "x"), "customer PC", Progress.NONE);
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("mail.eml"), "y"), "complaint", Progress.NONE);
            ws.purgeEvidence(c.id(), 2, "a third party's mail");
            Notes notes = Notes.of(ws);
            notes.add(c.id(), "Other", "see the listing", List.of(), false);
            String text = "Listing [[evidence:1]], mail [[evidence:2]], nothing [[evidence:9]], other note [[note:1]], gone [[note:7]],"
                    + " run [[finding:1/2]].";
            List<NoteLinks.Link> links = NoteLinks.resolve(ws, c.id(), text);
            assertEquals(List.of("evidence #1, netstat.txt", "evidence #2, mail.eml (purged; its hash stays on record)",
                    "evidence #9 (no such evidence in " + c.id() + ")", "note 1, Other", "note 7 (missing or deleted)",
                    "probe finding 1/2 (missing or deleted)"), links.stream().map(NoteLinks.Link::target).toList());
            assertEquals(List.of(true, false, false, true, false, false), links.stream().map(NoteLinks.Link::found).toList());
        }
    }

    @Test
    void twoVersionsCompareLineByLine() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            Notes notes = Notes.of(ws);
            notes.add(c.id(), "Call", "Customer called.\nPC runs SOCKS on 1080.\nWill reinstall.", List.of(), false);
            notes.edit(c.id(), 1, Optional.of("Call, 4 Dec"), "Customer called.\nPC runs SOCKS on 1080 and 3128.\nWill reinstall.\nDeadline Friday.");
            NoteDiff diff = notes.diff(c.id(), 1, 1, 2);
            assertEquals(List.of("SAME Customer called.", "REMOVED PC runs SOCKS on 1080.", "ADDED PC runs SOCKS on 1080 and 3128.",
                    "SAME Will reinstall.", "ADDED Deadline Friday."), diff.lines().stream().map(l -> l.change() + " " + l.text()).toList());
            assertTrue(diff.titleChanged());
            NoteDiff back = notes.diff(c.id(), 1, 2, 1);
            assertEquals(2, back.lines().stream().filter(l -> l.change() == NoteDiff.Change.REMOVED).count(), "either may be the earlier");
            assertEquals("Note 1 of " + c.id() + " has no version 7", assertThrows(WorkspaceException.class,
                    () -> notes.diff(c.id(), 1, 1, 7)).getMessage());
            String id = c.id().toString();
            String folder = tmp.resolve("ws").toString();
            ws.close();
            String text = run("diff", id, "1", "--from", "1", "--workspace", folder);
            assertTrue(text.contains("- title: Call\n+ title: Call, 4 Dec\n  Customer called.\n- PC runs SOCKS on 1080.\n"
                    + "+ PC runs SOCKS on 1080 and 3128.\n  Will reinstall.\n+ Deadline Friday.\n"), text);
        }
    }

    @Test
    void tagsAndTheReportOrderAreKeptAndLogged() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            Notes notes = Notes.of(ws);
            for (String t : List.of("one", "two", "three")) {
                notes.add(c.id(), t, "Note " + t, List.of(), true);
            }
            notes.add(c.id(), "four", "Not for the report", List.of(), false);
            Note tagged = notes.tag(c.id(), 2, List.of("deadline", " call ", "deadline"));
            assertEquals(List.of("deadline", "call"), tagged.tags());
            assertEquals("note 2 \"two\" tagged deadline, call", last(ws, c).details());
            assertEquals(List.of("note 2"), where(ws, "deadline"), "a tag is found by the search at once");
            assertEquals(List.of(3, 1, 2), notes.orderForReport(c.id(), List.of(3)).stream().map(Note::number).toList());
            assertEquals("report notes ordered: 3, 1, 2", last(ws, c).details());
            int custody = ws.custody(c.id()).size();
            assertEquals("Note 4 of " + c.id() + " is not marked for the report; only those are ordered",
                    assertThrows(WorkspaceException.class, () -> notes.orderForReport(c.id(), List.of(1, 4))).getMessage());
            assertEquals(custody, ws.custody(c.id()).size(), "a refused order changes nothing");
            assertEquals(List.of(3, 1, 2), notes.forReport(c.id()).stream().map(Note::number).toList());
            assertTrue(ws.verify(c.id(), Progress.NONE).intact());
        }
    }

    @Test
    void linkCompletionOffersWhatTheCaseHolds() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            Case other = newCase(ws);
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat.txt"), "x"), "customer PC", Progress.NONE);
            Notes notes = Notes.of(ws);
            notes.add(c.id(), "Call", "Customer called", List.of(), false);
            notes.add(other.id(), "Elsewhere", "Another case's note", List.of(), false);
            assertEquals(List.of("[[evidence:1]] evidence #1, netstat.txt", "[[note:1]] note 1, Call"),
                    NoteLinks.completions(ws, c.id(), "", 50).stream().map(l -> l.text() + " " + l.target()).toList());
            assertEquals(List.of("[[note:1]]"), NoteLinks.completions(ws, c.id(), "no", 50).stream().map(NoteLinks.Link::text).toList());
            assertEquals(List.of(), NoteLinks.completions(ws, c.id(), "note:2", 50));
            assertEquals(List.of(), NoteLinks.completions(ws, c.id(), "%", 50), "a LIKE wildcard typed is a character");
        }
    }

    @Test
    void badInputIsSaidAndNothingIsStored() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            Notes notes = Notes.of(ws);
            int custody = ws.custody(c.id()).size();
            assertEquals("A note needs text", assertThrows(WorkspaceException.class,
                    () -> notes.add(c.id(), "x", "  \n", List.of(), false)).getMessage());
            String huge = "a".repeat(Notes.MAX_TEXT + 1);
            assertTrue(assertThrows(WorkspaceException.class, () -> notes.add(c.id(), "x", huge, List.of(), false)).getMessage()
                    .startsWith("A note holds at most 1048576 characters"));
            assertEquals(c.id() + " has no note 3", assertThrows(WorkspaceException.class,
                    () -> notes.edit(c.id(), 3, Optional.empty(), "text")).getMessage());
            assertEquals(custody, ws.custody(c.id()).size());
            Note odd = notes.add(c.id(), "", "עברית \u202e\u0007 text", List.of(), false);
            assertEquals("עברית \u202e\u0007 text", notes.find(c.id(), odd.number()).orElseThrow().text(), "kept as written");
        }
    }

    @Test
    void theNoteCommandAddsEditsShowsAndListsEndToEnd() throws Exception {
        String folder = tmp.resolve("ws").toString();
        String id = caseForTheCommand();
        Path file = Files.writeString(tmp.resolve("note.md"), "## Findings\n- SOCKS5 open on 1080\n- see [[evidence:1]]\n");
        assertEquals("1", run("add", id, "--file", file.toString(), "--tag", "socks", "--for-report", "--workspace", folder).strip());
        assertEquals("note 1 is at version 2\n", run("edit", id, "1", "--text", "Corrected", "--workspace", folder));
        assertEquals("Corrected\n", run("show", id, "1", "--workspace", folder));
        assertEquals(Files.readString(file), run("show", id, "1", "--version", "1", "--workspace", folder));
        assertTrue(run("list", id, "--workspace", folder).contains("Findings  [socks]  (report)"));
        assertTrue(run("history", id, "1", "--json", "--workspace", folder).contains("\"action\": \"edited\""));
        assertEquals("note 1 of " + id + " is deleted; its versions stay readable (note history)\n",
                run("delete", id, "1", "--reason", "wrong case", "--workspace", folder));
        // the command was right, the note is gone: a failure (exit 1) that says where its versions are, not a usage error
        org.proxyscope.notes.NoteException deleted = assertThrows(org.proxyscope.notes.NoteException.class,
                () -> new NoteCommand().run(List.of("show", id, "1", "--workspace", folder), io(new ByteArrayOutputStream())));
        assertEquals("Note 1 of " + id + " was deleted; its versions stay readable: proxyscope note history " + id + " 1",
                deleted.getMessage());
        assertEquals(id + " has no note 7", assertThrows(org.proxyscope.notes.NoteException.class,
                () -> new NoteCommand().run(List.of("show", id, "7", "--workspace", folder), io(new ByteArrayOutputStream()))).getMessage());
        NoteCommand command = new NoteCommand();
        org.proxyscope.cli.UsageException both = assertThrows(org.proxyscope.cli.UsageException.class,
                () -> command.run(List.of("add", id, "--text", "a", "--file", "b", "--workspace", folder), io(new ByteArrayOutputStream())));
        assertEquals("give the note's text with --text or --file (one of them)", both.getMessage());
    }

    /** A link that leads nowhere is named on standard error when the note is saved; the note is kept as written. */
    @Test
    void theNoteCommandNamesLinksToNothing() throws Exception {
        String folder = tmp.resolve("ws").toString();
        String id = caseForTheCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext io = new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = "SOCKS per [[evidence:4]], see [[note:1]] and [[session:2/812]]";
        assertEquals(0, new NoteCommand().run(new ArrayList<>(List.of("add", id, "--text", text, "--workspace", folder)), io));
        assertEquals("1\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("proxyscope note: note 1: [[evidence:4]] leads to nothing: evidence #4 (no such evidence in " + id + ")",
                "proxyscope note: note 1: [[session:2/812]] leads to nothing: capture session 2/812 (missing or deleted)"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(text + "\n", run("show", id, "1", "--workspace", folder));
        err.reset();
        assertEquals(0, new NoteCommand().run(new ArrayList<>(List.of("edit", id, "1", "--text", "see [[note:1]]", "--workspace", folder)), io));
        assertEquals("", err.toString(StandardCharsets.UTF_8), "a link to something the case holds is no warning");
    }

    /**
     * A file that cannot be a note is refused by name before it is read whole: /dev/zero once ended in an
     * OutOfMemoryError's stack trace. Nothing is stored.
     */
    @Test
    void theNoteCommandRefusesAFileThatIsNoNote() throws Exception {
        String folder = tmp.resolve("ws").toString();
        String id = caseForTheCommand();
        Path binary = Files.write(tmp.resolve("capture.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0});
        Path large = tmp.resolve("large.txt");
        Files.write(large, new byte[Notes.MAX_TEXT * 4 + 1]);
        for (var c : List.of(List.of("/dev/zero", "/dev/zero is larger than a note may be (1048576 characters)"),
                List.of(large.toString(), large + " is larger than a note may be (1048576 characters)"),
                List.of(binary.toString(), binary + " is not UTF-8 text"),
                List.of(tmp.toString(), "cannot read " + tmp + ": Is a directory"))) {
            org.proxyscope.cli.UsageException refused = assertThrows(org.proxyscope.cli.UsageException.class, () -> new NoteCommand()
                    .run(new ArrayList<>(List.of("add", id, "--file", c.get(0), "--workspace", folder)), io(new ByteArrayOutputStream())));
            assertEquals(c.get(1), refused.getMessage());
        }
        assertEquals("", run("list", id, "--workspace", folder));
    }

    /** A case in the workspace at tmp/ws, closed again so that the command opens it as a user's would: its id. */
    private String caseForTheCommand() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            return newCase(ws).id().toString();
        }
    }

    private static CommandContext io(ByteArrayOutputStream out) {
        return new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new NoteCommand().run(new ArrayList<>(List.of(args)), io(out)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTimelineMergesCustodyAndNotesInTimeOrder() throws Exception {
        String folder = tmp.resolve("ws").toString();
        String id;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            id = c.id().toString();
            ws.changeStatus(c.id(), org.proxyscope.core.model.CaseStatus.INVESTIGATING, "probing starts");
            Notes.of(ws).add(c.id(), "First look", "text", List.of(), false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new org.proxyscope.notes.internal.cli.TimelineCommand().run(List.of(id, "--json", "--workspace", folder),
                io(out)));
        com.google.gson.JsonArray entries = com.google.gson.JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonArray();
        List<String> kinds = new ArrayList<>();
        entries.forEach(e -> kinds.add(e.getAsJsonObject().get("kind").getAsString() + " "
                + e.getAsJsonObject().get("text").getAsString().split(":")[0]));
        assertEquals(List.of("custody case-created", "custody status-changed", "note First look (by alice)"), kinds,
                "the note stands for its own custody entry");
        org.proxyscope.cli.UsageException kind = assertThrows(org.proxyscope.cli.UsageException.class,
                () -> new org.proxyscope.notes.internal.cli.TimelineCommand().run(List.of(id, "--kind", "mail", "--workspace", folder),
                        io(new ByteArrayOutputStream())));
        assertEquals("--kind: there is no kind mail; the kinds are custody, finding, session and note", kind.getMessage());
    }

    /**
     * A port that answered as one service was tried with every protocol: its "not a proxy" findings are one entry of
     * the timeline, beside each finding that says more (a relay, a refusal), and refused ports are left out.
     */
    @Test
    void theTimelineFoldsAPortsNotAProxyFindings() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            java.time.Instant started = java.time.Instant.parse("2026-12-04T10:15:29Z");
            java.time.Instant proven = java.time.Instant.parse("2026-12-04T10:15:30Z");
            List<org.proxyscope.probe.Finding> findings = new ArrayList<>();
            for (String protocol : List.of("http-connect", "socks4", "socks5")) {
                findings.add(new org.proxyscope.probe.Finding(25, protocol, org.proxyscope.probe.Verdict.NOT_A_PROXY,
                        "an SMTP server (Exim 4.96) answered", new org.proxyscope.probe.Transcript()).withService("Exim 4.96"));
            }
            findings.add(new org.proxyscope.probe.Finding(25, "smtp-relay", org.proxyscope.probe.Verdict.DENIED, "550 relay not permitted",
                    new org.proxyscope.probe.Transcript()).withService("Exim 4.96"));
            findings.add(new org.proxyscope.probe.Finding(1080, "http-connect", org.proxyscope.probe.Verdict.NOT_A_PROXY,
                    "the reply to CONNECT is not HTTP: bytes 05 ff", new org.proxyscope.probe.Transcript()));
            findings.add(new org.proxyscope.probe.Finding(1080, "socks5", org.proxyscope.probe.Verdict.OPEN,
                    Optional.of(new org.proxyscope.probe.CanaryProof("pxc-00112233445566778899aabbccddeeff", "127.0.0.1:40404", proven,
                            "the canary received the token from 127.0.0.1:40404")), "granted", new org.proxyscope.probe.Transcript()));
            findings.add(new org.proxyscope.probe.Finding(81, "tcp", org.proxyscope.probe.Verdict.NO_SERVICE, "connection refused",
                    new org.proxyscope.probe.Transcript()));
            org.proxyscope.probe.ProbeEvidence.keep(ws, c.id(), new org.proxyscope.probe.ProbeReport("127.0.0.1", started,
                    java.time.Duration.ofMillis(900), findings, org.proxyscope.core.model.Scope.parse("127.0.0.1")), "Proxyscope's canary");

            List<String> shown = org.proxyscope.notes.CaseTimeline.of(ws, c.id()).stream().filter(e -> e.kind().equals("finding"))
                    .map(e -> e.ref() + " " + e.text()).toList();
            assertEquals(List.of("1/4 smtp-relay on 127.0.0.1:25: denied (550 relay not permitted)",
                    "1/1 http-connect, socks4 and socks5 on 127.0.0.1:25: not-a-proxy (Exim 4.96 answered)",
                    "1/5 http-connect on 127.0.0.1:1080: not-a-proxy (the reply to CONNECT is not HTTP: bytes 05 ff)",
                    "1/6 socks5 on 127.0.0.1:1080: open (granted)"), shown);
        }
    }

    /**
     * Files added one after another, each within a minute of the one before, are one timeline entry (a probe run adds a
     * transcript per finding); a file added later, or after another action, stands alone. The custody log keeps each.
     */
    @Test
    void theTimelineFoldsEvidenceAddedTogether() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = newCase(ws);
            for (String name : List.of("a.txt", "b.txt")) {
                ws.addEvidence(c.id(), Files.writeString(tmp.resolve(name), name), "customer PC", Progress.NONE);
            }
            ws.changeStatus(c.id(), org.proxyscope.core.model.CaseStatus.INVESTIGATING, "the customer sent files");
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("c.txt"), "c"), "customer PC", Progress.NONE);
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("d.txt"), "d"), "", Progress.NONE);
        }
        // as if d.txt had come two minutes after c.txt
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("ws/.proxyscope/workspace.db"));
                java.sql.Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE custody SET at = strftime('%Y-%m-%dT%H:%M:%SZ', at, '+2 minutes') WHERE seq = 6");
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            Case c = ws.cases(false).get(0);
            List<String> custody = org.proxyscope.notes.CaseTimeline.of(ws, c.id()).stream().filter(e -> e.kind().equals("custody"))
                    .map(e -> e.ref() + " " + e.text().replaceAll("sha256 [0-9a-f]{64}", "sha256 H")).toList();
            assertEquals(6, ws.custody(c.id()).size(), "the custody log keeps each");
            assertEquals(List.of("1 " + ws.custody(c.id()).get(0).actionWord() + ": " + ws.custody(c.id()).get(0).details(),
                    "2 evidence-added: 2 files, #1 to #2, source: customer PC (custody entries 2 to 3)",
                    "4 status-changed: " + ws.custody(c.id()).get(3).details(),
                    "5 evidence-added: #3 c.txt, 1 bytes, sha256 H, source: customer PC",
                    "6 evidence-added: #4 d.txt, 1 bytes, sha256 H"), custody);
        }
    }
}
