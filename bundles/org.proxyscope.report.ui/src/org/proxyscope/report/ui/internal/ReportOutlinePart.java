package org.proxyscope.report.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.LatestAnswer;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.ExportRequest;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportSections;

/**
 * What the selected case's report will contain: every section, ticked when it goes in, greyed with the
 * reason when the case holds nothing for it. Export Report opens the wizard and runs the export as a Job.
 */
public final class ReportOutlinePart {

    @Inject
    Workspace workspace;
    @Inject
    ReportSections catalog;
    @Inject
    @Optional
    IEventBroker broker;

    private Label subject;
    private Table table;
    private Button export;
    private Label status;
    private Case current;
    private CaseId selectedBeforeCreation;
    private final Set<String> omitted = new HashSet<>();
    /** Only the latest case's answer shows: a slow one for a case no longer selected is dropped. */
    private LatestAnswer<Gathering> answers;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(8, 8).applyTo(parent);
        subject = new Label(parent, SWT.WRAP);
        subject.setText("Select a case in the Triage perspective's Case Explorer.");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(300, SWT.DEFAULT).applyTo(subject);
        answers = new LatestAnswer<>(subject);
        table = new Table(parent, SWT.CHECK | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"Section", "260"}, {"In this case", "420"}});
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(table);
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item) {
                toggled(item);
            }
        });
        export = new Button(parent, SWT.PUSH);
        export.setText("&Export Report...");
        export.setEnabled(false);
        export.addListener(SWT.Selection, e -> openWizard());
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(status);
        if (selectedBeforeCreation != null) {
            select(selectedBeforeCreation);
        }
    }

    @Inject
    @Optional
    void caseSelected(@Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        if (id == null) {
            return;
        }
        if (subject == null) {
            selectedBeforeCreation = id;
        } else {
            select(id);
        }
    }

    @Inject
    @Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (current != null && current.id().equals(id)) {
            select(id);
        }
    }

    /**
     * Shows the case at once and what its report will contain when gathered: gathering asks every section for its
     * contribution, which reads the case's probe runs and capture sessions (most of a second on a capture of 70,000
     * sessions), so it runs in a Job and only the latest case's answer is shown.
     */
    void select(CaseId id) {
        if (subject == null || subject.isDisposed()) {
            return;
        }
        Case chosen;
        try {
            chosen = workspace.get(id);
        } catch (WorkspaceException e) {
            subject.setText(e.getMessage());
            export.setEnabled(false);
            subject.getParent().layout(true, true);
            return;
        }
        current = chosen;
        String heading = chosen.id() + "  " + chosen.title() + "\nTarget " + chosen.target() + ", status " + chosen.status().label();
        subject.setText(heading + "\nVerdict: reading what the case's evidence shows...");
        export.setEnabled(false);
        subject.getParent().layout(true, true);
        answers.ask("Reading what the report of " + id + " will contain", () -> {
            try {
                // asked as the export asks: every section's contribution first, so the remediation knows what was found
                return new Gathering(CaseReport.gather(workspace, id, catalog, Set.of()), null);
            } catch (WorkspaceException e) {
                return new Gathering(null, e.getMessage());
            }
        }, answer -> show(heading, answer));
    }

    /** What gathering a case's report gave: what it will contain, or why it could not be read. */
    private record Gathering(CaseReport.Gathered gathered, String failure) {
    }

    private void show(String heading, Gathering answer) {
        table.removeAll();
        CaseReport.Gathered gathered = answer.gathered();
        if (gathered == null) {
            subject.setText(heading + "\n" + answer.failure());
            subject.getParent().layout(true, true);
            return;
        }
        List<String> withContent = gathered.sections().stream().map(ReportSection::id).toList();
        // the cover's verdict, so that what the report will say is read before it is made
        subject.setText(heading + "\nVerdict (" + gathered.context().standing().word() + "): " + gathered.context().verdictAndWhen());
        for (ReportSection s : catalog.sections()) {
            TableItem row = new TableItem(table, SWT.NONE);
            row.setData(s);
            boolean content = withContent.contains(s.id());
            row.setText(new String[] {s.title(), content ? "goes in" : absent(s)});
            row.setChecked(content && !omitted.contains(s.id()));
            row.setGrayed(!content);
            if (!content) {
                row.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            } else if (omitted.contains(s.id())) {
                row.setText(1, "left out by you");
            }
        }
        export.setEnabled(true);
        subject.getParent().layout(true, true);
    }

    private static String absent(ReportSection s) {
        return switch (s.id()) {
            case "org.proxyscope.probe.findings", "org.proxyscope.probe.transcripts" -> "left out: no probe run is kept in this case";
            case "org.proxyscope.capture.findings" -> "left out: no capture was imported into this case";
            default -> "left out: nothing in this case for it";
        };
    }

    private void toggled(TableItem item) {
        ReportSection s = (ReportSection) item.getData();
        if (item.getGrayed()) {
            item.setChecked(false); // nothing to put in
            return;
        }
        if (item.getChecked()) {
            omitted.remove(s.id());
            item.setText(1, "goes in");
        } else {
            omitted.add(s.id());
            item.setText(1, "left out by you");
        }
    }

    /** The sections the analyst left out. */
    Set<String> omitted() {
        return Set.copyOf(omitted);
    }

    /** The titles of the sections that go in, as the wizard lists them. */
    List<String> chosenTitles() {
        List<String> titles = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            if (item.getChecked()) {
                titles.add(item.getText(0));
            }
        }
        return titles;
    }

    private void openWizard() {
        ExportReportWizard wizard = new ExportReportWizard(current, chosenTitles());
        if (new WizardDialog(table.getShell(), wizard).open() == Window.OK) {
            ExportReportWizard.Choice choice = wizard.choice();
            ExportRequest request = ExportRequest.to(choice.out()).overwriting(choice.overwrite()).omitting(omitted);
            start(choice.signing().map(request::signedWith).orElse(request), choice.companions());
        }
    }

    /** Starts the export; returns its Job. */
    ExportReportJob start(ExportRequest request, Companions companions) {
        Path out = request.out();
        ExportReportJob job = new ExportReportJob(workspace, current.id(), catalog, request, companions, broker);
        status.setText("Exporting to " + out + "...");
        status.getParent().layout(true, true);
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                String text = event.getResult().isOK() ? "Exported " + out.getFileName() + ", " + job.result().pages() + " pages"
                        + job.result().signer().map(s -> ", signed by " + s).orElse("") + ", kept as " + current.id() + " evidence #"
                        + job.result().evidence().number() + "." : event.getResult().getMessage();
                status.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        status.setText(text);
                        status.getParent().layout(true, true);
                    }
                });
            }
        });
        job.schedule();
        return job;
    }

    String statusText() {
        return status.getText();
    }

    String subjectText() {
        return subject.getText();
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add((item.getChecked() ? "[x] " : "[ ] ") + item.getText(0) + ": " + item.getText(1));
        }
        return rows;
    }

    void uncheck(String title) {
        for (TableItem item : table.getItems()) {
            if (item.getText(0).equals(title)) {
                item.setChecked(false);
                toggled(item);
            }
        }
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
