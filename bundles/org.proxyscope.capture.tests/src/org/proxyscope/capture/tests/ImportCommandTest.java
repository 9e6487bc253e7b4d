package org.proxyscope.capture.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.capture.ListeningSocket;
import org.proxyscope.capture.internal.cli.ImportCommand;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.NewCase;

/** {@code proxyscope import} on the recorded capture, with and without a case. */
class ImportCommandTest {

    @TempDir
    Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--workspace", tmp.resolve("ws").toString(), "--analyst", "alice"));
        return new ImportCommand().run(args, new CommandContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    /** A new case in the test's workspace, closed again for the command to open. */
    private Case relayingPc() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            return ws.createCase(NewCase.of("Relaying PC", "127.0.0.1", "", "", "high", List.of()));
        }
    }

    /**
     * import --case ID --evidence N: a capture the case imported with an older version (here, one that kept no listening
     * sockets) is analysed again from its stored copy. What it finds replaces what the case kept, its search entries
     * are not doubled, a new analysis is kept beside the old one, and the custody log says what each analysis found.
     */
    @Test
    void aCaptureTheCaseKeepsIsAnalysedAgainWithThisVersion() throws Exception {
        Path listing = Files.writeString(tmp.resolve("netstat-ano.txt"), """
                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:1080           0.0.0.0:0              LISTENING       3120
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                  TCP    192.168.1.5:8080       203.0.113.9:51235      ESTABLISHED     3120
                  TCP    192.168.1.5:49712      198.51.100.25:25       ESTABLISHED     3120
                """);
        Case c = relayingPc();
        String id = c.id().toString();
        assertEquals(ExitCode.OK, run(listing.toString(), "--case", id));
        int custody;
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            org.proxyscope.capture.OlderImports.withoutListeningSockets(ws, c.id());
            assertEquals(List.of(), CaptureRecords.of(ws).list(c.id()).get(0).listening());
            // an older version's analysis differs from this one's; this one's may not (its JSON differs only in the
            // milliseconds it took, which two analyses of a small listing can share, and then the one kept serves)
            ws.purgeEvidence(c.id(), 2, "stands for an analysis by an older version");
            custody = ws.custody(c.id()).size();
        }
        out.reset();
        assertEquals(ExitCode.OK, run("--case", id, "--evidence", "#1"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("netstat-ano.txt: netstat listing, 2 connections"),
                out.toString(StandardCharsets.UTF_8));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            KeptCapture kept = CaptureRecords.of(ws).list(c.id()).get(0);
            assertEquals(List.of("0.0.0.0:1080", "0.0.0.0:8080"), kept.listening().stream().map(ListeningSocket::address).toList());
            assertEquals(List.of("203.0.113.9"), kept.listening().get(1).clients());
            assertEquals(java.util.OptionalInt.of(3), kept.analysis(), "a new analysis, kept beside the one before (#2)");
            assertEquals("analysis of evidence #1, again", ws.evidence(c.id()).get(2).source());
            List<org.proxyscope.core.model.CustodyEntry> log = ws.custody(c.id());
            org.proxyscope.core.model.CustodyEntry again = log.stream().filter(e -> e.action() == CustodyAction.CAPTURE_REANALYSED)
                    .findFirst().orElseThrow();
            assertTrue(again.details().startsWith("evidence #1 by Proxyscope "), again.details());
            assertTrue(again.details().endsWith(": 0 proxy sessions, 0 established, 2 sockets on proxy ports; the analysis before found"
                    + " 0 proxy sessions, 0 established, 0 sockets on proxy ports"), again.details());
            assertEquals(custody + 2, log.size(), "the new analysis's evidence and the analysis itself");
            assertEquals(1, ws.searchEverything("203.0.113.9", java.util.Optional.of(c.id()), 10).size(), "one entry, not two");

            // what cannot be analysed again says why, and changes nothing
            Progress cancelled = () -> true;
            WorkspaceException stopped = assertThrows(WorkspaceException.class,
                    () -> CaptureEvidence.analyseAgain(ws, c.id(), 1, new CaptureImporter(), cancelled));
            assertTrue(stopped.getMessage().endsWith("was cancelled. Nothing was changed."), stopped.getMessage());
            WorkspaceException notCapture = assertThrows(WorkspaceException.class,
                    () -> CaptureEvidence.analyseAgain(ws, c.id(), 2, new CaptureImporter(), Progress.NONE));
            assertTrue(notCapture.getMessage().contains("is no capture the case imported"), notCapture.getMessage());
            Path stored = ws.storedFile(ws.evidence(c.id()).get(0));
            Files.setPosixFilePermissions(stored, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.writeString(stored, "  TCP    0.0.0.0:3128    0.0.0.0:0    LISTENING    1\n");
            WorkspaceException altered = assertThrows(WorkspaceException.class,
                    () -> CaptureEvidence.analyseAgain(ws, c.id(), 1, new CaptureImporter(), Progress.NONE));
            assertTrue(altered.getMessage().endsWith("run case verify on it. Nothing was changed."), altered.getMessage());
            assertEquals(log.size(), ws.custody(c.id()).size());
            assertEquals(2, CaptureRecords.of(ws).list(c.id()).get(0).listening().size());
        }
        UsageException noCase = assertThrows(UsageException.class, () -> run("--evidence", "1"));
        assertTrue(noCase.getMessage().contains("add --case ID"), noCase.getMessage());
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        Path capture = Recorded.file("lo.pcapng");
        assertEquals(ExitCode.OK, run(capture.toString(), "--json"));
        JsonObject o = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(capture.toString(), o.get("file").getAsString());
        assertEquals("pcapng", o.get("format").getAsString());
        assertEquals(64, o.get("sha256").getAsString().length());
        assertTrue(o.get("packets").getAsLong() > 0 && o.get("flows").getAsLong() > 0 && o.get("bytes").getAsLong() > 0);
        assertTrue(o.has("elapsed_ms"));
        assertEquals(false, o.get("partial").getAsBoolean());
        JsonObject session = o.getAsJsonArray("proxy_sessions").get(0).getAsJsonObject();
        for (String key : List.of("client", "proxy", "protocol", "destination", "outcome", "carries_smtp", "smtp_messages")) {
            assertTrue(session.has(key), key);
        }
        assertTrue(o.getAsJsonArray("listening").size() > 0);
    }

    @Test
    void withACaseTheCaptureAndItsAnalysisBecomeEvidence() throws Exception {
        Path capture = Recorded.file("lo.pcap");
        Case c = relayingPc();
        assertEquals(ExitCode.OK, run(capture.toString(), "--case", c.id().toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("proxy sessions"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("lo.pcap: pcap, "), "named as the analyst knows it, not by the"
                + " stored copy's hash: " + out.toString(StandardCharsets.UTF_8));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            List<Evidence> evidence = ws.evidence(c.id());
            assertEquals(2, evidence.size());
            assertEquals(Files.size(capture), Files.size(ws.storedFile(evidence.get(0))));
            assertEquals("lo.pcap.analysis.json", evidence.get(1).originalName(), "named after the capture it analyses");
            assertEquals("", evidence.get(1).originalPath(), "written into the evidence store, from no file of the analyst's");
            assertTrue(ws.verify(c.id(), org.proxyscope.core.Progress.NONE).intact(), "the hash taken as it was written is its file's");
            JsonObject analysis = JsonParser.parseString(Files.readString(ws.storedFile(evidence.get(1)))).getAsJsonObject();
            assertTrue(analysis.has("proxy_sessions"), analysis.toString());
            String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(capture)));
            assertEquals(sha256, evidence.get(0).sha256());
            assertEquals(sha256, analysis.get("sha256").getAsString(), "the analysis names the capture it analysed");
            assertTrue(ws.custody(c.id()).stream().anyMatch(e -> e.action() == CustodyAction.CAPTURE_IMPORTED
                    && e.details().contains("evidence #1") && e.details().contains("proxy sessions")));
            // the analysis is written while the sessions are kept, and the kept import names it once it is evidence
            assertEquals(java.util.OptionalInt.of(evidence.get(1).number()),
                    org.proxyscope.capture.CaptureRecords.of(ws).list(c.id()).get(0).analysis());
        }
    }

    /**
     * What a verdict reads of a kept import, its sessions counted by proxy, protocol and outcome in the database, says
     * what the sessions themselves say: the same counts, first and last times and mail, in the order first found.
     */
    @Test
    void theSessionsCountedAreTheSessionsKept() throws Exception {
        Case c = relayingPc();
        assertEquals(ExitCode.OK, run(Recorded.file("lo.pcap").toString(), "--case", c.id().toString()));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            KeptCapture kept = CaptureRecords.of(ws).list(c.id()).get(0);
            java.util.Map<List<Object>, CaptureRecords.SessionGroup> expected = new java.util.LinkedHashMap<>();
            for (KeptCapture.Session s : kept.sessions()) {
                expected.merge(List.of(s.proxyHost(), s.proxyPort(), s.protocol(), s.outcome()), new CaptureRecords.SessionGroup(s.proxyHost(),
                        s.proxyPort(), s.protocol(), s.outcome(), 1, s.startedNanos(), s.startedNanos(), s.smtpMessages()),
                        (a, b) -> new CaptureRecords.SessionGroup(a.proxyHost(), a.proxyPort(), a.protocol(), a.outcome(),
                                a.sessions() + b.sessions(), Math.min(a.firstNanos(), b.firstNanos()), Math.max(a.lastNanos(), b.lastNanos()),
                                a.smtpMessages() + b.smtpMessages()));
            }
            assertTrue(expected.size() > 3 && expected.size() < kept.sessions().size(), "the capture's sessions fall into a few groups: "
                    + expected.keySet());
            List<CaptureRecords.Tally> tallies = CaptureRecords.of(ws).tallies(c.id());
            assertEquals(1, tallies.size());
            assertEquals(List.copyOf(expected.values()), tallies.get(0).groups());
            assertEquals(kept.sessions().size(), tallies.get(0).sessions());
            assertEquals(List.of(), tallies.get(0).capture().sessions(), "counted, not read");
            assertEquals(kept.fileName() + kept.evidence() + kept.analysis() + kept.listening(), tallies.get(0).capture().fileName()
                    + tallies.get(0).capture().evidence() + tallies.get(0).capture().analysis() + tallies.get(0).capture().listening());
        }
    }

    /**
     * Each session the case keeps reads as the analysis found it, down to its evidence: a session paired with the
     * proxy's own onward connection keeps the rest of its evidence beside that connection, and reads whole.
     */
    @Test
    void theSessionsKeptReadAsTheAnalysisFoundThem() throws Exception {
        Case c = relayingPc();
        assertEquals(ExitCode.OK, run(Recorded.file("lo.pcap").toString(), "--case", c.id().toString(), "--json"));
        java.util.Map<Integer, List<Object>> found = new java.util.TreeMap<>();
        for (var e : JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray("proxy_sessions")) {
            JsonObject o = e.getAsJsonObject();
            found.put(o.get("flow").getAsInt(), List.of(o.get("destination").getAsString(), o.get("outcome").getAsString(),
                    o.get("evidence").getAsString()));
        }
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            java.util.Map<Integer, List<Object>> kept = new java.util.TreeMap<>();
            for (KeptCapture.Session s : CaptureRecords.of(ws).list(c.id()).get(0).sessions()) {
                kept.put(s.flow(), List.of(s.destination(), s.outcome().word(), s.evidence()));
            }
            assertEquals(found, kept);
            assertTrue(kept.values().stream().anyMatch(s -> s.get(2).toString().startsWith("the proxy's connection to " + s.get(0) + " is flow ")),
                    "sessions paired with the proxy's onward connection: " + kept.values());
        }
    }

    /** Into a case, --json prints the analysis the case keeps, byte for byte. */
    @Test
    void withACaseTheJsonPrintedIsTheAnalysisKept() throws Exception {
        Path capture = Recorded.file("lo.pcap");
        Case c = relayingPc();
        assertEquals(ExitCode.OK, run(capture.toString(), "--case", c.id().toString(), "--json"));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            byte[] kept = Files.readAllBytes(ws.storedFile(ws.evidence(c.id()).get(1)));
            assertArrayEquals(kept, java.util.Arrays.copyOf(out.toByteArray(), out.size() - System.lineSeparator().length()));
            JsonObject o = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
            assertEquals(ws.evidence(c.id()).get(0).sha256(), o.get("sha256").getAsString());
            assertTrue(o.getAsJsonArray("proxy_sessions").size() > 0);
        }
    }

    /**
     * Into a case the file is read once: copied and hashed while it is analysed. Where the analysis stops (a
     * record lying about its length, 1 MiB of junk after it) or never starts (no capture at all), the stored
     * copy is still the whole file, byte for byte.
     */
    @Test
    void intoACaseTheWholeFileIsKeptWhereverTheAnalysisStopped() throws Exception {
        byte[] whole = Files.readAllBytes(Recorded.file("lo.pcap"));
        byte[] junk = new byte[1 << 20];
        new java.util.Random(7).nextBytes(junk);
        Path damaged = tmp.resolve("damaged.pcap");
        Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(damaged, junk, java.nio.file.StandardOpenOption.APPEND);
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "the customer says the PC was slow all week\n");
        Case c = relayingPc();
        assertEquals(ExitCode.FAILURE, run(damaged.toString(), "--case", c.id().toString()));
        assertNotEquals(ExitCode.OK, run(notes.toString(), "--case", c.id().toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("notes.txt is no pcap, pcapng, netstat or ss file"),
                err.toString(StandardCharsets.UTF_8));
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            List<Evidence> evidence = ws.evidence(c.id());
            Evidence capture = evidence.stream().filter(e -> e.originalName().equals("damaged.pcap")).findFirst().orElseThrow();
            assertArrayEquals(Files.readAllBytes(damaged), Files.readAllBytes(ws.storedFile(capture)));
            Evidence text = evidence.stream().filter(e -> e.originalName().equals("notes.txt")).findFirst().orElseThrow();
            assertArrayEquals(Files.readAllBytes(notes), Files.readAllBytes(ws.storedFile(text)));
            assertTrue(ws.custody(c.id()).stream().anyMatch(e -> e.action() == CustodyAction.CAPTURE_IMPORTED
                    && e.details().equals("evidence #" + text.number() + " could not be read: notes.txt is no pcap, pcapng, netstat or ss"
                            + " file (it begins 74 68 65 20 63 75 73 74) (at byte offset 0)")), ws.custody(c.id()).toString());
            assertTrue(ws.verify(c.id(), org.proxyscope.core.Progress.NONE).intact(), "the chain and every stored copy check out");
        }
    }

    @Test
    void aDamagedFileFailsButPrintsWhatWasRead() throws Exception {
        byte[] whole = Files.readAllBytes(Recorded.file("lo.pcap"));
        Path cut = tmp.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(ExitCode.FAILURE, run(cut.toString(), "--json"));
        JsonObject o = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertTrue(o.get("partial").getAsBoolean());
        assertTrue(o.get("packets").getAsLong() > 0);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("byte offset"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wrongArgumentsAreUsageErrors() throws Exception {
        assertEquals("no such file: " + tmp.resolve("missing.pcap"),
                assertThrows(UsageException.class, () -> run(tmp.resolve("missing.pcap").toString())).getMessage());
        assertEquals(tmp + " is a folder; name the capture or listing file",
                assertThrows(UsageException.class, () -> run(tmp.toString())).getMessage());
        Path listing = Files.writeString(tmp.resolve("netstat.txt"), "tcp 0 0 0.0.0.0:1080 0.0.0.0:* LISTEN\n");
        for (String bytes : List.of("-5", "0", "1023", "1048577", "99999999999", "lots")) {
            assertEquals("--reassembly-bytes takes 1024 to 1048576 bytes, not " + bytes + ": with fewer no request and reply can be"
                    + " recognised, with more a busy capture's flows fill the memory", assertThrows(UsageException.class,
                            () -> run(listing.toString(), "--reassembly-bytes", bytes)).getMessage());
        }
        assertThrows(UsageException.class, () -> run());
    }
}
