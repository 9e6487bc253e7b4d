package org.proxyscope.core.ui.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.ServiceCaller;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.LatestAnswer;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.CaseVerdicts;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;

/**
 * The selected case at a glance: its properties and authorised scope (Edit changes them), its status (Change
 * Status moves it), what its evidence shows (from the report plug-in, where installed), and its evidence (Export hands
 * a verified copy over; Purge removes a file deliberately, keeping its record).
 */
public final class CaseOverviewPart {

    @Inject
    Workspace workspace;
    @Inject
    @Optional
    IEventBroker broker;

    private ScrolledComposite scroller;
    private Composite body;
    private Label heading;
    private final Map<String, Text> values = new LinkedHashMap<>();
    /** Made when a verdict is first asked for: the overview opens with the window, and nothing of it need load then. */
    private ServiceCaller<CaseVerdicts> verdicts;
    private Label verdictLabel;
    private Text verdict;
    /** Only the latest case's verdict shows when cases are chosen quickly. */
    private LatestAnswer<CaseVerdicts.Verdict> verdictAnswers;
    private Button changeStatus;
    private Button edit;
    private Button export;
    private Button purge;
    /** The case's files, a series a plug-in added together (a probe run's transcripts) folded into one row. */
    private Tree evidence;
    private Case shown;

    /** Rows of evidence the table has room for however short the part is: below that, the overview scrolls. */
    private static final int EVIDENCE_ROWS = 5;

