package org.proxyscope.core.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps sqlite-jdbc's native library in the user's cache instead of letting the driver unpack it into the
 * temporary folder on every start: that costs about 150 ms a command, and analysts call the command line
 * once per host. When anything here fails the driver falls back to its own unpacking.
 */
final class SqliteNativeCache {

    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteNativeCache() {
    }

    static synchronized void prepare() {
        if (prepared || System.getProperty(PATH) != null) {
            return;
        }
        prepared = true;
        String library = System.mapLibraryName("sqlitejdbc");
        String home = System.getenv("XDG_CACHE_HOME");
        // Keyed by the Java runtime, whose platform never changes, rather than by the driver's name for the
        // platform: working that out reads every mapping of the process, 30 ms of each workbench start.
        Path cache = (home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(home))
                .resolve("proxyscope").resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.arch")
                        + "-" + Integer.toHexString(System.getProperty("java.home").hashCode()));
        Path target = cache.resolve(library);
        try {
            if (!Files.isRegularFile(target)) {
                String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + library;
                try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(cache);
                    Path partial = Files.createTempFile(cache, library, ".partial");
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty(PATH, cache.toString());
            System.setProperty(NAME, library);
        } catch (IOException | RuntimeException e) {
            // the driver unpacks its own copy then; slower, never wrong
        }
    }
}
