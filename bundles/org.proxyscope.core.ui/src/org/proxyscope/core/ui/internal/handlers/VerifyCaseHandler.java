package org.proxyscope.core.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.MonitorProgress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.VerificationReport;

/**
 * Case &gt; Verify Case: re-hashes every evidence file of the selected case and recomputes its custody chain,
 * in the background, then says whether all is intact or names each problem.
 */
public final class VerifyCaseHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Case selected) {
        return selected != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Workspace workspace,
            @Named(IServiceConstants.ACTIVE_SELECTION) Case selected, UISynchronize sync) {
        Job job = Job.create("Verifying " + selected.id(), monitor -> {
            try {
                VerificationReport report = workspace.verify(selected.id(), new MonitorProgress(monitor));
                sync.asyncExec(() -> {
                    if (report.intact()) {
                        MessageDialog.openInformation(shell, "Case Intact", report.summary() + ".");
                    } else {
                        MessageDialog.openError(shell, "Case Not Intact", report.summary() + ":\n\n"
                                + String.join("\n", report.problems()));
                    }
                });
                return Status.OK_STATUS;
            } catch (WorkspaceException e) {
                sync.asyncExec(() -> MessageDialog.openError(shell, "Verify Case", e.getMessage()));
                return Status.error(e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
