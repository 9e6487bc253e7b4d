package org.proxyscope.core.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.ui.internal.CaseDetailsWizard;

/** Case &gt; New Case (Ctrl+N). */
public final class NewCaseHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, Workspace workspace, @Optional IEventBroker broker) {
        CaseDetailsWizard wizard = new CaseDetailsWizard(workspace);
        new WizardDialog(shell, wizard).open();
        wizard.created().ifPresent(c -> {
            if (broker != null) {
                broker.post(CaseEvents.CHANGED, c.id());
            }
        });
    }
}
