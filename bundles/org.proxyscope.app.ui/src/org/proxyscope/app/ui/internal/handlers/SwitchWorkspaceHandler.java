package org.proxyscope.app.ui.internal.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Relaunch;
import org.proxyscope.app.ui.internal.ProxyscopeApplication;
import org.proxyscope.app.ui.internal.WorkspaceChooserDialog;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.WorkspaceLock;

/**
 * File &gt; Switch Workspace: choose another workspace and restart into it. The new folder is checked (and
 * briefly locked) before anything closes, so a refused choice leaves the current window as it was.
 */
public final class SwitchWorkspaceHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IWorkbench workbench,
            @Named(ProxyscopeModel.WORKSPACE) Path current) {
        Optional<Path> relaunchFile = Relaunch.file();
        if (relaunchFile.isEmpty()) {
            MessageDialog.openInformation(shell, "Switch Workspace", "This Proxyscope was not started by its launcher, "
                    + "so it cannot restart itself. Close it and start it with: proxyscope -data <folder>");
            return;
        }
        List<Path> others = recentOtherThan(current);
        WorkspaceChooserDialog dialog = new WorkspaceChooserDialog(shell, others,
                others.stream().findFirst().orElse(WorkspaceFolder.defaultLocation()), workspace -> {
                    if (workspace.equals(current)) {
                        throw new WorkspaceException("This window already has " + workspace + " open.");
                    }
                    return WorkspaceLock.acquire(workspace);
                }, null, false, parent -> ProxyscopeApplication.askTeam(parent, Optional.empty(), ProxyscopeApplication.recentWorkspaces()));
        if (dialog.open() != Window.OK) {
            return;
        }
        try {
            if (dialog.team().isPresent()) {
                // the team workspace answered; the restart opens it again, its password the one kept (or PGPASSWORD's, ~/.pgpass's) or asked for
                try (Workspace team = dialog.team().get()) {
                    Relaunch.request(relaunchFile.get(), team.location().toString());
                }
            } else {
                try (WorkspaceLock probe = dialog.lock().orElseThrow()) {
                    Relaunch.request(relaunchFile.get(), probe.workspace().toString());
                }
            }
        } catch (IOException | WorkspaceException e) {
            MessageDialog.openError(shell, "Switch Workspace", "Cannot restart on the new workspace: " + e.getMessage());
            return;
        }
        workbench.restart();
    }

    private static List<Path> recentOtherThan(Path current) {
        return ProxyscopeApplication.recentWorkspaces().list().stream()
                .filter(p -> !p.equals(current)).toList();
    }
}
