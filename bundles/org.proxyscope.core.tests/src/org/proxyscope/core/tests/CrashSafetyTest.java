package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.NewCase;

class CrashSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void aProcessKilledMidWriteLosesNoCommittedWrite() throws Exception {
        Path folder = tmp.resolve("ws");
        Process child = ChildJvm.of(WriteLoop.class, folder.toString()).start();
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed.size() < 40 && (line = out.readLine()) != null) {
                committed.add(line);
            }
            // SIGKILL in the middle of the next write; Process.destroyForcibly would also close our end of
            // the pipe and lose the ids the child committed meanwhile
            new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            String rest;
            while ((rest = out.readLine()) != null) {
                committed.add(rest);
            }
        }
        assertTrue(committed.size() >= 40, "the child wrote before it was killed: " + committed.size());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(".proxyscope/workspace.db"));
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            assertEquals("ok", r.getString(1));
        }
        try (Workspace ws = Workspace.open(folder, "alice")) {
            List<String> present = ws.cases(false).stream().map(c -> c.id().toString()).toList();
            assertTrue(present.containsAll(committed), "every committed case survives");
            for (String id : committed) {
                assertTrue(ws.verify(CaseId.parse(id), Progress.NONE).intact(), id);
            }
            // and the workspace takes new writes
            ws.createCase(NewCase.of("After the crash", "192.0.2.1", "", "", "", List.of()));
        }
    }

    /**
     * A disk that fills during an evidence import: nothing half-written is registered and the workspace
     * keeps working. Needs a small file system; releng/test.sh mounts one and names it in PROXYSCOPE_TEST_SMALL_FS.
     */
    @Test
    void aFullDiskDuringImportLeavesNothingRegistered() throws Exception {
        String small = System.getenv("PROXYSCOPE_TEST_SMALL_FS");
        assumeTrue(small != null && !small.isBlank(), "no small file system given (PROXYSCOPE_TEST_SMALL_FS)");
        Path folder = Files.createTempDirectory(Path.of(small), "ws");
        Path big = tmp.resolve("capture.pcap");
        Files.write(big, new byte[16 << 20]);
        try (Workspace ws = Workspace.open(folder, "alice")) {
            Case c = ws.createCase(NewCase.of("Disk fills", "192.0.2.7", "", "", "", List.of()));
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("small.txt"), "fits"), "", Progress.NONE);
            WorkspaceException full = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                    () -> ws.addEvidence(c.id(), big, "", Progress.NONE));
            assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
            assertTrue(full.getMessage().contains("Nothing was added"), full.getMessage());
            assertEquals(1, ws.evidence(c.id()).size());
            try (Stream<Path> files = Files.list(folder.resolve(".proxyscope/evidence").resolve(c.id().toString()))) {
                assertEquals(1, files.count(), "only the first evidence file is in the store");
            }
            assertTrue(ws.verify(c.id(), Progress.NONE).intact());
        }
    }

    /** The same for a file Proxyscope writes itself (a capture's analysis, a probe's transcript) on a real full disk. */
    @Test
    void aFullDiskWhileProxyscopeWritesEvidenceLeavesNothing() throws Exception {
        String small = System.getenv("PROXYSCOPE_TEST_SMALL_FS");
        assumeTrue(small != null && !small.isBlank(), "no small file system given (PROXYSCOPE_TEST_SMALL_FS)");
        Path folder = Files.createTempDirectory(Path.of(small), "ws");
        try (Workspace ws = Workspace.open(folder, "alice")) {
            Case c = ws.createCase(NewCase.of("Disk fills", "192.0.2.7", "", "", "", List.of()));
            WorkspaceException full = org.junit.jupiter.api.Assertions.assertThrows(WorkspaceException.class,
                    () -> ws.addEvidence(c.id(), "capture.pcap.analysis.json", "analysis of evidence #1", out -> {
                        byte[] block = new byte[1 << 20];
                        for (int i = 0; i < 16; i++) {
                            out.write(block);
                        }
                    }));
            assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
            assertTrue(full.getMessage().contains("capture.pcap.analysis.json") && full.getMessage().contains("It was not kept"),
                    full.getMessage());
            assertTrue(ws.evidence(c.id()).isEmpty());
            try (Stream<Path> files = Files.list(folder.resolve(".proxyscope/evidence").resolve(c.id().toString()))) {
                assertEquals(0, files.count(), "no partial file is left in the store");
            }
            assertTrue(ws.verify(c.id(), Progress.NONE).intact());
        }
    }

    @Test
    void anEvidenceAddKilledHalfWayLeavesNoCopyBehindOnceTheWorkspaceIsOpenedAgain() throws Exception {
        Path folder = tmp.resolve("ws");
        Path big = tmp.resolve("capture.pcap");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: copying and hashing it takes seconds, reading it costs no disk
        }
        Process child = ChildJvm.of(EvidenceAdder.class, folder.toString(), big.toString()).start();
        String id;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            id = out.readLine();
        }
        Path evidence = folder.resolve(".proxyscope/evidence").resolve(id);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (incoming(evidence).isEmpty() || Files.size(incoming(evidence).get(0)) < (64 << 20)) {
            assertTrue(System.nanoTime() < deadline && child.isAlive(), "the child copies the file into the evidence store");
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start().waitFor();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, incoming(evidence).size(), "the killed add left its partial copy");
        // a copy another process is writing at this moment stays: this test's process is alive
        Path live = Files.createFile(evidence.resolve(".incoming-" + ProcessHandle.current().pid() + "-0123456789abcdef"));
        Path old = Files.createFile(evidence.resolve(".incoming-0123456789abcdef")); // named before copies carried their process

        try (Workspace ws = Workspace.open(folder, "bob")) {
            assertEquals(List.of(live), incoming(evidence), "the abandoned copies are gone, the one being written stays");
            assertEquals(0, ws.evidence(CaseId.parse(id)).size(), "nothing half added was registered");
            assertTrue(ws.verify(CaseId.parse(id), Progress.NONE).intact());
        }
        assertTrue(Files.notExists(old));
    }

    private static List<Path> incoming(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".incoming-")).toList();
        }
    }
}
