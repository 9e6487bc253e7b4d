package org.proxyscope.report.ui.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.Complaints;
import org.proxyscope.report.CustomerNotice;

/**
 * The reports, customer notices and complaints exported for the selected case, newest first, each with its SHA-256 as kept in the evidence
 * store; Open shows the kept, read-only copy in the desktop's PDF viewer.
 */
public final class ExportedReportsPart {

    @Inject
    Workspace workspace;

    private Table table;
    private Button open;
    private Label note;
    private CaseId caseId;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(6, 6).applyTo(parent);
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"Evidence", "80"}, {"Exported", "190"}, {"File", "220"}, {"By", "100"},
                {"SHA-256", "480"}});
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(table);
        open = new Button(parent, SWT.PUSH);
        open.setText("&Open");
        open.setToolTipText("Open the kept copy with the desktop's PDF viewer");
        open.setEnabled(false);
        open.addListener(SWT.Selection, e -> openSelected());
        table.addListener(SWT.Selection, e -> open.setEnabled(table.getSelectionCount() == 1));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        note = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(note);
        if (caseId != null) {
            show(caseId);
        }
    }

    @Inject
    @Optional
    void caseSelected(@Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        caseId = id;
        if (id != null && table != null && !table.isDisposed()) {
            show(id);
        }
    }

    @Inject
    @Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (id != null && id.equals(caseId)) {
            show(id);
        }
    }

    void show(CaseId id) {
        table.removeAll();
        open.setEnabled(false);
        try {
            List<Evidence> reports = new ArrayList<>(workspace.evidence(id).stream()
                    .filter(ExportedReportsPart::isExport).toList());
            java.util.Collections.reverse(reports);
            for (Evidence e : reports) {
                TableItem row = new TableItem(table, SWT.NONE);
                row.setData(e);
                row.setText(new String[] {"#" + e.number(), UtcTime.seconds(e.added()), e.originalName(), e.addedBy(),
                        e.isPurged() ? e.sha256() + " (purged)" : e.sha256()});
            }
            note.setText(reports.isEmpty() ? id + " has nothing exported yet." : "");
        } catch (WorkspaceException e) {
            note.setText(e.getMessage());
        }
        note.getParent().layout(true, true);
    }

    /** The report, the customer notice and the complaints, as their evidence records name their sources. */
    private static boolean isExport(Evidence e) {
        return List.of(CaseReport.SOURCE_PREFIX, CustomerNotice.SOURCE_PREFIX, Complaints.ARF_SOURCE, Complaints.XARF_SOURCE).stream()
                .anyMatch(e.source()::startsWith);
    }

    private void openSelected() {
        if (table.getSelectionCount() != 1 || !(table.getSelection()[0].getData() instanceof Evidence e)) {
            return;
        }
        if (e.isPurged()) {
            note.setText("Evidence #" + e.number() + " was purged; only its hash is kept.");
        } else if (!Program.launch(workspace.storedFile(e).toString())) {
            note.setText("No PDF viewer is set up on this desktop; the kept copy is " + workspace.storedFile(e));
        }
        note.getParent().layout(true, true);
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add(item.getText(0) + " " + item.getText(2) + " " + item.getText(4));
        }
        return rows;
    }
}
