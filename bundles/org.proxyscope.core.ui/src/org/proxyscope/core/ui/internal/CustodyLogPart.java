package org.proxyscope.core.ui.internal;


import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyEntry;

/** Every action on the selected case, oldest first, with UTC time, analyst and hash. */
public final class CustodyLogPart {

    @Inject
    Workspace workspace;

    private Table table;
    private CaseId shown;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        Tables.addColumns(table, new String[][] {{"#", "40"}, {"Time", "170"}, {"Analyst", "90"}, {"Action", "130"},
                {"Details", "520"}, {"Entry hash", "160"}});
    }

    @Inject
    @Optional
    void caseSelected(@UIEventTopic(CaseEvents.SELECTED) CaseId id) {
        show(id);
    }

    @Inject
    @Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (id.equals(shown)) {
            show(id);
            // what changed is at the end: the entries just logged, which the analyst wants to see
            if (table.getItemCount() > 0) {
                table.showItem(table.getItem(table.getItemCount() - 1));
            }
        }
    }

    void show(CaseId id) {
        if (table == null || table.isDisposed()) {
            return;
        }
        shown = id;
        table.removeAll();
        try {
            for (CustodyEntry e : workspace.custody(id)) {
                new TableItem(table, SWT.NONE).setText(new String[] {Integer.toString(e.sequence()), UtcTime.seconds(e.at()),
                        e.analyst(), e.actionWord(), e.details(), e.hash().substring(0, 16) + "…"});
            }
        } catch (WorkspaceException e) {
            new TableItem(table, SWT.NONE).setText(new String[] {"", "", "", "", e.getMessage(), ""});
        }
    }

    int rows() {
        return table.getItemCount();
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
