package org.proxyscope.app.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.button;
import static org.proxyscope.app.ui.tests.support.Widgets.click;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.internal.TeamPasswords;
import org.proxyscope.app.ui.internal.TeamWorkspaceDialog;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceLocation;

/**
 * The Team Workspace dialog on a real display against the test PostgreSQL server: it closes only once the
 * workspace is open, says in place what is wrong, and keeps the password in the secure storage when asked.
 */
class TeamWorkspaceDialogTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private TeamWorkspaceDialog dialog;

    @AfterEach
    void close() throws Exception {
        if (dialog != null && dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        if (dialog != null && dialog.workspace().isPresent()) {
            dialog.workspace().get().close();
        }
    }

    /** The Text after the label {@code label}: the dialog lays each field after its label. */
    private Text field(String label) {
        List<org.eclipse.swt.widgets.Control> all = List.of(Widgets.one(dialog.getShell(), Label.class, l -> l.getText().equals(label))
                .getParent().getChildren());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Label l && l.getText().equals(label)) {
                return (Text) all.get(i + 1);
            }
        }
        throw new AssertionError("no field " + label);
    }

    @Test
    void connectsOnlyWithTheRightPasswordAndKeepsItWhenAsked() throws Exception {
        String server = System.getenv("PROXYSCOPE_TEST_POSTGRES");
        assumeTrue(server != null, "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
        assumeTrue(System.getenv("DBUS_SESSION_BUS_ADDRESS") != null, "no desktop keyring (releng/services/keyring.sh)");
        WorkspaceLocation.Team team = (WorkspaceLocation.Team) WorkspaceLocation.parse(server + "?evidence=" + tmp.resolve("evidence"));
        Files.createDirectories(team.evidence());
        Path storage = tmp.resolve("secure_storage");
        TeamPasswords passwords = new TeamPasswords(storage, Map.of());
        dialog = new TeamWorkspaceDialog(null, Optional.of(team), (t, password) -> Workspace.open(t, "carol", password), passwords);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertEquals(team.host(), field("&Server:").getText(), "it starts from the team workspace opened last");
        assertEquals(team.evidence().toString(), field("&Evidence folder:").getText());
        assertTrue((field("&Password:").getStyle() & SWT.PASSWORD) != 0, "the password is not shown");

        field("&Password:").setText("not the password");
        click(button(dialog.getShell(), "&Connect"));
        assertTrue(dialog.getShell() != null && !dialog.getShell().isDisposed(), "a refused password keeps the dialog open");
        // the fields name the workspace: the message says only what the server answered
        assertTrue(dialog.getErrorMessage().startsWith("Not opened: ") && dialog.getErrorMessage().contains("password"),
                dialog.getErrorMessage());
        assertTrue(dialog.workspace().isEmpty());
        assertEquals(Optional.empty(), passwords.kept(team), "a refused password is not kept");

        field("&Evidence folder:").setText(tmp.resolve("not-mounted").toString());
        field("&Password:").setText(System.getenv("PROXYSCOPE_TEST_POSTGRES_PASSWORD"));
        click(button(dialog.getShell(), "&Connect"));
        assertEquals("The evidence folder " + tmp.resolve("not-mounted") + " is not there. Is the shared folder mounted?",
                dialog.getErrorMessage());

        field("&Evidence folder:").setText(team.evidence().toString());
        Widgets.one(dialog.getShell(), org.eclipse.swt.widgets.Button.class, b -> b.getText().startsWith("&Keep the password")).setSelection(true);
        Widgets.screenshot(dialog.getShell(), "team-workspace-dialog");
        click(button(dialog.getShell(), "&Connect"));
        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals(team, dialog.workspace().orElseThrow().location());
        assertEquals(Optional.of(System.getenv("PROXYSCOPE_TEST_POSTGRES_PASSWORD")), passwords.kept(team));
        assertTrue(!Files.readString(storage).contains(System.getenv("PROXYSCOPE_TEST_POSTGRES_PASSWORD")), "kept encrypted");
        dialog.workspace().get().close();

        // the next time: the box says a password is kept, the empty field takes it; clearing the box forgets it
        dialog = new TeamWorkspaceDialog(null, Optional.of(team), (t, password) -> Workspace.open(t, "carol",
                password != null ? password : passwords.kept(t).orElse(null)), passwords);
        dialog.setBlockOnOpen(false);
        dialog.open();
        org.eclipse.swt.widgets.Button keep = Widgets.one(dialog.getShell(), org.eclipse.swt.widgets.Button.class,
                b -> b.getText().startsWith("&Keep the password"));
        assertTrue(keep.getSelection(), "a password is kept for this server, database and user");
        keep.setSelection(false);
        click(button(dialog.getShell(), "&Connect"));
        assertEquals(team, dialog.workspace().orElseThrow().location(), "opened with the password kept");
        assertEquals(Optional.empty(), passwords.kept(team), "and then forgotten");
        display.readAndDispatch();
    }

    @Test
    void whyItWasOpenedIsSaidWithoutWideningTheDialog() throws Exception {
        WorkspaceLocation.Team team = (WorkspaceLocation.Team) WorkspaceLocation.parse(
                "postgresql://carol@db.desk.example:5432/abuse?evidence=" + tmp.resolve("evidence"));
        String error = "Cannot open the team workspace " + team + ": The server requested SCRAM-based authentication,"
                + " but no password was provided.";
        dialog = new TeamWorkspaceDialog(null, Optional.of(team), (t, password) -> {
            throw new org.proxyscope.core.WorkspaceException("not asked");
        }, new TeamPasswords(tmp.resolve("secure_storage"), Map.of())).withError(error);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertEquals("Not opened: The server requested SCRAM-based authentication, but no password was provided.",
                dialog.getErrorMessage());
        int width = dialog.getShell().getSize().x;
        assertTrue(width < 900, "the message wraps; the dialog is " + width + " pixels wide");
        Widgets.screenshot(dialog.getShell(), "team-workspace-dialog-asked");
    }

    @Test
    void withoutAKeyringTheDialogSaysThePasswordWasNotKeptAndStays() throws Exception {
        String server = System.getenv("PROXYSCOPE_TEST_POSTGRES");
        assumeTrue(server != null, "PROXYSCOPE_TEST_POSTGRES names no PostgreSQL server (releng/services/postgres.sh)");
        WorkspaceLocation.Team team = (WorkspaceLocation.Team) WorkspaceLocation.parse(server + "?evidence=" + tmp.resolve("evidence"));
        Files.createDirectories(team.evidence());
        // the storage's own answer when no provider serves, as on a desk where no keyring runs
        TeamPasswords passwords = new TeamPasswords(tmp.resolve("secure_storage"),
                Map.of(org.eclipse.equinox.security.storage.provider.IProviderHints.REQUIRED_MODULE_ID, "org.proxyscope.tests.no-keyring"));
        dialog = new TeamWorkspaceDialog(null, Optional.of(team), (t, password) -> Workspace.open(t, "carol", password), passwords);
        dialog.setBlockOnOpen(false);
        dialog.open();
        field("&Password:").setText(System.getenv("PROXYSCOPE_TEST_POSTGRES_PASSWORD"));
        Widgets.one(dialog.getShell(), org.eclipse.swt.widgets.Button.class, b -> b.getText().startsWith("&Keep the password")).setSelection(true);
        click(button(dialog.getShell(), "&Connect"));
        assertTrue(dialog.getShell() != null && !dialog.getShell().isDisposed(), "the dialog stays: the analyst asked for the password to be kept");
        assertTrue(dialog.workspace().isEmpty(), "the workspace it opened is closed again");
        assertEquals("The password was not kept: no desktop keyring answers (is GNOME Keyring or KWallet running, and unlocked?)."
                + " Clear \"Keep the password\" to connect without it.", dialog.getErrorMessage());
        Widgets.screenshot(dialog.getShell(), "team-workspace-dialog-no-keyring");
        Widgets.one(dialog.getShell(), org.eclipse.swt.widgets.Button.class, b -> b.getText().startsWith("&Keep the password")).setSelection(false);
        click(button(dialog.getShell(), "&Connect"));
        assertEquals(team, dialog.workspace().orElseThrow().location(), "without keeping it, the workspace opens");
    }
}
