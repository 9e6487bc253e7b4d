package org.proxyscope.app.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * The workspaces the analyst opened lately, newest first, and whether to ask at start-up.
 * Kept in the configuration scope: it must be readable before any workspace is open.
 */
public final class RecentWorkspaces {

    public static final String KEY_RECENT = "recentWorkspaces";
    public static final String KEY_ASK = "askForWorkspace";
    public static final String KEY_LIMIT = "recentWorkspacesLimit";
    public static final int DEFAULT_LIMIT = 8;
    public static final String KEY_LAST_TEAM = "lastTeamWorkspace";

    private final Preferences node;

    public RecentWorkspaces(Preferences node) {
        this.node = node;
    }

    public List<Path> list() {
        List<Path> paths = new ArrayList<>();
        for (String line : node.get(KEY_RECENT, "").split("\n")) {
            if (!line.isBlank()) {
                paths.add(Path.of(line));
            }
        }
        return paths;
    }

    /** The workspace to open without asking, when the analyst chose "do not ask again". */
    public Optional<Path> openWithoutAsking() {
        return askOnStartup() ? Optional.empty() : list().stream().findFirst();
    }

    public boolean askOnStartup() {
        return node.getBoolean(KEY_ASK, true);
    }

    /** Records a workspace as the newest, keeps the list within its limit, and saves at once. */
    public void opened(Path workspace, boolean askNextTime) throws BackingStoreException {
        List<Path> paths = list();
        paths.remove(workspace);
        paths.add(0, workspace);
        int limit = Math.max(1, node.getInt(KEY_LIMIT, DEFAULT_LIMIT));
        List<String> kept = paths.stream().limit(limit).map(Path::toString).toList();
        node.put(KEY_RECENT, String.join("\n", kept));
        node.putBoolean(KEY_ASK, askNextTime);
        node.flush();
    }

    /** The address of the team workspace opened last, offered when the analyst opens a team workspace again. */
    public Optional<String> lastTeam() {
        return Optional.ofNullable(node.get(KEY_LAST_TEAM, null));
    }

    /** Records the team workspace opened; its password is never kept here. */
    public void openedTeam(String address) {
        node.put(KEY_LAST_TEAM, address);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // a convenience: the next Team Workspace dialog starts empty
        }
    }
}
