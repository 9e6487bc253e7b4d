package org.proxyscope.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Keeps a second workbench from opening a workspace that one already has open.
 * <p>
 * The lock is an operating-system lock on {@code .proxyscope/workbench.lock}, so it vanishes when the
 * holder dies, even by SIGKILL; the holder's pid is written into the file only so the refusal can name
 * it. The command line does not take this lock: it may work on a workspace while a window has it open.
 */
public final class WorkspaceLock implements AutoCloseable {

    static final String FILE_NAME = "workbench.lock";

    private final Path workspace;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(Path workspace, FileChannel channel, FileLock lock) {
        this.workspace = workspace;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Prepares the workspace folder and locks it for this process.
     *
     * @throws WorkspaceLockedException when another window holds it
     * @throws WorkspaceException       when the folder cannot be used at all
     */
    public static WorkspaceLock acquire(Path workspace) throws WorkspaceException {
        Path file = WorkspaceFolder.prepare(workspace).resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot open the lock file " + file + ": " + WorkspaceFolder.describe(e) + ".", e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                OptionalLong holder = readPid(file);
                channel.close();
                throw new WorkspaceLockedException(workspace, holder);
            }
            byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            // not forced to disk: only a live process reads it, and after a system crash no lock is held
            channel.write(ByteBuffer.wrap(pid), 0);
            return new WorkspaceLock(workspace, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new WorkspaceException("Cannot lock the workspace " + workspace + ": " + WorkspaceFolder.describe(e) + ".", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process, e.g. a second window of the same JVM
        }
    }

    private static OptionalLong readPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("\\d{1,19}") ? OptionalLong.of(Long.parseLong(text)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty(); // the pid is only a courtesy in the message
        }
    }

    private static void closeQuietly(FileChannel channel, IOException primary) {
        try {
            channel.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    public Path workspace() {
        return workspace;
    }

    /** Releases the lock; the file stays, and its stale pid is harmless because no OS lock backs it. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
