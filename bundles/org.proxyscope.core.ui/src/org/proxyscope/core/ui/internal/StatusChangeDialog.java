package org.proxyscope.core.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseStatus;

/** Moves a case to one of the statuses its workflow allows, with the reason the custody log keeps. */
public final class StatusChangeDialog extends TitleAreaDialog {

    private final Workspace workspace;
    private final Case subject;
    private final List<CaseStatus> choices;
    private Combo status;
    private Text reason;

    public StatusChangeDialog(Shell parent, Workspace workspace, Case subject) {
        super(parent);
        this.workspace = workspace;
        this.subject = subject;
        this.choices = subject.status().next().stream().sorted().toList();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Change Status");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(subject.id() + " is " + subject.status().label());
        setMessage("The new status and its reason go to the case's custody log.");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(body);
        new Label(body, SWT.NONE).setText("&New status:");
        status = new Combo(body, SWT.READ_ONLY);
        choices.forEach(s -> status.add(s.label()));
        status.select(0);
        new Label(body, SWT.NONE).setText("&Reason:");
        reason = new Text(body, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        reason.setMessage("e.g. customer confirmed the proxy software is removed");
        GridDataFactory.fillDefaults().grab(true, true).hint(380, 70).applyTo(reason);
        reason.addModifyListener(e -> getButton(IDialogConstants.OK_ID).setEnabled(!reason.getText().isBlank()));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Change Status", true).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        try {
            workspace.changeStatus(subject.id(), choices.get(status.getSelectionIndex()), reason.getText());
            super.okPressed();
        } catch (WorkspaceException e) {
            setErrorMessage(e.getMessage());
        }
    }
}
