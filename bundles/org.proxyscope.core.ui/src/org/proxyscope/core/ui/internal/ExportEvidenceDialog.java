package org.proxyscope.core.ui.internal;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Evidence;

/**
 * Hands a copy of one evidence file over: where to, and why, for the custody log. The copy is checked against the
 * recorded SHA-256 as it is made ({@link Workspace#exportEvidence}).
 */
public final class ExportEvidenceDialog extends TitleAreaDialog {

    private final Workspace workspace;
    private final Evidence chosen;
    private Text to;
    private Text reason;
    private Path exported;

    public ExportEvidenceDialog(Shell parent, Workspace workspace, Evidence chosen) {
        super(parent);
        this.workspace = workspace;
        this.chosen = chosen;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Export Evidence");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Export evidence #" + chosen.number() + " of " + chosen.caseId() + ": " + chosen.originalName());
        setMessage("A read-only copy, checked against its SHA-256. Where it went and why go to the custody log.");
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(body);
        // the reason first: it is what the analyst must write, and the first field takes the focus
        new Label(body, SWT.NONE).setText("&Reason:");
        reason = new Text(body, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        reason.setMessage("e.g. requested by the police, their file 2026/4711");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(380, 70).applyTo(reason);
        new Label(body, SWT.NONE).setText("&To:");
        to = new Text(body, SWT.BORDER);
        to.setText(Path.of(System.getProperty("user.home"), chosen.originalName()).toString());
        to.setMessage("a new file, or a folder to hold it under its own name");
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(to);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setFileName(chosen.originalName());
            dialog.setOverwrite(false); // an export never replaces a file; the workspace refuses it anyway
            String path = dialog.open();
            if (path != null) {
                to.setText(path);
            }
        });
        to.addModifyListener(e -> enableOk());
        reason.addModifyListener(e -> enableOk());
        return area;
    }

    private void enableOk() {
        getButton(IDialogConstants.OK_ID).setEnabled(!to.getText().isBlank() && !reason.getText().isBlank());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Export", true).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        try {
            exported = workspace.exportEvidence(chosen.caseId(), chosen.number(), Path.of(to.getText().strip()), reason.getText(),
                    Progress.NONE);
            super.okPressed();
        } catch (WorkspaceException | java.nio.file.InvalidPathException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /** Where the copy went, once exported. */
    public Path exported() {
        return exported;
    }
}
