package org.proxyscope.capture.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.Flow;
import org.proxyscope.capture.FlowFilter;
import org.proxyscope.capture.ListeningSocket;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;

/**
 * Every conversation of the imported capture in a virtual table (rows are made only when shown, so a
 * million flows stay fluid), sortable by any column, narrowed by a filter line such as
 * {@code port 1080 and socks}.
 */
public final class FlowsPart {


    private record Column(String title, int width, Function<Flow, String> text, Comparator<Flow> order) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("#", 60, f -> String.valueOf(f.number()), Comparator.comparingInt(Flow::number)),
            new Column("Transport", 70, f -> f.transport().name(), Comparator.comparing(Flow::transport)),
            new Column("Client", 170, f -> f.client().toString(), Comparator.comparing(Flow::client)),
            new Column("Server", 170, f -> f.server().toString(), Comparator.comparing(Flow::server)),
            new Column("Service", 100, f -> f.service().word(), Comparator.comparing(f -> f.service().word())),
            new Column("Detail", 220, Flow::detail, Comparator.comparing(Flow::detail)),
            new Column("State", 110, Flow::state, Comparator.comparing(Flow::state)),
            new Column("Packets", 70, f -> String.valueOf(f.packets()), Comparator.comparingLong(Flow::packets)),
            new Column("Bytes", 90, f -> String.valueOf(f.bytes()), Comparator.comparingLong(Flow::bytes)),
            new Column("Start (UTC)", 170, f -> UtcTime.millis(f.firstNanos()),
                    Comparator.comparingLong(Flow::firstNanos)));

    @Inject
    @Optional
    private Workspace workspace;
    @Inject
    @Optional
    private IEventBroker broker;
    @Inject
    @Optional
    private MApplication application;
    private CaseId caseId;

    private Text filter;
    private Label status;
    /** What the shown file's reading broke off at or left out, in a line of its own under the filter; hidden when nothing. */
    private Label notice;
    private Table table;
    private Button again;
    private CaptureReport report;
    /** The case whose evidence the shown capture is, if any, and how the status line names it. */
    private CaseId shownCase;
    private int shownEvidence;
    private String shownName;
    /** A capture session a search result or the timeline asked for, selected once its capture is read. */
    private Reveal wanted;
    /** The selected case's capture waits until the view is seen: reading it is not free. */
    private boolean captureWanted;
    private ImportCaptureJob reading;
    private List<Flow> shown = List.of();

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        Button open = new Button(parent, SWT.PUSH);
        open.setText("Import Capture…");
        open.setToolTipText("Read a pcap, pcapng, netstat or ss file; with a case selected it becomes the case's evidence");
        open.addListener(SWT.Selection, e -> chooseAndImport());
        again = new Button(parent, SWT.PUSH);
        again.setText("Analyse Again");
        again.setToolTipText("Analyse the case's capture shown here again from its stored copy, with this version of Proxyscope:"
                + " what it finds replaces the case's sessions of it; the custody log keeps both analyses");
        again.setEnabled(false);
        again.addListener(SWT.Selection, e -> analyseAgain());
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter, e.g. port 1080 and socks");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter.addListener(SWT.Modify, e -> refresh());
        status = new Label(parent, SWT.NONE);
        // A width of its own: a filter being typed ("h" on the way to "host ...") reads as an unknown word, and
        // that long message used to widen the label until the filter field had no room left to type in.
        // The whole text is the tooltip.
        GridData statusData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        GC gc = new GC(parent);
        statusData.widthHint = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth() * 60);
        gc.dispose();
        status.setLayoutData(statusData);
        status.setText("No capture read yet");
        notice = new Label(parent, SWT.WRAP);
        GridData noticeData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
        noticeData.exclude = true;
        notice.setLayoutData(noticeData);
        notice.setVisible(false);
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        for (Column c : COLUMNS) {
            TableColumn column = new TableColumn(table, c.title().equals("Packets") || c.title().equals("Bytes") ? SWT.RIGHT : SWT.LEFT);
            column.setText(c.title());
            column.setWidth(c.width());
        }
        Tables.tipCutCells(table);
        Tables.sortByHeadings(table, this::refresh);
        Tables.onDemand(table, i -> {
            Flow f = shown.get(i);
            return COLUMNS.stream().map(c -> c.text().apply(f)).toArray(String[]::new);
        });
        table.addListener(SWT.Selection, e -> {
            Flow f = selected();
            if (f != null && broker != null) {
                broker.post(CaptureEvents.FLOW_SELECTED, f);
            }
        });
        // the first paint after a case was selected while the view was hidden
        parent.addListener(SWT.Paint, e -> {
            if (captureWanted) {
                captureWanted = false;
                openCapture(caseId);
            }
        });
        // made because its perspective is coming up with a case selected: the capture is read while the rest of
        // the perspective is made and drawn, not after (a usual 1 GiB capture is read in about a second)
        if (captureWanted) {
            captureWanted = false;
            openCapture(caseId);
        }
    }

    /**
     * Follows the case selected in the Case Explorer: when the view does not show that case's capture yet,
     * it reads the case's latest capture evidence again, so an analyst who comes back to a case finds its
     * capture where it was; while the view is hidden (cases picked in Triage), only once it is shown.
     */
    @Inject
    @Optional
    void caseSelected(@Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        caseId = id;
        captureWanted = id != null && !id.equals(shownCase);
        if (captureWanted && table != null && table.isVisible()) {
            captureWanted = false;
            openCapture(id);
        }
    }

    /**
     * A search result or timeline entry naming a capture session ("evidence/flow") or a listing's socket
     * ("evidence/position", "evidence/position@address"): its capture is read and the flow selected; for a socket, the
     * connection of the client or mail server named, else its first client's.
     */
    @Inject
    @Optional
    void reveal(@Optional @Named(ProxyscopeModel.REVEAL) Reveal reveal) {
        if (reveal == null || !reveal.kind().equals("session") && !reveal.kind().equals(CaptureRecords.SOCKET)) {
            return;
        }
        wanted = reveal;
        if (table == null || table.isDisposed() || !reveal.caseId().equals(caseId)) {
            return;
        }
        if (reveal.caseId().equals(shownCase) && reveal.first() == shownEvidence) {
            selectWantedFlow();
        } else if (table.isVisible()) {
            openCapture(caseId);
        } else {
            captureWanted = true;
        }
    }

    private void selectWantedFlow() {
        Reveal r = wanted;
        if (r == null || report == null || !r.caseId().equals(shownCase) || r.first() != shownEvidence) {
            return;
        }
        wanted = null;
        Predicate<Flow> wantedFlow = r.kind().equals(CaptureRecords.SOCKET) ? socketFlow(r.second(), r.address())
                : f -> f.number() == r.second();
        report.flows().stream().filter(wantedFlow).findFirst().ifPresent(f -> {
            reveal(f);
            if (broker != null) {
                broker.post(CaptureEvents.FLOW_SELECTED, f); // Proxy Findings and Follow Stream follow
            }
        });
    }

    /**
     * The connection to show of the listing's {@code position}th socket on a proxy port (as the case numbers them from
     * 1): that of the client or mail server {@code address} names, else its first client's.
     */
    private Predicate<Flow> socketFlow(int position, java.util.Optional<String> address) {
        List<ListeningSocket> sockets = report.onProxyPorts();
        if (position < 1 || position > sockets.size()) {
            return f -> false;
        }
        ListeningSocket l = sockets.get(position - 1);
        // a listed connection to a listening port is oriented with that socket as its server
        Predicate<Flow> client = f -> f.server().port() == l.port() && l.clients().contains(f.client().host());
        if (address.isEmpty()) {
            return client;
        }
        String host = address.get();
        Predicate<Flow> named = client.and(f -> f.client().host().equals(host))
                .or(f -> f.server().port() == 25 && f.server().host().equals(host) && l.mailServers().contains(host));
        return report.flows().stream().anyMatch(named) ? named : client;
    }

    /**
     * Reads a capture evidence of a case from its read-only stored copy: the one a session asked for names, else
     * the latest. The case gains nothing, as the capture is its evidence already.
     *
     * @return the reading Job, or null when the case holds no capture
     */
    ImportCaptureJob openCapture(CaseId id) {
        if (workspace == null) {
            return null;
        }
        int asked = wanted != null && wanted.caseId().equals(id) ? wanted.first() : -1;
        try {
            List<Evidence> all = workspace.evidence(id);
            for (int i = all.size() - 1; i >= 0; i--) {
                Evidence e = all.get(i);
                if (!e.isPurged() && e.source().startsWith(CaptureEvidence.SOURCE_PREFIX) && (asked < 0 || e.number() == asked)) {
                    status.setText("Reading " + e.originalName() + " (" + id + " evidence #" + e.number() + ")…");
                    status.getParent().layout();
                    if (reading != null) {
                        reading.cancel(); // the analyst moved on to another case
                    }
                    reading = ImportCaptureJob.rereading(workspace.storedFile(e), e, broker);
                    reading.schedule();
                    return reading;
                }
            }
        } catch (WorkspaceException e) {
            status.setText(e.getMessage());
        }
        return null;
    }

    @Inject
    @Optional
    void imported(@UIEventTopic(CaptureEvents.IMPORTED) CaptureReport imported) {
        show(imported);
        share(CaptureEvents.SHOWN_REPORT, imported);
        share(CaptureEvents.CHOSEN_FLOW, null);
        selectWantedFlow();
    }

    /** Keeps what this view shows in the application's context, for the views that open later. */
    private void share(String key, Object value) {
        if (application != null) {
            application.getContext().set(key, value);
        }
    }

    @Inject
    @Optional
    void reveal(@UIEventTopic(CaptureEvents.FLOW_SELECTED) Flow flow) {
        share(CaptureEvents.CHOSEN_FLOW, flow);
        if (table == null || table.isDisposed() || flow.equals(selected())) {
            return;
        }
        int index = shown.indexOf(flow);
        if (index < 0 && !filter.getText().isBlank()) {
            filter.setText("");
            index = shown.indexOf(flow);
        }
        if (index >= 0) {
            Tables.select(table, index);
        }
    }

    private void chooseAndImport() {
        FileDialog dialog = new FileDialog(table.getShell(), SWT.OPEN);
        dialog.setText(caseId == null ? "Read a Capture" : "Import a Capture into " + caseId);
        dialog.setFilterExtensions(new String[] { "*.pcap;*.pcapng;*.cap;*.txt", "*" });
        dialog.setFilterNames(new String[] { "Captures and netstat listings", "All files" });
        String chosen = dialog.open();
        if (chosen != null) {
            start(Path.of(chosen));
        }
    }

    /** Starts the import of {@code file} as a Job; the views fill when it ends. */
    ImportCaptureJob start(Path file) {
        ImportCaptureJob job = ImportCaptureJob.importing(file, workspace, caseId, broker);
        job.schedule();
        return job;
    }

    /** Shows a report's flows (the event from the import Job calls this). */
    void show(CaptureReport imported) {
        report = imported;
        shownName = nameOf(imported);
        again.setEnabled(shownCase != null);
        refresh();
    }

    /** Analyses the case's capture shown here again; the views fill with what it finds when the Job ends. */
    ImportCaptureJob analyseAgain() {
        if (shownCase == null || workspace == null) {
            return null;
        }
        try {
            ImportCaptureJob job = ImportCaptureJob.analysingAgain(workspace, workspace.evidence(shownCase, shownEvidence), broker);
            job.schedule();
            return job;
        } catch (WorkspaceException e) {
            status.setText(e.getMessage());
            return null;
        }
    }

    /** How the status line names a capture: as the case's evidence when it is one, else by its file name. */
    private String nameOf(CaptureReport r) {
        shownCase = null;
        if (workspace != null && caseId != null) {
            try {
                for (Evidence e : workspace.evidence(caseId)) {
                    if (!e.isPurged() && workspace.storedFile(e).equals(r.file())) {
                        shownCase = caseId;
                        shownEvidence = e.number();
                        return e.originalName() + " (" + caseId + " evidence #" + e.number() + ")";
                    }
                }
            } catch (WorkspaceException e) {
                // named by its file then
            }
        }
        return r.file().getFileName().toString();
    }

    private void refresh() {
        if (report == null) {
            return;
        }
        try {
            List<Flow> matching = new ArrayList<>(report.flows().stream().filter(FlowFilter.parse(filter.getText())).toList());
            Comparator<Flow> order = COLUMNS.get(Math.max(0, Tables.sortedBy(table))).order(); // by number until a heading is clicked
            matching.sort(Tables.ascending(table) ? order : order.reversed());
            shown = matching;
            status.setText(shown.size() + " of " + report.flowCount() + " flows in " + shownName
                    + (report.partial() ? " (damaged file: read up to the damage)" : ""));
        } catch (IllegalArgumentException e) {
            shown = List.of();
            status.setText(e.getMessage());
        }
        status.setToolTipText(status.getText());
        // the status line has room for the counts only; what was lost needs its sentence, which says what to ask for
        List<String> lost = new ArrayList<>();
        report.problem().ifPresent(p -> lost.add("The file is damaged; what came before the damage was read: " + p + "."));
        report.leftOut().ifPresent(p -> lost.add(Character.toUpperCase(p.charAt(0)) + p.substring(1) + "."));
        notice.setText(String.join(" ", lost));
        notice.setVisible(!lost.isEmpty());
        ((GridData) notice.getLayoutData()).exclude = lost.isEmpty();
        status.getParent().layout();
        Tables.showRows(table, shown.size());
    }

    Flow selected() {
        int index = table.getSelectionIndex();
        return index < 0 || index >= shown.size() ? null : shown.get(index);
    }

    int rows() {
        return table.getItemCount();
    }

    String row(int index) {
        TableItem item = table.getItem(index);
        return item.getText(0) + " " + item.getText(4) + " " + item.getText(3);
    }

    Text filterField() {
        return filter;
    }

    String status() {
        return status.getText();
    }

    /** The notice under the filter, or "" while it is hidden. */
    String notice() {
        return notice.getVisible() ? notice.getText() : "";
    }
}
