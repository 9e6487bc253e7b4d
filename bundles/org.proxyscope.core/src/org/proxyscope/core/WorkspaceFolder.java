package org.proxyscope.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where investigation workspaces live on disk, and the checks a folder must pass to become one.
 * The workbench and the command line share these rules, so both accept and refuse the same folders.
 */
public final class WorkspaceFolder {

    /** Name of the folder inside a workspace that holds Proxyscope's own files (database, lock). */
    public static final String METADATA = ".proxyscope";

    private WorkspaceFolder() {
    }

    /** {@code ~/proxyscope-workspace}, the workspace offered when the analyst has not chosen one. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), "proxyscope-workspace");
    }

    /**
     * Turns what the analyst typed into an absolute, normalised path, refusing what cannot be a folder name.
     */
    public static Path resolve(String typed) throws WorkspaceException {
        String trimmed = typed == null ? "" : typed.strip();
        if (trimmed.isEmpty()) {
            throw new WorkspaceException("Enter the folder of the workspace.");
        }
        if (trimmed.equals("~") || trimmed.startsWith("~/")) {
            trimmed = System.getProperty("user.home") + trimmed.substring(1);
        }
        try {
            return Path.of(trimmed).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new WorkspaceException("\"" + trimmed + "\" is not a valid folder name: " + e.getReason() + ".");
        }
    }

    /**
     * Creates the workspace folder and its metadata folder if needed, and checks that both can be written.
     *
     * @return the metadata folder
     */
    public static Path prepare(Path workspace) throws WorkspaceException {
        if (Files.exists(workspace) && !Files.isDirectory(workspace)) {
            throw new WorkspaceException(workspace + " is a file, not a folder. Choose a folder for the workspace.");
        }
        Path metadata = workspace.resolve(METADATA);
        try {
            Files.createDirectories(metadata);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create the workspace " + workspace + ": " + describe(e) + ".", e);
        }
        if (!Files.isWritable(workspace) || !Files.isWritable(metadata)) {
            throw new WorkspaceException("The workspace " + workspace + " is read-only. Choose a folder you can write to.");
        }
        return metadata;
    }

    static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                + (reason == null ? "" : " (" + reason + ")");
    }
}
