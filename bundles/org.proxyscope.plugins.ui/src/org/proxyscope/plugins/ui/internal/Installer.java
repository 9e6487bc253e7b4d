package org.proxyscope.plugins.ui.internal;

import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.Relaunch;
import org.proxyscope.plugins.Installation;
import org.proxyscope.plugins.InstallerClient;
import org.proxyscope.plugins.PluginException;

/** What the installer's dialogs share: the client of this installation, and the restart that shows a change. */
final class Installer {

    /** A call to the installer, which may fail; the dialogs run it off the UI thread. */
    interface Call<T> {
        T run() throws PluginException;
    }

    private Installer() {
    }

    /** The installer of the installation this workbench runs from, or empty after saying why there is none. */
    static Optional<InstallerClient> client(Shell shell, String title) {
        try {
            return Optional.of(new InstallerClient(Installation.current()));
        } catch (PluginException e) {
            MessageDialog.openError(shell, title, e.getMessage());
            return Optional.empty();
        }
    }

    /** Says, from a Job, why an install or uninstall failed: the status bar shows only work in progress. */
    static void failed(UISynchronize ui, Shell shell, String title, PluginException e) {
        ui.asyncExec(() -> MessageDialog.openError(shell, title, e.getMessage()));
    }

    /** Offers to restart the workbench, which then shows the plug-ins as they are now. */
    static void offerRestart(Shell shell, IWorkbench workbench, String done) {
        if (Relaunch.file().isEmpty()) {
            MessageDialog.openInformation(shell, "Restart Proxyscope", done + " Close Proxyscope and start it again to see the change.");
            return;
        }
        if (MessageDialog.openQuestion(shell, "Restart Proxyscope", done + " Restart Proxyscope now to see the change?")) {
            workbench.restart();
        }
    }
}
