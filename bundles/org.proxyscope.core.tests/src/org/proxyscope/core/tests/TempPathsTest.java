package org.proxyscope.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.RandomBytes;
import org.proxyscope.core.TempPaths;

/** Temporary paths named from the kernel's random source, private to their owner as the JDK's are. */
class TempPathsTest {

    @TempDir
    Path tmp;

    @Test
    void randomBytesDifferFromCallToCall() {
        byte[] a = RandomBytes.of(16);
        byte[] b = RandomBytes.of(16);
        assertEquals(16, a.length);
        assertTrue(!Arrays.equals(a, b), "two 128-bit draws agree only by a fault");
    }

    @Test
    void filesAreNewPrivateAndNamedAsAsked() throws IOException {
        Path first = TempPaths.file(tmp, ".incoming-", ".part");
        Path second = TempPaths.file(tmp, ".incoming-", ".part");

        assertNotEquals(first, second);
        assertTrue(first.getFileName().toString().matches("\\.incoming-[0-9a-f]{16}\\.part"), first.toString());
        assertEquals(0, Files.size(first));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
    }

    @Test
    void foldersAreNewAndPrivateInTheSystemTemporaryFolder() throws IOException {
        Path folder = TempPaths.folder("proxyscope-test-");
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")), folder.getParent());
            assertTrue(Files.isDirectory(folder));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        } finally {
            Files.delete(folder);
        }
    }
}
