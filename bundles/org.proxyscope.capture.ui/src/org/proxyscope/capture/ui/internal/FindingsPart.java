package org.proxyscope.capture.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.Flow;
import org.proxyscope.capture.ListeningSocket;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.core.model.ProxyPorts;

/**
 * What the capture proves: each proxy session (client, proxy, protocol, destination, outcome and the evidence
 * for it, mail carried), the relayed ones first, then each socket listening on a proxy port. A click on a heading
 * sorts the sessions by that column. Selecting a session shows its flow in the Flows view.
 */
public final class FindingsPart {

    @Inject
    @Optional
    private IEventBroker broker;
    private Table table;
    /** The capture's sessions in the order it holds them. */
    private List<ProxySession> sessions = List.of();
    /** The rows: the sessions as sorted, then the sockets listening on a proxy port. */
    private List<ProxySession> rows = List.of();
    private List<ListeningSocket> listening = List.of();

    @PostConstruct
    void createControls(Composite parent, @Optional @Named(CaptureEvents.SHOWN_REPORT) CaptureReport shown) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        // the evidence for each outcome comes before the answer's code, so that the view shows it at its default width
        String[][] columns = { { "Outcome", "100" }, { "Protocol", "100" }, { "Client", "150" }, { "Proxy", "150" },
                { "Destination", "160" }, { "Evidence", "420" }, { "Answer", "130" }, { "Mail through it", "220" }, { "Flow", "60" } };
        Tables.addColumns(table, columns);
        Tables.sortByHeadings(table, this::fill);
        Tables.onDemand(table, this::texts);
        table.addListener(SWT.Selection, e -> {
            int index = table.getSelectionIndex();
            if (index >= 0 && index < rows.size() && broker != null) {
                broker.post(CaptureEvents.FLOW_SELECTED, rows.get(index).flow());
            }
        });
        if (shown != null) {
            show(shown); // opened after the capture was read
        }
    }

    @Inject
    @Optional
    void show(@UIEventTopic(CaptureEvents.IMPORTED) CaptureReport report) {
        sessions = report.sessions();
        listening = report.onProxyPorts();
        fill();
    }

    private void fill() {
        List<ProxySession> sorted = new ArrayList<>(sessions);
        // until a heading is clicked: established, unverified, refused, each in the capture's order (the sort is stable)
        Comparator<ProxySession> order = switch (Tables.sortedBy(table)) {
            case -1, 0 -> Comparator.comparingInt((ProxySession x) -> x.outcome().rank());
            case 1 -> Comparator.comparing(ProxySession::protocol);
            case 2 -> Comparator.comparing(ProxySession::client);
            case 3 -> Comparator.comparing(ProxySession::proxy);
            case 4 -> Comparator.comparing(ProxySession::destination);
            case 5 -> {
                Map<ProxySession, String> texts = new IdentityHashMap<>(); // each sentence made once, not at each comparison
                yield Comparator.comparing((ProxySession x) -> texts.computeIfAbsent(x, ProxySession::evidence));
            }
            case 6 -> Comparator.comparing(ProxySession::code);
            case 7 -> Comparator.comparingInt(ProxySession::smtpMessages);
            default -> Comparator.comparingInt((ProxySession x) -> x.flow().number());
        };
        sorted.sort(Tables.ascending(table) ? order : order.reversed());
        rows = sorted;
        Tables.showRows(table, rows.size() + listening.size());
    }

    private String[] texts(int index) {
        if (index >= rows.size()) {
            ListeningSocket l = listening.get(index - rows.size());
            // the owner is evidence of what listens there; it once stood under "Mail through it"
            return new String[] { "listening", l.service(), "", l.address(), "", evidence(l), ProxyPorts.usual(l.port()) + " port",
                    "", "" };
        }
        ProxySession s = rows.get(index);
        return new String[] { s.outcome().word(), s.protocol(), s.client().toString(), s.proxy().toString(), s.destination(),
                s.evidence(), s.code(), s.carriesSmtp() ? s.smtpMessages() + " message(s) to " + s.smtpRecipients() + " recipient(s)" : "",
                String.valueOf(s.flow().number()) };
    }

    /** "owned by wupdate.exe; connected from 203.0.113.9; its process connects to port 25 of 198.51.100.25" */
    private static String evidence(ListeningSocket l) {
        String owner = l.owner().isEmpty() ? "" : "owned by " + l.owner();
        return owner.isEmpty() || l.use().isEmpty() ? owner + l.use() : owner + "; " + l.use();
    }

    /** A flow chosen elsewhere (the Flows view, a search result): its session's row is selected, if it has one. */
    @Inject
    @Optional
    void flowChosen(@UIEventTopic(CaptureEvents.FLOW_SELECTED) Flow flow) {
        if (table == null || table.isDisposed()) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).flow().equals(flow)) {
                if (table.getSelectionIndex() != i) {
                    Tables.select(table, i);
                }
                return;
            }
        }
    }

    int rows() {
        return table.getItemCount();
    }

    /** Selects row {@code index} as a click would. */
    void select(int index) {
        table.setSelection(index);
        table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    String row(int index) {
        TableItem item = table.getItem(index);
        return item.getText(0) + " " + item.getText(1) + " " + item.getText(4);
    }

    /** The Evidence column of row {@code index}. */
    String evidence(int index) {
        return table.getItem(index).getText(5);
    }

    org.eclipse.swt.widgets.Shell shell() {
        return table.getShell();
    }
}
