package org.proxyscope.app.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceLocation;

/**
 * Team workspace passwords in Eclipse's secure storage, one per server, database and user (as PostgreSQL's
 * ~/.pgpass has them). The storage encrypts them; on Linux its master password is kept in the desktop keyring
 * (the Secret Service, through libsecret), which unlocks with the analyst's login. Nothing is asked of the keyring
 * until a password is kept or a kept one is read, so a desk that never keeps one never meets it.
 */
public final class TeamPasswords {

    private static final String NODE = "/org.proxyscope.app/team/"; // as before the bundle became .ui: saved passwords carry over
    private static final String PASSWORD = "password";

    private final Path file;
    private final Map<Object, Object> options;

    /**
     * A storage file of the caller's own (the tests').
     *
     * @param options the storage's options (IProviderHints), usually none
     */
    public TeamPasswords(Path file, Map<Object, Object> options) {
        this.file = file;
        this.options = options;
    }

    /**
     * The workbench's: Eclipse's default secure storage, which every Eclipse application of the user's shares
     * (~/.eclipse/org.eclipse.equinox.security/secure_storage, or the file ECLIPSE_KEYRING or -eclipse.keyring
     * names). Not a file of Proxyscope's own: the keyring holds one master password for Eclipse's storage, and a
     * second file would make a new one, leaving the first file's entries unreadable.
     */
    public static TeamPasswords ofUser() {
        return new TeamPasswords(null, null);
    }

    /** The password kept for the team workspace's server, database and user, if one is. */
    public Optional<String> kept(WorkspaceLocation.Team team) throws WorkspaceException {
        try {
            ISecurePreferences root = root();
            return root.nodeExists(node(team)) ? Optional.ofNullable(root.node(node(team)).get(PASSWORD, null)) : Optional.empty();
        } catch (StorageException e) {
            throw new WorkspaceException("The password kept for " + key(team) + " could not be read: " + reason(e), e);
        }
    }

    /** Keeps {@code password} for the team workspace's server, database and user, in place of one kept before. */
    public void keep(WorkspaceLocation.Team team, String password) throws WorkspaceException {
        try {
            ISecurePreferences root = root();
            root.node(node(team)).put(PASSWORD, password, true);
            root.flush();
        } catch (StorageException | IOException e) {
            throw new WorkspaceException("The password was not kept: " + reason(e), e);
        }
    }

    /** Whether a password is kept for the team workspace's server, database and user; nothing is decrypted. */
    public boolean isKept(WorkspaceLocation.Team team) {
        try {
            return root().nodeExists(node(team));
        } catch (StorageException e) {
            return false; // a storage that cannot be opened keeps nothing
        }
    }

    /** Forgets the password kept for the team workspace's server, database and user, if one is. */
    public void forget(WorkspaceLocation.Team team) throws WorkspaceException {
        try {
            ISecurePreferences root = root();
            if (root.nodeExists(node(team))) {
                root.node(node(team)).removeNode();
                root.flush();
            }
        } catch (StorageException | IOException e) {
            throw new WorkspaceException("The password kept for " + key(team) + " could not be forgotten: " + reason(e), e);
        }
    }

    private ISecurePreferences root() throws StorageException {
        ISecurePreferences root;
        try {
            root = file == null ? SecurePreferencesFactory.getDefault() : SecurePreferencesFactory.open(file.toUri().toURL(), options);
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
        if (root == null) {
            throw new StorageException(StorageException.INTERNAL_ERROR, "it cannot be opened (see the error log)");
        }
        return root;
    }

    /** The password's node: the server, database and user, their slashes encoded (a node name may hold none). */
    private static String node(WorkspaceLocation.Team team) {
        return NODE + EncodingUtils.encodeSlashes(key(team));
    }

    private static String key(WorkspaceLocation.Team team) {
        return team.user() + "@" + team.host() + ":" + team.port() + "/" + team.database();
    }

    /**
     * Why the storage failed, for an analyst. Without a keyring the storage says only that it found no module or
     * was given no password; the likely cause is named instead.
     */
    private static String reason(Exception e) {
        if (e instanceof StorageException s && (s.getErrorCode() == StorageException.NO_SECURE_MODULE
                || s.getErrorCode() == StorageException.NO_PASSWORD)) {
            return "no desktop keyring answers (is GNOME Keyring or KWallet running, and unlocked?).";
        }
        return (e.getMessage() != null ? e.getMessage().replaceFirst("\\.$", "") : e.getClass().getSimpleName()) + ".";
    }
}
