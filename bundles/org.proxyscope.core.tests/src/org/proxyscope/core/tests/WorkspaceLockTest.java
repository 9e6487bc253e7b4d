package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.WorkspaceLock;
import org.proxyscope.core.WorkspaceLockedException;

class WorkspaceLockTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheWorkspaceAndRecordsTheHolderPid() throws Exception {
        Path ws = tmp.resolve("new-workspace");
        try (WorkspaceLock lock = WorkspaceLock.acquire(ws)) {
            assertEquals(ws, lock.workspace());
            Path file = ws.resolve(WorkspaceFolder.METADATA).resolve("workbench.lock");
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(file));
        }
    }

    @Test
    void refusesASecondHolderAndNamesTheFirstOnesPid() throws Exception {
        try (WorkspaceLock first = WorkspaceLock.acquire(tmp)) {
            WorkspaceLockedException refused = assertThrows(WorkspaceLockedException.class, () -> WorkspaceLock.acquire(tmp));
            assertEquals(OptionalLong.of(ProcessHandle.current().pid()), refused.holderPid());
            assertTrue(refused.getMessage().contains("process " + ProcessHandle.current().pid()), refused.getMessage());
            assertTrue(refused.getMessage().contains(tmp.toString()), refused.getMessage());
        }
    }

    @Test
    void aReleasedOrStaleLockFileDoesNotBlock() throws Exception {
        WorkspaceLock.acquire(tmp).close();
        // the file is left behind with a pid, as after a crash; no OS lock backs it
        Files.writeString(tmp.resolve(WorkspaceFolder.METADATA).resolve("workbench.lock"), "999999");
        try (WorkspaceLock again = WorkspaceLock.acquire(tmp)) {
            assertEquals(tmp, again.workspace());
        }
    }

    @Test
    void refusesAFileWhereAFolderShouldBe() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceLock.acquire(file));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void refusesAFolderThatCannotBeWritten() throws Exception {
        // root writes through permission bits, so as root the read-only place is sysfs
        boolean root = "root".equals(System.getProperty("user.name"));
        Path ro = root ? Path.of("/sys") : Files.createDirectory(tmp.resolve("ro"));
        assertTrue(root || ro.toFile().setWritable(false, false));
        try {
            WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceLock.acquire(ro.resolve("ws")));
            assertTrue(e.getMessage().startsWith("Cannot create the workspace " + ro.resolve("ws")), e.getMessage());
            assertFalse(e instanceof WorkspaceLockedException);
        } finally {
            if (!root) {
                ro.toFile().setWritable(true, false);
            }
        }
    }

    @Test
    void resolvesWhatTheAnalystTyped() throws Exception {
        assertEquals(Path.of(System.getProperty("user.home"), "cases"), WorkspaceFolder.resolve(" ~/cases "));
        assertEquals(tmp.resolve("b"), WorkspaceFolder.resolve(tmp + "/a/../b"));
        assertThrows(WorkspaceException.class, () -> WorkspaceFolder.resolve("  "));
        assertThrows(WorkspaceException.class, () -> WorkspaceFolder.resolve("bad\0name"));
    }
}
