package org.proxyscope.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.UnknownCaseException;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.CanaryProof;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeEvidence;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.ProbeRuns;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;

/** Probe runs kept in a real SQLite workspace: what the report and the Probing perspective read back. */
class ProbeRunsTest {

    @TempDir
    Path tmp;

    private static Transcript exchange(String sent, byte[] reply) {
        Transcript t = new Transcript();
        byte[] out = sent.getBytes(StandardCharsets.US_ASCII);
        t.sent(out, 0, out.length);
        t.received(reply, 0, reply.length);
        return t;
    }

    private static ProbeReport report() {
        Instant arrived = Instant.parse("2026-12-04T10:15:30.123Z");
        Finding open = new Finding(1080, "socks5", Verdict.OPEN,
                Optional.of(new CanaryProof("pxc-0123456789abcdef0123456789abcdef", "127.0.0.1:40404", arrived,
                        "the canary received the token from 127.0.0.1:40404")),
                "granted; the canary received the token", exchange("\u0005\u0001\u0000", new byte[] {5, 0})).withService("SOCKS proxy");
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 7);
        }
        Finding denied = new Finding(3128, "http-connect", Verdict.DENIED, "HTTP/1.1 403 Forbidden",
                exchange("CONNECT 127.0.0.1:9 HTTP/1.1\r\n\r\n", junk)).withService("Squid 5.7");
        Finding refused = new Finding(8080, "tcp", Verdict.NO_SERVICE, "connection refused", new Transcript());
        return new ProbeReport("127.0.0.1", Instant.parse("2026-12-04T10:15:29Z"), Duration.ofMillis(412),
                List.of(refused, denied, open), Scope.parse("127.0.0.1"));
    }

    @Test
    void aKeptRunComesBackWithItsProofExcerptsAndEvidenceAfterReopening() throws Exception {
        Path folder = tmp.resolve("ws");
        CaseId id;
        try (Workspace ws = Workspace.open(folder, "alice")) {
            Case c = ws.createCase(NewCase.of("SOCKS on the line", "127.0.0.1", "127.0.0.1", "", "high", List.of()));
            id = c.id();
            ProbeRun kept = ProbeEvidence.keep(ws, id, report(), "Proxyscope's canary on 127.0.0.1:45000");
            assertEquals(1, kept.number());
            CustodyEntry last = ws.custody(id).get(ws.custody(id).size() - 1);
            assertEquals(CustodyAction.PROBE_RUN, last.action());
            assertEquals("run 1: 127.0.0.1 ports 1080,3128,8080: open-proxy, 1 open finding; within the scope 127.0.0.1:all", last.details());
            assertEquals(2, ws.evidence(id).size(), "the two findings that exchanged bytes keep transcripts");
            Evidence transcript = ws.evidence(id).get(1);
            assertTrue(transcript.originalName().matches("127\\.0\\.0\\.1-1080-socks5-[0-9T.Z-]+\\.txt"), transcript.originalName());
            assertEquals("", transcript.originalPath(), "written into the evidence store, from no file of the analyst's");
            assertEquals("probe transcript, socks5 on port 1080", transcript.source());
            assertTrue(Files.readString(ws.storedFile(transcript)).startsWith("Proxyscope probe transcript: socks5 on 127.0.0.1 port 1080"));
        }
        try (Workspace ws = Workspace.open(folder, "bob")) {
            List<ProbeRun> runs = ProbeRuns.of(ws).list(id);
            assertEquals(1, runs.size());
            ProbeRun run = runs.get(0);
            assertEquals("open-proxy", run.verdict());
            assertEquals("alice", run.analyst());
            assertEquals(Instant.parse("2026-12-04T10:15:29Z"), run.started());
            assertEquals(412, run.elapsed().toMillis());
            assertEquals("Proxyscope's canary on 127.0.0.1:45000", run.canary());
            assertEquals("127.0.0.1:all", run.scope(), "the scope its connections were checked against");
            ProbeRun.Recorded first = run.findingsByWeight().get(0);
            assertEquals(Verdict.OPEN, first.verdict());
            assertEquals("pxc-0123456789abcdef0123456789abcdef", first.proof().orElseThrow().token());
            assertEquals(Instant.parse("2026-12-04T10:15:30.123Z"), first.proof().orElseThrow().at());
            assertEquals("\\x05\\x01\\x00", first.sent());
            assertEquals("\\x05\\x00", first.reply());
            assertTrue(first.evidence().isPresent());
            assertEquals("SOCKS proxy", first.service());
            assertEquals("127.0.0.1: open proxy: SOCKS5 on 1080 (SOCKS proxy), proven by the canary", run.summary());
            ProbeRun.Recorded denied = run.findingsByWeight().get(1);
            assertEquals("Squid 5.7", denied.service());
            assertTrue(denied.reply().endsWith(" ..."), "4 KiB of binary junk is cut to an excerpt");
            assertTrue(denied.reply().length() < ProbeRuns.EXCERPT_BYTES * 4 + 10, denied.reply().length() + " characters");
            assertFalse(run.findingsByWeight().get(2).evidence().isPresent(), "nothing exchanged, no transcript");
            List<org.proxyscope.core.model.SearchHit> hits = ws.searchEverything("pxc-0123456789abcdef0123456789abcdef",
                    java.util.Optional.empty(), 10);
            assertEquals(List.of("finding 1/3 socks5 on 127.0.0.1:1080, open"), hits.stream()
                    .map(h -> h.kind() + " " + h.ref() + " " + h.title()).toList(), "the canary's token finds its finding");
            assertEquals(List.of(), ws.searchEverything("refused", java.util.Optional.empty(), 10),
                    "refused ports are not indexed");
        }
    }

    @Test
    void runsAreNumberedPerCaseAndAnUnknownCaseKeepsNothing() throws Exception {
        try (Workspace ws = Workspace.open(tmp.resolve("ws"), "alice")) {
            CaseId a = ws.createCase(NewCase.of("A", "127.0.0.1", "127.0.0.1", "", "high", List.of())).id();
            CaseId b = ws.createCase(NewCase.of("B", "127.0.0.2", "127.0.0.2", "", "high", List.of())).id();
            ProbeRuns runs = ProbeRuns.of(ws);
            ProbeReport report = report();
            assertEquals(1, runs.record(a, report, "canary", java.util.Map.of()).number());
            assertEquals(2, runs.record(a, report, "canary", java.util.Map.of()).number());
            assertEquals(1, runs.record(b, report, "canary", java.util.Map.of()).number());
            CaseId missing = new CaseId(2026, 999);
            int custodyBefore = ws.custody(a).size();
            assertThrows(UnknownCaseException.class, () -> runs.record(missing, report, "canary", java.util.Map.of()));
            assertEquals(2, runs.list(a).size());
            assertEquals(custodyBefore, ws.custody(a).size());
            assertTrue(ws.verify(a, org.proxyscope.core.Progress.NONE).intact());
        }
    }
}
