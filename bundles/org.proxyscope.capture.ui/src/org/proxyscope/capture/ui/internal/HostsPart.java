package org.proxyscope.capture.ui.internal;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.proxyscope.app.Tables;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.HostRecord;

/** The hosts of the imported capture: the ports they answered on and the roles the traffic shows. */
public final class HostsPart {

    private Table table;
    private List<HostRecord> hosts = List.of();

    @PostConstruct
    void createControls(Composite parent, @Optional @Named(CaptureEvents.SHOWN_REPORT) CaptureReport shown) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] { { "Host", "140" }, { "Roles", "220" }, { "Listening on", "160" }, { "Names", "140" } });
        Tables.onDemand(table, i -> {
            HostRecord h = hosts.get(i);
            return new String[] { h.address(), String.join(", ", h.roles()),
                    String.join(", ", h.listening().stream().map(String::valueOf).toList()), String.join(", ", h.names()) };
        });
        if (shown != null) {
            show(shown); // opened after the capture was read
        }
    }

    @Inject
    @Optional
    void show(@UIEventTopic(CaptureEvents.IMPORTED) CaptureReport report) {
        hosts = report.hosts();
        Tables.showRows(table, hosts.size());
    }

    int rows() {
        return table.getItemCount();
    }

    String row(int index) {
        return table.getItem(index).getText(0) + " " + table.getItem(index).getText(1);
    }
}
