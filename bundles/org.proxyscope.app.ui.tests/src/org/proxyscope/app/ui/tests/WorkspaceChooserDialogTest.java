package org.proxyscope.app.ui.tests;

import org.proxyscope.app.ui.internal.WorkspaceChooserDialog;
import org.proxyscope.app.ui.tests.support.Widgets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.button;
import static org.proxyscope.app.ui.tests.support.Widgets.click;
import static org.proxyscope.app.ui.tests.support.Widgets.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.core.WorkspaceLock;

class WorkspaceChooserDialogTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private WorkspaceChooserDialog dialog;

    /** What Team Workspace... gives: the workspace its dialog opened, or nothing when it was cancelled. */
    private java.util.Optional<org.proxyscope.core.Workspace> teamChosen = java.util.Optional.empty();

    private WorkspaceChooserDialog open(List<Path> recent, Path proposed, boolean offerDefault) {
        dialog = new WorkspaceChooserDialog(null, recent, proposed, WorkspaceLock::acquire, null, offerDefault,
                parent -> teamChosen);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    private Shell shell() {
        return dialog.getShell();
    }

    private Combo location() {
        return one(shell(), Combo.class, c -> true);
    }

    @AfterEach
    void closeDialogAndLock() throws Exception {
        if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
            dialog.close();
        }
        if (dialog.lock().isPresent()) {
            dialog.lock().get().close();
        }
    }

    @Test
    void whyTheLastChoiceFailedIsSaidWithoutWideningTheDialog() throws Exception {
        String error = "Cannot open the workspace " + tmp.resolve("a-folder-whose-name-is-rather-long-as-desks-name-them")
                + ": it is open in another Proxyscope window (process 12345 on this machine). Close it there, or choose another.";
        dialog = new WorkspaceChooserDialog(null, List.of(), tmp.resolve("a"), WorkspaceLock::acquire, error, true, parent -> teamChosen);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertEquals(error, dialog.getErrorMessage());
        int width = shell().getSize().x;
        // widened from its usual 608 pixels for two lines of it (the title area's), not to its whole length on one
        assertTrue(width > 700 && width < 1100, "the message wraps; the dialog is " + width + " pixels wide");
        Widgets.screenshot(shell(), "workspace-chooser-error");
    }

    @Test
    void proposesTheGivenFolderAndListsRecentOnes() {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        open(List.of(a, b), a, true);
        assertEquals(a.toString(), location().getText());
        assertEquals(List.of(a.toString(), b.toString()), List.of(location().getItems()));
        assertEquals("Proxyscope Workspace", shell().getText());
    }

    @Test
    void teamWorkspaceClosesTheChooserOnlyWithAnOpenWorkspace() throws Exception {
        open(List.of(), tmp.resolve("a"), true);
        click(button(shell(), "&Team Workspace..."));
        assertFalse(shell() == null || shell().isDisposed(), "cancelled: the chooser stays");
        try (org.proxyscope.core.Workspace team = org.proxyscope.core.Workspace.open(tmp.resolve("stand-in"), "carol")) {
            teamChosen = java.util.Optional.of(team);
            click(button(shell(), "&Team Workspace..."));
            assertEquals(Window.OK, dialog.getReturnCode());
            assertEquals(team, dialog.team().orElseThrow());
            assertTrue(dialog.lock().isEmpty(), "no folder is locked for it");
        }
    }

    @Test
    void launchCreatesTheTypedWorkspaceAndHandsOverItsLock() {
        Path chosen = tmp.resolve("cases");
        open(List.of(), tmp.resolve("elsewhere"), true);
        location().setText(chosen.toString());
        click(button(shell(), "&Launch"));
        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals(chosen, dialog.lock().orElseThrow().workspace());
        assertTrue(Files.isDirectory(chosen.resolve(".proxyscope")));
        assertTrue(dialog.askNextTime());
    }

    @Test
    void doNotAskAgainIsRememberedWithTheChoice() {
        open(List.of(), tmp.resolve("ws"), true);
        click(one(shell(), Button.class, b -> b.getText().startsWith("&Use this workspace by default")));
        click(button(shell(), "&Launch"));
        assertFalse(dialog.askNextTime());
    }

    @Test
    void aFileIsRefusedAndTheDialogStaysOpenSayingWhy() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a folder");
        open(List.of(), file, true);
        click(button(shell(), "&Launch"));
        assertFalse(shell().isDisposed(), "the dialog must stay open");
        assertTrue(dialog.lock().isEmpty());
        String shown = Widgets.visibleText(shell());
        assertTrue(shown.contains(file + " is a file, not a folder"), shown);
    }

    @Test
    void aWorkspaceOpenElsewhereIsRefusedNamingTheHoldersProcess() throws Exception {
        Path busy = tmp.resolve("busy");
        try (WorkspaceLock other = WorkspaceLock.acquire(busy)) {
            open(List.of(), busy, true);
            click(button(shell(), "&Launch"));
            assertFalse(shell().isDisposed());
            String shown = Widgets.visibleText(shell());
            assertTrue(shown.contains("already open in another Proxyscope window (process "
                    + ProcessHandle.current().pid() + ")"), shown);
            // typing again clears the complaint, so a stale error never sits beside a new choice
            location().setText(tmp.resolve("free").toString());
            assertFalse(Widgets.visibleText(shell()).contains("already open"));
        }
    }

    @Test
    void switchingOffersNoDefaultCheckbox() {
        open(List.of(), tmp.resolve("ws"), false);
        assertTrue(Widgets.find(shell(), Button.class, b -> b.getText().startsWith("&Use this workspace")).isEmpty());
        display.readAndDispatch();
    }
}