    @PostConstruct
    void createControls(Composite parent) {
        // The overview scrolls as a whole when its part is short. The evidence table used to take what the case's
        // details left, a single row at the workbench's first size, and a case's other evidence was out of sight.
        parent.setLayout(new FillLayout());
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite form = new Composite(scroller, SWT.NONE);
        scroller.setContent(form);
        // the details' read-only fields show the part's background, as they did without the scroller, not an input's
        scroller.setBackgroundMode(SWT.INHERIT_DEFAULT);
        form.setBackgroundMode(SWT.INHERIT_DEFAULT);
        body = form;
        // the details in two columns of label and value, so that the evidence starts higher up
        GridLayoutFactory.swtDefaults().numColumns(4).margins(10, 10).spacing(12, 4).applyTo(form);
        heading = new Label(form, SWT.WRAP);
        heading.setFont(JFaceResources.getHeaderFont());
        heading.setText("Select a case in the Case Explorer");
        // wraps at the part's width, as the verdict does: a long title made the whole overview wider than its part
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(heading);
        String[] left = {"Target", "Authorised scope", "Customer", "Tags", ""};
        String[] right = {"Status", "Severity", "Analyst", "Opened", "Updated"};
        for (int row = 0; row < left.length; row++) {
            field(form, left[row]);
            field(form, right[row]);
        }
        verdictLabel = new Label(form, SWT.NONE);
        verdictLabel.setText("Verdict:");
        GridDataFactory.fillDefaults().applyTo(verdictLabel);
        verdict = new Text(form, SWT.READ_ONLY | SWT.WRAP);
        verdict.setBackground(form.getBackground()); // a text of many lines does not take the inherited background
        // a narrow hint, so that the line wraps at the part's width instead of widening the overview
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(200, SWT.DEFAULT).applyTo(verdict);
        showVerdictLine(false);
        Composite actions = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 0).applyTo(actions);
        GridDataFactory.fillDefaults().span(4, 1).indent(0, 4).applyTo(actions);
        changeStatus = new Button(actions, SWT.PUSH);
        changeStatus.setText("Change &Status...");
        changeStatus.setEnabled(false);
        changeStatus.addListener(SWT.Selection, e -> {
            if (shown != null && new StatusChangeDialog(parent.getShell(), workspace, shown).open() == Window.OK) {
                changed();
            }
        });
        edit = new Button(actions, SWT.PUSH);
        edit.setText("&Edit...");
        edit.setToolTipText("Change the title, authorised scope, customer, severity or tags");
        edit.setEnabled(false);
        edit.addListener(SWT.Selection, e -> {
            CaseDetailsWizard wizard = new CaseDetailsWizard(workspace, java.util.Optional.of(shown));
            if (new WizardDialog(parent.getShell(), wizard).open() == Window.OK) {
                changed();
            }
        });
        Label evidenceLabel = new Label(form, SWT.NONE);
        evidenceLabel.setText("Evidence (drop files on the case in the Case Explorer to add them):");
        GridDataFactory.fillDefaults().span(4, 1).indent(0, 8).applyTo(evidenceLabel);
        evidence = new Tree(form, SWT.BORDER | SWT.FULL_SELECTION);
        evidence.setHeaderVisible(true);
        for (String[] c : new String[][] {{"#", "70"}, {"File", "180"}, {"Bytes", "100"}, {"SHA-256", "440"}, {"Added", "170"},
                {"Source", "160"}}) {
            TreeColumn column = new TreeColumn(evidence, SWT.NONE);
            column.setText(c[0]);
            column.setWidth(Integer.parseInt(c[1]));
        }
        Tables.tipCutCells(evidence);
        // its columns scroll within it: only its height counts towards the overview's least size
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true)
                .hint(300, evidence.getHeaderHeight() + EVIDENCE_ROWS * evidence.getItemHeight()).applyTo(evidence);
        Composite evidenceActions = new Composite(form, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(evidenceActions);
        GridDataFactory.fillDefaults().span(4, 1).applyTo(evidenceActions);
        export = new Button(evidenceActions, SWT.PUSH);
        export.setText("E&xport Evidence...");
        export.setToolTipText("Hand a copy of the selected evidence file over, checked against its SHA-256; the custody log"
                + " records where it went and why");
        export.setEnabled(false);
        purge = new Button(evidenceActions, SWT.PUSH);
        purge.setText("&Purge Evidence...");
        purge.setToolTipText("Delete the selected evidence file for good; its record, hash and custody entries stay");
        purge.setEnabled(false);
        evidence.addListener(SWT.Selection, e -> {
            Evidence chosen = selectedEvidence();
            export.setEnabled(chosen != null && !chosen.isPurged());
            purge.setEnabled(chosen != null && !chosen.isPurged());
        });
        export.addListener(SWT.Selection, e -> exportSelected());
        purge.addListener(SWT.Selection, e -> purgeSelected());
        scroller.addListener(SWT.Resize, e -> fitContent());
        fitContent();
    }

    /**
     * Tells the scroller the overview's least size: as narrow as its fields and buttons allow, and as tall as it is
     * at the part's width, where the heading and the verdict wrap (measured at their narrow hints, they made the
     * overview scroll with room to spare).
     */
    private void fitContent() {
        Point least = body.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        int width = Math.max(least.x, scroller.getClientArea().width);
        scroller.setMinSize(least.x, body.computeSize(width, SWT.DEFAULT).y);
    }

    /** A label and its value, or an empty cell for a {@code name} that is empty. */
    private void field(Composite form, String name) {
        Label label = new Label(form, SWT.NONE);
        if (name.isEmpty()) {
            GridDataFactory.fillDefaults().span(2, 1).applyTo(label);
            return;
        }
        label.setText(name + ":");
        Text value = new Text(form, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
        values.put(name, value);
    }

    /** The file chosen, or null when none is (or a series is: Export and Purge act on one file). */
    private Evidence selectedEvidence() {
        TreeItem[] rows = evidence.getSelection();
        return rows.length == 1 && rows[0].getData() instanceof Evidence e ? e : null;
    }

    private void exportSelected() {
        Evidence chosen = selectedEvidence();
        if (chosen != null && !chosen.isPurged() && new ExportEvidenceDialog(body.getShell(), workspace, chosen).open() == Window.OK) {
            changed();
        }
    }

    private void purgeSelected() {
        Evidence chosen = selectedEvidence();
        if (chosen == null || chosen.isPurged()) {
            return;
        }
        InputDialog confirm = new InputDialog(body.getShell(), "Purge Evidence",
                "Delete the file of evidence #" + chosen.number() + " (" + chosen.originalName() + ") for good?\n"
                        + "Its record, SHA-256 and custody entries stay. Give the reason for the custody log:",
                "", text -> text.isBlank() ? "A reason is required" : null);
        if (confirm.open() != Window.OK) {
            return;
        }
        try {
            workspace.purgeEvidence(chosen.caseId(), chosen.number(), confirm.getValue());
            changed();
        } catch (WorkspaceException e) {
            MessageDialog.openError(body.getShell(), "Purge Evidence", e.getMessage());
        }
    }

    /** A file's row; chosen again, and its series opened, when it is the file chosen before. */
    private void fill(TreeItem row, Evidence e, Evidence selected) {
        row.setData(e);
        row.setText(new String[] {Integer.toString(e.number()), e.originalName(), String.format("%,d", e.size()), e.sha256(),
                UtcTime.seconds(e.added()),
                e.isPurged() ? "purged " + UtcTime.seconds(e.purged().get()) + ": " + e.purgeReason() : e.source()});
        if (selected != null && e.number() == selected.number()) {
            if (row.getParentItem() != null) {
                row.getParentItem().setExpanded(true);
            }
            evidence.setSelection(row);
            export.setEnabled(!e.isPurged());
            purge.setEnabled(!e.isPurged());
        }
    }

    /** The number of a row's file, or of a series' first. */
    private static int firstNumber(TreeItem row) {
        return row.getData() instanceof EvidenceSeries series ? series.first().number() : ((Evidence) row.getData()).number();
    }

    /** Scrolls the row of file {@code number} (or of the series it begins) to the top, if it is shown. */
    private void scrollTo(int number) {
        for (TreeItem row : evidence.getItems()) {
            for (TreeItem candidate : row.getExpanded() ? row.getItems() : new TreeItem[0]) {
                if (firstNumber(candidate) == number) {
                    evidence.setTopItem(candidate);
                    return;
                }
            }
            if (firstNumber(row) == number) {
                evidence.setTopItem(row);
                return;
            }
        }
    }

    /** The series the analyst opened, by their first file's number. */
    private Set<Integer> openedSeries() {
        Set<Integer> opened = new HashSet<>();
        for (TreeItem row : evidence.getItems()) {
            if (row.getExpanded()) {
                opened.add(firstNumber(row));
            }
        }
        return opened;
    }

    private void changed() {
        show(shown.id());
        if (broker != null) {
            broker.post(CaseEvents.CHANGED, shown.id());
        }
    }

    @Inject
    @Optional
    void caseSelected(@UIEventTopic(CaseEvents.SELECTED) CaseId id) {
        show(id);
    }

    @Inject
    @Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (shown != null && shown.id().equals(id)) {
            show(id);
        }
    }

    /** Shows a case; also what the tests call. */
    void show(CaseId id) {
        if (body == null || body.isDisposed()) {
            return;
        }
        // the same case shown again after a change (an export, a purge, evidence added): the analyst stays where they were
        boolean again = shown != null && shown.id().equals(id);
        Evidence selected = again ? selectedEvidence() : null;
        int top = again && evidence.getTopItem() != null ? firstNumber(evidence.getTopItem()) : 0;
        Set<Integer> opened = again ? openedSeries() : Set.of();
        try {
            shown = workspace.get(id);
            heading.setText(shown.id() + "  " + shown.title());
            values.get("Target").setText(shown.target().name());
            values.get("Authorised scope").setText(shown.scope().toString());
            values.get("Status").setText(shown.status().label() + (shown.archived() ? " (archived)" : ""));
            values.get("Severity").setText(shown.severity().label());
            values.get("Customer").setText(shown.customerReference());
            values.get("Tags").setText(String.join(", ", shown.tags()));
            values.get("Analyst").setText(shown.analyst());
            values.get("Opened").setText(UtcTime.seconds(shown.created()));
            values.get("Updated").setText(UtcTime.seconds(shown.updated()));
            changeStatus.setEnabled(true);
            edit.setEnabled(true);
            export.setEnabled(false);
            purge.setEnabled(false);
            evidence.removeAll();
            for (Object row : EvidenceSeries.fold(workspace.evidence(id))) {
                TreeItem item = new TreeItem(evidence, SWT.NONE);
                if (row instanceof EvidenceSeries series) {
                    item.setData(series);
                    item.setText(new String[] {series.range(), series.kind() + " (" + series.items().size() + " files)",
                            String.format("%,d", series.bytes()), "", UtcTime.seconds(series.first().added()), series.kind()});
                    for (Evidence e : series.items()) {
                        fill(new TreeItem(item, SWT.NONE), e, selected);
                    }
                    item.setExpanded(opened.contains(series.first().number()));
                } else {
                    fill(item, (Evidence) row, selected);
                }
            }
            scrollTo(top);
            askVerdict(id);
        } catch (WorkspaceException e) {
            heading.setText(e.getMessage());
            changeStatus.setEnabled(false);
            edit.setEnabled(false);
        }
        body.layout(true, true);
        fitContent();
    }

    /**
     * Asks the report plug-in for the case's verdict, in the background: it reads the case's probe runs and capture
     * sessions, which takes a while on a big capture. Without the plug-in, the line is left out.
     */
    private void askVerdict(CaseId id) {
        BundleContext bundle = FrameworkUtil.getBundle(CaseOverviewPart.class).getBundleContext();
        // a reference only: the report's classes load when a verdict is first read, not when the overview opens
        boolean offered = bundle != null && bundle.getServiceReference(CaseVerdicts.class) != null;
        showVerdictLine(offered);
        if (!offered) {
            return;
        }
        if (verdicts == null) {
            verdicts = new ServiceCaller<>(CaseOverviewPart.class, CaseVerdicts.class);
            verdictAnswers = new LatestAnswer<>(verdict);
        }
        verdict.setText("Reading what the case's evidence shows...");
        verdict.setForeground(null);
        verdictAnswers.ask("Reading the verdict of " + id, () -> verdicts.current().map(v -> {
            try {
                return v.of(workspace, id);
            } catch (WorkspaceException e) {
                return new CaseVerdicts.Verdict(false, "Not read: " + e.getMessage());
            }
        }).orElse(new CaseVerdicts.Verdict(false, "Not read: the report plug-in is no longer installed.")), found -> {
            verdict.setText(found.line());
            verdict.setForeground(found.relays() ? verdict.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
            body.layout(true, true);
            fitContent();
        });
    }

    private void showVerdictLine(boolean shown) {
        for (Control c : new Control[] {verdictLabel, verdict}) {
            c.setVisible(shown);
            ((GridData) c.getLayoutData()).exclude = !shown;
        }
    }

    @PreDestroy
    void dispose() {
        if (verdicts != null) {
            verdicts.unget();
        }
    }

    /** The verdict line as shown; empty while the report plug-in is not installed. */
    String verdict() {
        return verdict.getVisible() ? verdict.getText() : "";
    }

    String value(String name) {
        return values.get(name).getText();
    }

    @Focus
    void focus() {
        changeStatus.setFocus();
    }
}
