package org.proxyscope.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the launcher to start the workbench again on another workspace. There is no native Eclipse launcher
 * (none is published to Maven Central) to pass exit data to, so the shell launcher names a file in
 * {@code PROXYSCOPE_RELAUNCH_FILE}; the workbench writes the new workspace there and exits with
 * {@code EXIT_RESTART}, and the launcher restarts with {@code -data} set to it. Without a workspace written, it
 * restarts on the same one (after plug-ins were installed). Public: plug-ins that change the installation restart
 * the workbench this way.
 */
public final class Relaunch {

    public static final String FILE_VARIABLE = "PROXYSCOPE_RELAUNCH_FILE";

    private Relaunch() {
    }

    /** Whether this workbench was started by a launcher that can restart it. */
    public static Optional<Path> file() {
        String name = System.getenv(FILE_VARIABLE);
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(Path.of(name));
    }

    /** Asks the launcher to restart on {@code workspace}: a folder, or a team workspace's address. */
    public static void request(Path file, String workspace) throws IOException {
        Files.writeString(file, workspace, StandardCharsets.UTF_8);
    }
}
