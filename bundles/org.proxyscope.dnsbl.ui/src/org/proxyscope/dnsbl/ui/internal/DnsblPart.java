package org.proxyscope.dnsbl.ui.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
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
import org.proxyscope.dnsbl.DnsblAnswer;
import org.proxyscope.dnsbl.DnsblChecker;
import org.proxyscope.dnsbl.DnsblChecks;
import org.proxyscope.dnsbl.DnsblException;
import org.proxyscope.dnsbl.DnsblReport;
import org.proxyscope.dnsbl.DnsblSettings;

/**
 * Triage's DNS Blocklists view: the selected case's latest DNSBL check (is the customer's address listed, where and
 * why), and Check Now, which asks the workspace's lists again and keeps the answers in the case.
 */
public final class DnsblPart {

    @Inject
    Workspace workspace;

    @Inject
    UISynchronize ui;

    @Inject
    @Optional
    IEventBroker broker;

    private Label summary;
    private Label checked;
    private Table table;
    private Button check;
    private CaseId caseId;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).margins(6, 6).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        check = new Button(parent, SWT.PUSH);
        check.setText("&Check Now");
        check.setToolTipText("Ask the DNS blocklists set in Preferences > DNS Blocklists about the case's target");
        check.addListener(SWT.Selection, e -> checkNow());
        checked = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(checked);
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"List", "170"}, {"Answer", "90"}, {"What the list says", "560"}, {"Zone", "180"}});
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(table);
        show(caseId);
    }

    @Inject
    @Optional
    void caseSelected(@Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        caseId = id;
        if (table != null && !table.isDisposed()) {
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
        check.setEnabled(id != null);
        if (id == null) {
            summary.setText("Select a case in the Case Explorer.");
            checked.setText("");
            return;
        }
        try {
            List<DnsblChecks.Check> checks = DnsblChecks.of(workspace).of(id);
            if (checks.isEmpty()) {
                summary.setText(id + " has no DNSBL check yet.");
                checked.setText("Check Now asks the lists set in Preferences > DNS Blocklists about " + workspace.get(id).target() + ".");
            } else {
                DnsblChecks.Check latest = checks.get(checks.size() - 1);
                DnsblReport r = latest.report();
                summary.setText(r.summary() + ".");
                checked.setText("Check " + latest.number() + " of " + checks.size() + ", " + UtcTime.seconds(r.checked()) + " by "
                        + latest.analyst() + ", asked through " + r.resolver() + ".");
                for (DnsblAnswer a : r.answers()) {
                    TableItem row = new TableItem(table, SWT.NONE);
                    row.setText(new String[] {a.list().name(), a.outcome().word(), a.detail(), a.list().zone()});
                    if (a.outcome() == DnsblAnswer.Outcome.LISTED) {
                        row.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                    }
                }
            }
        } catch (WorkspaceException e) {
            summary.setText(e.getMessage());
        }
        summary.getParent().layout(true, true);
    }

    /** Asks the lists in the background; the answers are kept in the case and shown when they are in. */
    void checkNow() {
        CaseId id = caseId;
        check.setEnabled(false);
        summary.setText("Asking the DNS blocklists...");
        Job job = Job.create("DNSBL check of " + id, monitor -> {
            IStatus status;
            try {
                String target = workspace.get(id).target().name();
                DnsblReport report = new DnsblChecker(DnsblSettings.read(workspace.folder())).check(target);
                DnsblChecks.of(workspace).record(id, report);
                status = Status.OK_STATUS;
            } catch (DnsblException | WorkspaceException e) {
                status = Status.error(e.getMessage());
            }
            IStatus done = status;
            ui.asyncExec(() -> {
                if (table.isDisposed()) {
                    return;
                }
                if (done.isOK()) {
                    if (broker != null) {
                        broker.post(CaseEvents.CHANGED, id);
                    }
                    show(id);
                } else {
                    show(id);
                    summary.setText(done.getMessage());
                    summary.getParent().layout(true, true);
                }
            });
            return done.isOK() ? done : Status.OK_STATUS; // the view says what went wrong
        });
        job.setUser(true);
        job.schedule();
    }

    String summary() {
        return summary.getText();
    }

    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            rows.add(item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2));
        }
        return rows;
    }
}
