package org.proxyscope.notes.ui.internal;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.CaseTimeline;
import org.proxyscope.notes.TimelineEntry;

/**
 * The selected case in time: custody entries, probe findings, the first and last relayed session of each
 * capture and the notes, oldest first. A kind and a text narrow it; opening an entry shows it where it is kept.
 */
public final class TimelinePart {

    /** The kinds as the timeline names them, how the filter says them, and how a row does. */
    private static final String[][] KINDS = {{"", "Everything", ""}, {"custody", "Custody log", "Custody"},
            {"finding", "Probe findings", "Probe finding"}, {"session", "Capture sessions", "Capture session"}, {"note", "Notes", "Note"}};

    @Inject
    Workspace workspace;

    private Label subject;
    private Combo kind;
    private Text filter;
    private Table table;
    private CaseId caseId;
    private List<TimelineEntry> entries = List.of();
    private RevealTarget target;

    @PostConstruct
    void createControls(Composite parent, IEclipseContext context) {
        target = ContextInjectionFactory.make(RevealTarget.class, context);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(4, 4).applyTo(parent);
        subject = new Label(parent, SWT.NONE);
        subject.setText("Select a case to see its timeline.");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).grab(true, false).applyTo(subject);
        kind = new Combo(parent, SWT.READ_ONLY);
        for (String[] k : KINDS) {
            kind.add(k[1]);
        }
        kind.select(0);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter by text");
        GridDataFactory.fillDefaults().hint(220, SWT.DEFAULT).applyTo(filter);
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table);
        Tables.addColumns(table, new String[][] {{"When (UTC)", "180"}, {"Kind", "110"}, {"Which", "70"}, {"What", "700"}});
        kind.addListener(SWT.Selection, e -> fill());
        filter.addListener(SWT.Modify, e -> fill());
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        if (caseId != null) {
            load();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void caseSelected(@org.eclipse.e4.core.di.annotations.Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        caseId = id;
        if (table != null && !table.isDisposed() && id != null) {
            load();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (id != null && id.equals(caseId) && table != null && !table.isDisposed()) {
            load();
        }
    }

    void load() {
        try {
            entries = CaseTimeline.of(workspace, caseId);
            subject.setText(caseId + ": " + entries.size() + " entries in time order");
        } catch (WorkspaceException e) {
            entries = List.of();
            subject.setText(e.getMessage());
        }
        subject.getParent().layout();
        fill();
    }

    private void fill() {
        table.removeAll();
        String wanted = KINDS[Math.max(0, kind.getSelectionIndex())][0];
        String text = filter.getText().strip().toLowerCase(Locale.ROOT);
        for (TimelineEntry e : entries) {
            if ((wanted.isEmpty() || e.kind().equals(wanted)) && (text.isEmpty() || e.text().toLowerCase(Locale.ROOT).contains(text))) {
                TableItem row = new TableItem(table, SWT.NONE);
                row.setData(e);
                row.setText(new String[] {UtcTime.seconds(e.at()), kindName(e.kind()), e.ref(), e.text()});
            }
        }
    }

    private static String kindName(String kind) {
        for (String[] k : KINDS) {
            if (k[0].equals(kind)) {
                return k[2];
            }
        }
        return kind;
    }

    void openSelected() {
        int index = table.getSelectionIndex();
        if (index >= 0 && table.getItem(index).getData() instanceof TimelineEntry e && caseId != null) {
            target.show(new Reveal(caseId, e.kind(), e.ref()));
        }
    }

    // for tests

    Table entriesTable() {
        return table;
    }

    Combo kindFilter() {
        return kind;
    }

    Text textFilter() {
        return filter;
    }
}
