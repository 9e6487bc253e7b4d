package org.proxyscope.probe.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.ProbeRuns;
import org.proxyscope.probe.Verdict;

/**
 * The probe runs the selected case keeps, newest first in the chooser: the host's verdict on top, then one
 * row per port and protocol, proven relays first, then doubtful ones; ports that refused the connection
 * and ports that never answered it folded into one line each. A click on a column heading sorts by it.
 * Selecting a row shows its transcript (text and hex) from the evidence that keeps it.
 */
public final class ProbeResultsPart {

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    Workspace workspace;

    private Label verdict;
    private Combo chooser;
    private Table table;
    private Text text;
    private Text hex;
    private CaseId caseId;
    private List<ProbeRun> runs = List.of();
    private ProbeRun shown;
    /** A finding a search result or the timeline asked for ("run/position"), selected once its case's runs show. */
    private Reveal wanted;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        verdict = new Label(parent, SWT.WRAP);
        verdict.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        chooser = new Combo(parent, SWT.READ_ONLY);
        chooser.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false));
        chooser.addListener(SWT.Selection, e -> showRun(chooser.getSelectionIndex()));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        table = new Table(sash, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"Port", "60"}, {"Protocol", "100"}, {"Verdict", "105"}, {"Service", "130"},
                {"Canary", "150"}, {"Detail", "460"}});
        Tables.sortByHeadings(table, this::fillRows); // until a heading is clicked, the run's own order: by weight
        CTabFolder tabs = new CTabFolder(sash, SWT.BORDER | SWT.BOTTOM);
        Font mono = JFaceResources.getTextFont();
        text = transcriptTab(tabs, "Transcript", mono);
        hex = transcriptTab(tabs, "Hex", mono);
        tabs.setSelection(0);
        sash.setWeights(55, 45);
        table.addListener(SWT.Selection, e -> showTranscript());
        verdict.setText("Select a case to see its probe runs.");
        if (caseId != null) {
            caseSelected(caseId); // injected before the controls existed
        }
    }

    private static Text transcriptTab(CTabFolder tabs, String title, Font font) {
        CTabItem tab = new CTabItem(tabs, SWT.NONE);
        tab.setText(title);
        Text area = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        area.setFont(font);
        tab.setControl(area);
        return area;
    }

    /** Follows the case selected in the Case Explorer: its kept runs, the newest shown. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void caseSelected(@Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        caseId = id;
        if (table == null || table.isDisposed() || workspace == null || id == null) {
            return;
        }
        try {
            showRuns(ProbeRuns.of(workspace).list(id));
        } catch (WorkspaceException e) {
            verdict.setText(e.getMessage());
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void finished(@UIEventTopic(ProbeEvents.FINISHED) ProbeRun run) {
        if (caseId != null) {
            caseSelected(caseId);
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void reveal(@org.eclipse.e4.core.di.annotations.Optional @Named(ProxyscopeModel.REVEAL) Reveal reveal) {
        if (reveal == null || !reveal.kind().equals("finding")) {
            return;
        }
        wanted = reveal;
        if (table != null && !table.isDisposed() && reveal.caseId().equals(caseId)) {
            selectWanted();
        }
    }

    /** Shows the run a reveal names and selects its finding with the finding's transcript. */
    private void selectWanted() {
        Reveal r = wanted;
        if (r == null || !r.caseId().equals(caseId)) {
            return;
        }
        wanted = null;
        for (int i = 0; i < runs.size(); i++) {
            ProbeRun run = runs.get(i);
            if (run.number() != r.first()) {
                continue;
            }
            int index = runs.size() - 1 - i;
            chooser.select(index);
            showRun(index);
            if (r.second() >= 1 && r.second() <= run.findings().size()) {
                ProbeRun.Recorded finding = run.findings().get(r.second() - 1);
                for (TableItem row : table.getItems()) {
                    if (row.getData() == finding) {
                        table.setSelection(row);
                        table.showItem(row);
                        showTranscript();
                    }
                }
            }
        }
    }

    /** Shows the runs, oldest first as given, with the newest selected (or the run a reveal asked for). */
    void showRuns(List<ProbeRun> kept) {
        runs = kept;
        chooser.removeAll();
        for (int i = kept.size() - 1; i >= 0; i--) {
            ProbeRun r = kept.get(i);
            chooser.add("Run " + r.number() + ", " + UtcTime.seconds(r.started()) + ", " + r.verdict());
        }
        chooser.getParent().layout();
        if (kept.isEmpty()) {
            verdict.setText(caseId + " has no probe runs yet: run one from the Probe Launcher.");
            table.removeAll();
            text.setText("");
            hex.setText("");
            return;
        }
        chooser.select(0);
        showRun(0);
        selectWanted();
    }

    /** Shows the run at {@code index} of the chooser (0 is the newest). */
    private void showRun(int index) {
        if (index < 0 || index >= runs.size()) {
            return;
        }
        shown = runs.get(runs.size() - 1 - index);
        verdict.setText(headline(shown));
        verdict.getParent().layout();
        fillRows();
    }

    private void fillRows() {
        table.removeAll();
        text.setText("");
        hex.setText("");
        if (shown == null) {
            return;
        }
        List<ProbeRun.Recorded> answered = shown.answered();
        List<ProbeRun.Recorded> rows = new java.util.ArrayList<>(answered);
        int sortColumn = Tables.sortedBy(table);
        if (sortColumn >= 0) {
            Comparator<ProbeRun.Recorded> order = switch (sortColumn) {
                case 0 -> Comparator.comparingInt(ProbeRun.Recorded::port);
                case 1 -> Comparator.comparing(ProbeRun.Recorded::protocol);
                case 2 -> Comparator.comparingInt(answered::indexOf); // the run's own order: by weight, then port
                case 3 -> Comparator.comparing(ProbeRun.Recorded::service);
                case 4 -> Comparator.comparing((ProbeRun.Recorded f) -> f.proof().map(p -> p.at().toString()).orElse(""));
                default -> Comparator.comparing(ProbeRun.Recorded::detail);
            };
            rows.sort(Tables.ascending(table) ? order : order.reversed());
        }
        for (ProbeRun.Recorded f : rows) {
            TableItem row = new TableItem(table, SWT.NONE);
            row.setData(f);
            row.setText(new String[] {Integer.toString(f.port()), f.protocol(), f.verdict().word(), f.service(),
                    f.proof().map(p -> "received " + UtcTime.clock(p.at())).orElse(""), f.detail()});
            if (f.verdict() == Verdict.OPEN) {
                row.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        folded(Verdict.NO_SERVICE, shown.refusedPorts(), "refused the connection");
        folded(Verdict.TIMEOUT, shown.silentPorts(), "never answered the connection (filtered)");
    }

    /** One line for many ports that said the same: "118 ports refused the connection: 1-79,82-1079,...". */
    private void folded(Verdict said, List<Integer> ports, String what) {
        if (!ports.isEmpty()) {
            TableItem row = new TableItem(table, SWT.NONE);
            row.setText(new String[] {"", "tcp", said.word(), "", "",
                    ports.size() + (ports.size() == 1 ? " port " : " ports ") + what + ": " + PortRanges.of(ports)});
        }
    }

    /** "127.0.0.1: open proxy: SOCKS5 on 1080 (SOCKS proxy), proven by the canary", the run's verdict in one line. */
    static String headline(ProbeRun run) {
        return run.summary() + "  (run " + run.number() + " by " + run.analyst() + ", " + UtcTime.seconds(run.started()) + ", "
                + run.elapsed().toMillis() + " ms)";
    }

    private void showTranscript() {
        int index = table.getSelectionIndex();
        if (index < 0 || !(table.getItem(index).getData() instanceof ProbeRun.Recorded f)) {
            return;
        }
        Optional<Evidence> kept = transcriptOf(f);
        if (kept.isEmpty()) {
            text.setText("No transcript: nothing was exchanged on this port.\n\nSent: " + f.sent() + "\nReceived: " + f.reply());
            hex.setText("");
            return;
        }
        try {
            String whole = Files.readString(workspace.storedFile(kept.get()), StandardCharsets.UTF_8);
            int split = whole.indexOf("\nHex:\n");
            String where = "Kept as " + caseId + " evidence #" + kept.get().number() + "\n\n";
            text.setText(where + (split < 0 ? whole : whole.substring(0, split)));
            hex.setText(split < 0 ? "" : whole.substring(split + 6));
        } catch (IOException e) {
            text.setText("The transcript, evidence #" + kept.get().number() + ", cannot be read: " + e.getMessage());
            hex.setText("");
        }
    }

    private Optional<Evidence> transcriptOf(ProbeRun.Recorded f) {
        if (f.evidence().isEmpty() || workspace == null) {
            return Optional.empty();
        }
        try {
            return workspace.evidence(caseId).stream().filter(e -> e.number() == f.evidence().getAsInt() && !e.isPurged())
                    .findFirst();
        } catch (WorkspaceException e) {
            return Optional.empty();
        }
    }

    int rows() {
        return table.getItemCount();
    }

    String row(int index) {
        TableItem item = table.getItem(index);
        return item.getText(0) + " " + item.getText(1) + " " + item.getText(2);
    }

    String headline() {
        return verdict.getText();
    }

    String transcript() {
        return text.getText();
    }

    int selectedRow() {
        return table.getSelectionIndex();
    }

    void selectRow(int index) {
        table.select(index);
        showTranscript();
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
