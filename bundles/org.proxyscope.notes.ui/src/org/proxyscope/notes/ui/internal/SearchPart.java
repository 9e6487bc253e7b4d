package org.proxyscope.notes.ui.internal;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.notes.SearchTarget;

/**
 * One search over everything the workspace knows: cases, evidence, notes, probe findings, capture sessions.
 * Ctrl+H opens it; the results come best first as the analyst types (Down moves to them), and opening one
 * (double-click or Enter) selects its case and shows it where it is kept: a note in Reporting, a finding in
 * Probing, a session in Capture.
 */
public final class SearchPart {

    public static final String ID = "org.proxyscope.notes.ui.part.search";

    /** As many results as an analyst reads; a longer list asks for a narrower query. */
    static final int MOST = 200;
    static final int TYPING_PAUSE_MILLIS = 300;

    @Inject
    Workspace workspace;

    private Text query;
    private Button thisCase;
    private Label status;
    private Table table;
    private CaseId selectedCase;
    private RevealTarget target;
    private final Runnable searchLater = this::search;

    @PostConstruct
    void createControls(Composite parent, IEclipseContext context) {
        target = ContextInjectionFactory.make(RevealTarget.class, context);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(4, 4).applyTo(parent);
        query = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        query.setMessage("Search cases, notes, evidence, findings and sessions: words, \"a phrase\", prefix*, AND, OR, NOT");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        thisCase = new Button(parent, SWT.CHECK);
        thisCase.setText("Selected case only");
        status = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(260, SWT.DEFAULT).applyTo(status);
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(table);
        Tables.addColumns(table, new String[][] {{"Case", "130"}, {"Found in", "150"}, {"Title", "280"}, {"Where (matches in « »)", "520"}});
        query.addListener(SWT.Modify, e -> table.getDisplay().timerExec(TYPING_PAUSE_MILLIS, searchLater));
        query.addListener(SWT.DefaultSelection, e -> search());
        query.addListener(SWT.KeyDown, e -> { // Down goes from the query to its results, as in the workbench's other lists
            if (e.keyCode == SWT.ARROW_DOWN && table.getItemCount() > 0) {
                table.setFocus();
                table.setSelection(0);
                e.doit = false;
            }
        });
        thisCase.addListener(SWT.Selection, e -> search());
        table.addListener(SWT.DefaultSelection, e -> openSelected());
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void caseSelected(@org.eclipse.e4.core.di.annotations.Optional @Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        selectedCase = id;
    }

    void search() {
        if (table.isDisposed()) {
            return;
        }
        table.getDisplay().timerExec(-1, searchLater);
        table.removeAll();
        String typed = query.getText().strip();
        status.setForeground(null);
        status.setToolTipText(null); // an earlier query's error would linger there
        if (typed.isEmpty()) {
            status.setText("");
            return;
        }
        Optional<CaseId> within = thisCase.getSelection() ? Optional.ofNullable(selectedCase) : Optional.empty();
        long started = System.nanoTime();
        try {
            List<SearchHit> hits = workspace.searchEverything(typed, within, MOST);
            for (SearchHit hit : hits) {
                TableItem row = new TableItem(table, SWT.NONE);
                row.setData(hit);
                row.setText(new String[] {hit.caseId().toString(), hit.place(), hit.title(), hit.snippet().replace('\n', ' ')});
            }
            long cases = hits.stream().map(SearchHit::caseId).distinct().count();
            status.setText(hits.isEmpty() ? "Nothing found" : hits.size() + (hits.size() == MOST ? "+" : "")
                    + (hits.size() == 1 ? " place in " : " places in ") + cases + (cases == 1 ? " case" : " cases") + ", "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (WorkspaceException e) {
            status.setForeground(status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            status.setText(e.getMessage());
            status.setToolTipText(e.getMessage());
        }
    }

    void openSelected() {
        int index = table.getSelectionIndex();
        if (index >= 0 && table.getItem(index).getData() instanceof SearchHit hit) {
            String ref = hit.ref();
            try {
                ref = SearchTarget.ref(workspace, hit);
            } catch (WorkspaceException e) {
                status.setText(e.getMessage()); // it still leads into the capture, to the entry's first session
            }
            target.show(new Reveal(hit.caseId(), hit.kind(), ref));
        }
    }

    @Focus
    void focus() {
        query.setFocus();
    }

    // for tests

    Text queryField() {
        return query;
    }

    Table results() {
        return table;
    }

    String statusText() {
        return status.getText();
    }
}
