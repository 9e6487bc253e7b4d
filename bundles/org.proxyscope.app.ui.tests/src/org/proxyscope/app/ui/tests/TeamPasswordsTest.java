package org.proxyscope.app.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.internal.TeamPasswords;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceLocation;

/**
 * Team workspace passwords in Eclipse's secure storage, with its real Linux provider: the master password in the
 * desktop keyring that releng/services/keyring.sh starts (gnome-keyring on a private D-Bus session bus).
 */
class TeamPasswordsTest {

    /** The module id the Linux fragment's provider writes beside each value it encrypted. */
    private static final String LINUX_PROVIDER = "org.eclipse.equinox.security.linuxkeystoreintegrationjna";

    @TempDir
    Path tmp;

    private static WorkspaceLocation.Team team(String address) {
        return (WorkspaceLocation.Team) WorkspaceLocation.parse(address);
    }

    @Test
    void aPasswordIsKeptEncryptedPerServerDatabaseAndUserAndReadBackFromTheFile() throws Exception {
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") != null, "no desktop keyring (releng/services/keyring.sh)");
        Path storage = tmp.resolve("secure_storage");
        TeamPasswords passwords = new TeamPasswords(storage, Map.of());
        WorkspaceLocation.Team carol = team("postgresql://carol@db.desk:5432/abuse?evidence=/mnt/evidence");
        assertEquals(Optional.empty(), passwords.kept(carol));
        assertFalse(Files.exists(storage), "looking for a password kept nowhere writes nothing");

        passwords.keep(carol, "first");
        passwords.keep(carol, "s3cret:/pässword");
        assertEquals(Optional.of("s3cret:/pässword"), passwords.kept(carol), "the later password replaces the first");
        // the same server and database under another evidence folder or TLS setting: the same password
        assertEquals(Optional.of("s3cret:/pässword"),
                passwords.kept(team("postgresql://carol@db.desk:5432/abuse?evidence=/srv/e&sslmode=require")));
        for (String other : new String[] {"postgresql://dave@db.desk:5432/abuse?evidence=/mnt/evidence",
                "postgresql://carol@db.desk:5432/archive?evidence=/mnt/evidence",
                "postgresql://carol@db.desk:6432/abuse?evidence=/mnt/evidence"}) {
            assertEquals(Optional.empty(), passwords.kept(team(other)), other);
        }

        String file = Files.readString(storage);
        assertFalse(file.contains("s3cret") || file.contains("first"), "the file holds no password in clear: " + file);
        assertTrue(file.contains(LINUX_PROVIDER), "encrypted with the master password the keyring holds: " + file);

        // another storage root over the same contents: the master password comes from the keyring again
        Path copy = Files.copy(storage, tmp.resolve("secure_storage.copy"));
        assertEquals(Optional.of("s3cret:/pässword"), new TeamPasswords(copy, Map.of()).kept(carol));

        assertTrue(passwords.isKept(carol));
        passwords.forget(carol);
        assertFalse(passwords.isKept(carol));
        assertEquals(Optional.empty(), passwords.kept(carol));
        assertFalse(Files.readString(storage).contains("/org.proxyscope.app/team/carol"), "forgotten in the file too");
    }

    @Test
    void withoutAProviderNothingIsKeptAndTheMessageSaysWhy() throws Exception {
        Path storage = tmp.resolve("secure_storage");
        // the storage's own answer when no provider can serve, as on a desk without a running keyring
        TeamPasswords passwords = new TeamPasswords(storage, Map.of(IProviderHints.REQUIRED_MODULE_ID, "org.proxyscope.tests.no-keyring"));
        WorkspaceLocation.Team carol = team("postgresql://carol@db.desk:5432/abuse?evidence=/mnt/evidence");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> passwords.keep(carol, "s3cret"));
        assertEquals("The password was not kept: no desktop keyring answers (is GNOME Keyring or KWallet running, and unlocked?).",
                e.getMessage());
        assertTrue(!Files.exists(storage) || !Files.readString(storage).contains("s3cret"), "nothing kept in clear");
    }
}
