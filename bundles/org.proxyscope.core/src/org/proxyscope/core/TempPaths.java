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
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (int attempt = 1;; attempt++) {
            Path folder = tmp.resolve(prefix + randomName());
            try {
                return posix(tmp) ? Files.createDirectory(folder, ownerOnly("rwx------")) : Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A new empty file in {@code dir}, named {@code prefix}, 16 random hex digits and {@code suffix}. */
    public static Path file(Path dir, String prefix, String suffix) throws IOException {
        for (int attempt = 1;; attempt++) {
            Path file = dir.resolve(prefix + randomName() + suffix);
            try {
                return posix(dir) ? Files.createFile(file, ownerOnly("rw-------")) : Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String randomName() {
        return HexFormat.of().formatHex(RandomBytes.of(8));
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
