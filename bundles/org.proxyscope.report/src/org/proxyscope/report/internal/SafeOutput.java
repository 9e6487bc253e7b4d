package org.proxyscope.report.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.proxyscope.core.TempPaths;
import org.proxyscope.report.ReportException;

/**
 * How every export reaches its file: checked before any work, written under a temporary name beside its
 * destination, and moved into place only when whole, so a failure, a cancel or a killed process never leaves
 * half a file under the analyst's name, and nothing is replaced unless the analyst allowed it.
 */
public final class SafeOutput {

    /** Writes the whole content to the file it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Path partial) throws IOException, ReportException;
    }

    private SafeOutput() {
    }

    /** The destination as an absolute path, after checking it can be written; nothing is written yet. */
    public static Path check(Path out, boolean overwrite) throws ReportException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ReportException(target + " is a folder; name the file to write");
        }
        Optional<String> special = notAFile(target);
        if (special.isPresent()) {
            throw new ReportException(special.get() + "; name a new file, or a file to replace (--force)");
        }
        if (Files.exists(target) && !overwrite) {
            throw new ReportException(target + " exists already; choose another name or allow overwriting (--force)");
        }
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ReportException("The folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new ReportException("The folder " + folder + " cannot be written to");
        }
        return target;
    }

    /**
     * Why an export may never take the place of {@code target}: it is a device, a pipe or a link, which a file moved
     * into place would replace (as root, with --force, a report once took the place of /dev/full). Empty when
     * {@code target} is a plain file or is not there.
     */
    public static Optional<String> notAFile(Path target) {
        if (Files.isSymbolicLink(target)) {
            return Optional.of(target + " is a link, not a file");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(target)) {
            return Optional.of(target + " is a device or a pipe, not a file");
        }
        return Optional.empty();
    }

    /** Writes {@code target} (checked by {@link #check}) through {@code body}. */
    public static void write(Path target, boolean overwrite, String what, Body body) throws ReportException {
        Path partial;
        try {
            partial = TempPaths.file(target.getParent(), "." + target.getFileName() + ".partial-", "");
        } catch (IOException e) {
            throw new ReportException("Cannot write in " + target.getParent() + ": " + describe(e), e);
        }
        try {
            body.writeTo(partial);
            move(partial, target, overwrite);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw new ReportException("Cannot write " + what + " to " + target + ": " + describe(e), e);
        } catch (ReportException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static void move(Path partial, Path target, boolean overwrite) throws IOException, ReportException {
        try {
            if (overwrite) {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // a link, unlike a rename, refuses to replace a file that appeared meanwhile
                Files.createLink(target, partial);
                Files.delete(partial);
            }
        } catch (FileAlreadyExistsException e) {
            throw new ReportException(target + " appeared while it was written; nothing was replaced");
        } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
            Files.move(partial, target, overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[0]);
        }
    }

    static String describe(Exception e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Deletes a temporary file; one that will not go has a name no export uses, and the error already says why. */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // see above
        }
    }
}
