package org.proxyscope.report.ui.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Workspace;
import org.proxyscope.report.DeskSettings;
import org.proxyscope.report.NoticeTemplate;
import org.proxyscope.report.ReportException;

/**
 * Window &gt; Preferences &gt; Reporting: the abuse desk as letters and complaints name it, and the customer
 * notice's template. Both are kept in the open workspace, so every analyst of the workspace sends the same.
 */
public final class ReportingPreferencePage extends PreferencePage {

    @Inject
    @Optional
    Workspace workspace;

    private Text name;
    private Text contact;
    private Text domain;
    private Spinner days;
    private Text template;

    public ReportingPreferencePage() {
        setDescription("The abuse desk that sends the customer notice and the complaints, and the notice's text. Kept in the"
                + " open workspace.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(body);
        if (workspace == null) {
            new Label(body, SWT.WRAP).setText("Open a workspace to edit its reporting settings.");
            noDefaultAndApplyButton();
            return body;
        }
        DeskSettings desk;
        String text;
        try {
            desk = DeskSettings.read(workspace);
            text = NoticeTemplate.read(workspace);
        } catch (ReportException e) {
            setErrorMessage(e.getMessage());
            desk = DeskSettings.UNSET;
            text = NoticeTemplate.DEFAULT;
        }
        name = field(body, "&ISP name:", desk.name());
        contact = field(body, "Abuse desk &mail address:", desk.contact());
        domain = field(body, "ISP &domain:", desk.domain());
        new Label(body, SWT.NONE).setText("&Re-test after (days):");
        days = new Spinner(body, SWT.BORDER);
        days.setValues(desk.retestDays(), 1, 365, 0, 1, 7);
        days.addListener(SWT.Modify, e -> check());
        Label help = new Label(body, SWT.WRAP);
        help.setText("Customer &notice: a blank line ends a paragraph, \"- \" starts a list item; {{isp}}, {{contact}},"
                + " {{customer}}, {{target}}, {{case}}, {{found}}, {{since}}, {{deadline}}, {{steps}}, {{analyst}} and {{date}}"
                + " take the case's values.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(480, SWT.DEFAULT).indent(0, 8).applyTo(help);
        template = new Text(body, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        template.setFont(JFaceResources.getTextFont());
        template.setText(text);
        template.addListener(SWT.Modify, e -> check());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(480, 260).applyTo(template);
        check();
        return body;
    }

    private Text field(Composite body, String label, String value) {
        new Label(body, SWT.NONE).setText(label);
        Text field = new Text(body, SWT.BORDER);
        field.setText(value);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(field);
        field.addListener(SWT.Modify, e -> check());
        return field;
    }

    private DeskSettings settings() {
        return new DeskSettings(name.getText().strip(), contact.getText().strip(), domain.getText().strip(), days.getSelection());
    }

    /** Every change is checked, so OK is never offered for settings a notice or complaint would refuse. */
    private void check() {
        String problem = settings().problem().orElse(null);
        if (problem == null) {
            try {
                NoticeTemplate.check(template.getText());
            } catch (ReportException e) {
                problem = e.getMessage();
            }
        }
        setErrorMessage(problem == null ? null : problem + ".");
        setValid(problem == null);
    }

    @Override
    protected void performDefaults() {
        template.setText(NoticeTemplate.DEFAULT);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (workspace == null) {
            return true;
        }
        try {
            settings().write(workspace);
            NoticeTemplate.write(workspace, template.getText());
            return true;
        } catch (ReportException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }
}
