package org.proxyscope.core.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;

/**
 * Case &gt; Archive Case: the only way to delete a case. It leaves the lists; its evidence and custody log
 * stay in the workspace, and "Archived" in the Case Explorer shows it again.
 */
public final class ArchiveCaseHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Case selected) {
        return selected != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Workspace workspace,
            @Named(IServiceConstants.ACTIVE_SELECTION) Case selected, @Optional IEventBroker broker) {
        boolean archive = !selected.archived();
        InputDialog ask = new InputDialog(shell, archive ? "Archive Case" : "Restore Case",
                (archive ? "Archive " : "Restore ") + selected.id() + " (" + selected.title() + ")?\n"
                        + (archive ? "Its evidence and custody log are kept. " : "") + "Give the reason for the custody log:",
                "", text -> text.isBlank() ? "A reason is required" : null);
        if (ask.open() != Window.OK) {
            return;
        }
        try {
            workspace.archive(selected.id(), archive, ask.getValue());
            if (broker != null) {
                broker.post(CaseEvents.CHANGED, selected.id());
            }
        } catch (WorkspaceException e) {
            MessageDialog.openError(shell, archive ? "Archive Case" : "Restore Case", e.getMessage());
        }
    }
}
