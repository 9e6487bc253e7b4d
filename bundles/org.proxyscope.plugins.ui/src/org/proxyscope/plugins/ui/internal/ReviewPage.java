package org.proxyscope.plugins.ui.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.plugins.Feature;

/** What will be installed, with what it needs from the site, and the licences to accept. */
final class ReviewPage extends WizardPage {

    private final InstallWizard wizard;
    private Text plan;
    private Text licences;
    private Button accept;
    private List<Feature> reviewed = List.of();

    ReviewPage(InstallWizard wizard) {
        super("review");
        this.wizard = wizard;
        setTitle("Review and Licences");
        setDescription("What will be installed, and the terms under which it comes.");
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(page);
        new Label(page, SWT.NONE).setText("Will be installed, with what it needs from the site:");
        plan = new Text(page, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 120).applyTo(plan);
        new Label(page, SWT.NONE).setText("Licences:");
        licences = new Text(page, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, true).hint(600, 100).applyTo(licences);
        accept = new Button(page, SWT.CHECK);
        accept.setText("I &accept the terms of these licences");
        accept.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> complete()));
        Label unsigned = new Label(page, SWT.WRAP);
        unsigned.setText("Plug-ins that nobody signed are named before they are installed, and installed only if you say yes.");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(unsigned);
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        super.setVisible(visible);
        List<Feature> selected = wizard.selected();
        if (visible && !selected.equals(reviewed)) {
            reviewed = selected;
            plan.setText("");
            plan.setData(null);
            licences.setText(selected.stream().map(f -> f.name() + ":\n" + (f.licence().isEmpty() ? "(names no licence)" : f.licence()))
                    .collect(Collectors.joining("\n\n")));
            accept.setSelection(false);
            getShell().getDisplay().asyncExec(this::plan);
        }
        complete();
    }

    /** Asks p2 what each selected feature brings, without installing anything. */
    private void plan() {
        StringBuilder text = new StringBuilder();
        boolean resolved = true;
        for (Feature f : reviewed) {
            List<String> adds = wizard.call("Working out what " + f.name() + " needs", () -> wizard.client().plan(wizard.site(), f.id()), this);
            if (adds == null) {
                resolved = false;
                break;
            }
            text.append(f.name()).append(' ').append(f.version())
                    .append(f.installed().map(v -> " (replaces " + v + ")").orElse(" (new)")).append('\n');
            adds.forEach(a -> text.append("    ").append(a).append('\n'));
        }
        if (!plan.isDisposed()) {
            plan.setText(text.toString());
            plan.setData(resolved);
            complete();
        }
    }

    private void complete() {
        setPageComplete(accept != null && accept.getSelection() && Boolean.TRUE.equals(plan.getData()));
    }
}
