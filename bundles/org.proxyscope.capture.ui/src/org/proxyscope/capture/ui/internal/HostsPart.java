package org.proxyscope.capture.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.HostRecord;

/**
 * The hosts of the imported capture: the ports they answered on and the roles the traffic shows. The hosts that
 * relayed come first, then those that claimed to or refused, then the rest, each by address; a click on a heading
 * sorts by that column, a second click turns the order round.
 */
public final class HostsPart {

    private Table table;
    /** The capture's hosts by address (by number), as the report lists them. */
    private List<HostRecord> hosts = List.of();
    private List<HostRecord> shown = List.of();

    @PostConstruct
    void createControls(Composite parent, @Optional @Named(CaptureEvents.SHOWN_REPORT) CaptureReport shownReport) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] { { "Host", "140" }, { "Roles", "220" }, { "Listening on", "160" }, { "Names", "140" } });
        Tables.sortByHeadings(table, this::fill);
        Tables.onDemand(table, i -> {
            HostRecord h = shown.get(i);
            return new String[] { h.address(), roles(h.roles()), listening(h), String.join(", ", h.names()) };
        });
        if (shownReport != null) {
            show(shownReport); // opened after the capture was read
        }
    }

    @Inject
    @Optional
    void show(@UIEventTopic(CaptureEvents.IMPORTED) CaptureReport report) {
        hosts = report.hosts();
        fill();
    }

    /** A blank cell would read as not yet filled: a host seen only in traffic no role is known for (UDP, say) says so. */
    static String roles(Set<String> roles) {
        return roles.isEmpty() ? "none recognised" : String.join(", ", roles);
    }

    private static String listening(HostRecord h) {
        return String.join(", ", h.listening().stream().map(String::valueOf).toList());
    }

    private void fill() {
        int column = Tables.sortedBy(table);
        List<HostRecord> rows = column < 0 ? byRank(hosts) : new ArrayList<>(hosts);
        Comparator<HostRecord> order = switch (column) {
            case -1, 0 -> null; // ranked, or the report's order: by address
            case 1 -> {
                // hosts with the same roles share one set: its text is made once, not at each of a big capture's comparisons
                Map<Set<String>, String> texts = new IdentityHashMap<>();
                yield Comparator.comparing((HostRecord h) -> texts.computeIfAbsent(h.roles(), HostsPart::roles));
            }
            case 2 -> Comparator.comparing((HostRecord h) -> h.listening().isEmpty() ? Integer.MAX_VALUE : h.listening().get(0));
            default -> Comparator.comparing((HostRecord h) -> String.join(", ", h.names()));
        };
        if (order != null) {
            rows.sort(order);
        }
        if (!Tables.ascending(table)) {
            java.util.Collections.reverse(rows);
        }
        shown = rows;
        Tables.showRows(table, shown.size());
    }

    /** The hosts by {@link HostRecord#proxyRank}, each rank in the report's order: one look at each host's roles. */
    private static List<HostRecord> byRank(List<HostRecord> hosts) {
        List<List<HostRecord>> ranks = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (HostRecord h : hosts) {
            ranks.get(h.proxyRank()).add(h);
        }
        List<HostRecord> rows = new ArrayList<>(hosts.size());
        ranks.forEach(rows::addAll);
        return rows;
    }

    int rows() {
        return table.getItemCount();
    }

    String row(int index) {
        return table.getItem(index).getText(0) + " " + table.getItem(index).getText(1);
    }
}
