package org.proxyscope.probe.ui.internal;

import java.util.Map;

import jakarta.annotation.PostConstruct;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.Tables;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.Verdict;

/**
 * The last run's findings, one row per port and protocol with its verdict; selecting a row shows its
 * transcript as text and as hex, and where the transcript is kept as evidence.
 */
public final class ProbeResultsPart {

    private Table table;
    private Text text;
    private Text hex;
    private ProbeReport report;
    private Map<Finding, String> kept = Map.of();

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        table = new Table(sash, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"Port", "60"}, {"Protocol", "110"}, {"Verdict", "110"}, {"Canary", "70"},
                {"Time", "80"}, {"Detail", "520"}});
        CTabFolder tabs = new CTabFolder(sash, SWT.BORDER | SWT.BOTTOM);
        Font mono = JFaceResources.getTextFont();
        text = transcriptTab(tabs, "Transcript", mono);
        hex = transcriptTab(tabs, "Hex", mono);
        tabs.setSelection(0);
        sash.setWeights(55, 45);
        table.addListener(SWT.Selection, e -> showTranscript());
    }

    private static Text transcriptTab(CTabFolder tabs, String title, Font font) {
        CTabItem tab = new CTabItem(tabs, SWT.NONE);
        tab.setText(title);
        Text area = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        area.setFont(font);
        tab.setControl(area);
        return area;
    }

    @Inject
    @Optional
    void started(@UIEventTopic(ProbeEvents.STARTED) Object request) {
        if (table != null && !table.isDisposed()) {
            table.removeAll();
            text.setText("");
            hex.setText("");
        }
    }

    @Inject
    @Optional
    void finished(@UIEventTopic(ProbeEvents.FINISHED) ProbeRun run) {
        show(run);
    }

    void show(ProbeRun run) {
        if (table == null || table.isDisposed()) {
            return;
        }
        report = run.report();
        kept = run.transcripts();
        table.removeAll();
        for (Finding f : report.findings()) {
            TableItem row = new TableItem(table, SWT.NONE);
            row.setData(f);
            long ms = f.transcript().segments().isEmpty() ? 0
                    : f.transcript().segments().get(f.transcript().segments().size() - 1).at().toMillis();
            row.setText(new String[] {Integer.toString(f.port()), f.protocol(), f.verdict().word(),
                    f.canaryVerified() ? "received" : "", ms + " ms", f.detail()});
            if (f.verdict() == Verdict.OPEN) {
                row.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
    }

    private void showTranscript() {
        int index = table.getSelectionIndex();
        if (index < 0 || report == null) {
            return;
        }
        Finding f = (Finding) table.getItem(index).getData();
        String where = kept.containsKey(f) ? "Kept as " + kept.get(f) + "\n\n" : "";
        text.setText(where + f.transcript().text());
        hex.setText(f.transcript().hex());
    }

    int rows() {
        return table.getItemCount();
    }

    String row(int index) {
        TableItem item = table.getItem(index);
        return item.getText(0) + " " + item.getText(1) + " " + item.getText(2);
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
