package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.VerificationReport;

/**
 * Eight analysts' processes appending to one case's custody log on a team workspace at the same moment, with the
 * PostgreSQL server restarted in the middle: one unbroken chain of every entry, none lost and none doubled.
 */
class TeamConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int ENTRIES = 500;

    @TempDir
    Path tmp;

    @Test
    void eightWritersMakeOneChainThroughAServerRestart() throws Exception {
        assumeTrue(TestServer.available(), "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
        String restart = System.getenv("PROXYSCOPE_TEST_POSTGRES_RESTART");
        WorkspaceLocation.Team team = TestServer.newWorkspace(tmp.resolve("evidence"));
        try (Workspace ws = Workspace.open(team, "lead", TestServer.password())) {
            Case shared = ws.createCase(NewCase.of("Relay on a shared line", "192.0.2.7", "", "", "high", List.of()));
            java.util.concurrent.BlockingQueue<java.util.Optional<String>> server = new java.util.concurrent.LinkedBlockingQueue<>();
            ws.watchOthers(id -> {
            }, server::add);
            List<Process> writers = new ArrayList<>();
            for (int w = 1; w <= WRITERS; w++) {
                ProcessBuilder child = ChildJvm.of(CustodyAppender.class, team.toString(), shared.id().toString(), "analyst" + w,
                        Integer.toString(ENTRIES)).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                child.environment().put("PGPASSWORD", TestServer.password());
                writers.add(child.start());
            }
            if (restart != null) {
                // once a good part is written, the server goes down and comes back, under the writers' feet
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (ws.custody(shared.id()).size() < WRITERS * ENTRIES / 4 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Process restarting = new ProcessBuilder("sh", "-c", restart).redirectErrorStream(true).start();
                assertTrue(restarting.waitFor(120, TimeUnit.SECONDS) && restarting.exitValue() == 0,
                        "the server restarted: " + new String(restarting.getInputStream().readAllBytes()));
            }
            for (Process writer : writers) {
                assertTrue(writer.waitFor(300, TimeUnit.SECONDS), "a writer finished");
                assertEquals(0, writer.exitValue(), "a writer wrote all it was given, through the restart");
            }
            List<CustodyEntry> log = ws.custody(shared.id());
            assertEquals(1 + WRITERS * ENTRIES, log.size(), "the case's creation and every entry, none lost, none doubled");
            Set<String> seen = new HashSet<>();
            for (CustodyEntry e : log.subList(1, log.size())) {
                assertTrue(seen.add(e.details()), "written once: " + e.details());
                assertEquals(e.analyst() + " entry", e.details().replaceAll(" \\d+$", ""), "each entry carries its analyst");
            }
            if (restart != null) {
                java.util.Optional<String> lost = server.poll(30, TimeUnit.SECONDS);
                assertTrue(lost != null && lost.isPresent(), "the restart is told as the server's loss: " + lost);
                assertEquals(java.util.Optional.empty(), server.poll(60, TimeUnit.SECONDS), "and its return");
            }
            VerificationReport report = ws.verify(shared.id(), Progress.NONE);
            assertTrue(report.intact(), report.problems().toString());
            assertEquals(1 + WRITERS * ENTRIES, report.custodyEntriesChecked());
        }
    }
}
