package org.proxyscope.app.ui.internal;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.ProxyscopeVersion;

/**
 * Help &gt; About: the version and build an analyst quotes in a report or a bug, in selectable text.
 */
public final class AboutDialog extends Dialog {

    private final Path workspace;

    public AboutDialog(Shell parent, Path workspace) {
        super(parent);
        this.workspace = workspace;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Proxyscope");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(16, 12).spacing(12, 6).applyTo(area);
        Label name = new Label(area, SWT.NONE);
        name.setText("Proxyscope");
        name.setFont(JFaceResources.getHeaderFont());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(name);
        Label purpose = new Label(area, SWT.WRAP);
        purpose.setText("Investigates suspected open proxies and open relays, and keeps the evidence.");
        GridDataFactory.fillDefaults().span(2, 1).hint(380, SWT.DEFAULT).applyTo(purpose);
        ProxyscopeVersion version = ProxyscopeVersion.current();
        row(area, "Version:", version.version());
        row(area, "Build:", version.build());
        row(area, "Java:", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        row(area, "Workspace:", workspace.toString());
        return area;
    }

    private static void row(Composite area, String label, String value) {
        new Label(area, SWT.NONE).setText(label);
        Text text = new Text(area, SWT.READ_ONLY);
        text.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
