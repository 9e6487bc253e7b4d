package org.proxyscope.core.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.ui.internal.StatusChangeDialog;

/** Case &gt; Change Status: for the case selected in the Case Explorer. */
public final class ChangeStatusHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Case selected) {
        return selected != null;
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Workspace workspace,
            @Named(IServiceConstants.ACTIVE_SELECTION) Case selected, @Optional IEventBroker broker) {
        if (new StatusChangeDialog(shell, workspace, selected).open() == Window.OK && broker != null) {
            broker.post(CaseEvents.CHANGED, selected.id());
        }
    }
}
