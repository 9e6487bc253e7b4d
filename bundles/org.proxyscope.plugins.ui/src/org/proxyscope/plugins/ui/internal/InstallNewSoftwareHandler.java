package org.proxyscope.plugins.ui.internal;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

/** Help &gt; Install New Software: choose a site and features, review, accept the licences, install as a Job. */
public final class InstallNewSoftwareHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IWorkbench workbench, UISynchronize ui) {
        Installer.client(shell, "Install New Software").ifPresent(client -> {
            InstallWizard wizard = new InstallWizard(client);
            WizardDialog dialog = new WizardDialog(shell, wizard);
            dialog.setPageSize(720, 420);
            if (dialog.open() == Window.OK) {
                new InstallJob(client, wizard.site(), wizard.selected(), shell, workbench, ui).schedule();
            }
        });
    }
}
