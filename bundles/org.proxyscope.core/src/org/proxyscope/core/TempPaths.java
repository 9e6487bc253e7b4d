package org.proxyscope.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Set;

/**
 * Temporary folders and files as {@link Files#createTempDirectory} and {@link Files#createTempFile} make
 * them (a random name, created new, readable by the owner only), named from {@link RandomBytes}: the JDK's
 * own first call sets up SecureRandom, which costs a short command a sixth of its run.
 */
public final class TempPaths {

    private static final int ATTEMPTS = 10;

    private TempPaths() {
    }

    /** A new folder in the system's temporary folder, named {@code prefix} and 16 random hex digits. */
    public static Path folder(String prefix) throws IOException {
        return createNew(systemFolder(), prefix, "", (path, posix) -> posix
                ? Files.createDirectory(path, ownerOnly("rwx------")) : Files.createDirectory(path));
    }

    /** A new empty file in the system's temporary folder; see {@link #file(Path, String, String)}. */
    public static Path file(String prefix, String suffix) throws IOException {
        return file(systemFolder(), prefix, suffix);
    }

    /** A new empty file in {@code dir}, named {@code prefix}, 16 random hex digits and {@code suffix}. */
    public static Path file(Path dir, String prefix, String suffix) throws IOException {
        return createNew(dir, prefix, suffix, (path, posix) -> posix
                ? Files.createFile(path, ownerOnly("rw-------")) : Files.createFile(path));
    }

    private interface Creation {
        Path create(Path path, boolean posix) throws IOException;
    }

    /** Creates a new path with a random name in {@code dir}, trying other names while one already exists. */
    private static Path createNew(Path dir, String prefix, String suffix, Creation creation) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        for (int attempt = 1;; attempt++) {
            try {
                return creation.create(dir.resolve(prefix + randomName() + suffix), posix);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static Path systemFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String randomName() {
        return HexFormat.of().formatHex(RandomBytes.of(8));
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
