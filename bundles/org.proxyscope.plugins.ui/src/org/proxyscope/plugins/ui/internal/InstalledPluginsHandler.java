package org.proxyscope.plugins.ui.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;

/** Help &gt; Installed Plug-ins: what is installed and from where; uninstall an added plug-in; check for updates. */
public final class InstalledPluginsHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IWorkbench workbench, UISynchronize ui) {
        Installer.client(shell, "Installed Plug-ins").ifPresent(client -> new InstalledPluginsDialog(shell, client, workbench, ui).open());
    }
}
