package org.proxyscope.core.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.ITreeSelection;
import org.eclipse.jface.viewers.ITreeViewerListener;
import org.eclipse.jface.viewers.TreeExpansionEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.e4.ui.model.application.MApplication;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Tables;
import org.proxyscope.app.ui.UtcTime;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;

/**
 * Triage's list of cases: filter by words, status and archive state; open a case into its evidence and
 * custody log; drop files on a case to add them as evidence. Refreshes on case events from this window and
 * notices what the command line changed by polling the workspace's data version.
 */
public final class CaseExplorerPart {

    static final String ALL_STATUSES = "All statuses";

    @Inject
    Workspace workspace;
    @Inject
    UISynchronize sync;
    @Inject
    @Optional
    ESelectionService selection;
    @Inject
    @Optional
    IEventBroker broker;
    @Inject
    @Optional
    MApplication application;

    private Text filter;
    private Combo status;
    private Button archived;
    private TreeViewer viewer;

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 4).applyTo(parent);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter by case id, title, host, customer or tag");
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(filter);
        status = new Combo(parent, SWT.READ_ONLY);
        status.add(ALL_STATUSES);
        for (CaseStatus s : CaseStatus.values()) {
            status.add(s.label());
        }
        status.select(0);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        archived = new Button(parent, SWT.CHECK);
        archived.setText("Archived");
        archived.setToolTipText("Show archived (deleted) cases too");

        viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        viewer.getTree().setHeaderVisible(true);
        viewer.setComparer(SAME_ROW);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(viewer.getTree());
        column("Case", 150, this::firstColumn);
        column("Title", 220, n -> n instanceof Case c ? c.title() : "");
        column("Target", 130, n -> n instanceof Case c ? c.target().name() : "");
        column("Status", 120, n -> n instanceof Case c ? c.status().label() + (c.archived() ? " (archived)" : "") : "");
        column("Severity", 70, n -> n instanceof Case c ? c.severity().label() : "");
        column("Updated", 140, n -> n instanceof Case c ? UtcTime.minutes(c.updated()) : "");
        viewer.setContentProvider(new Content());
        viewer.addSelectionChangedListener(e -> select(chosenCase((ITreeSelection) e.getSelection())));
        viewer.addTreeListener(new ITreeViewerListener() {
            @Override
            public void treeExpanded(TreeExpansionEvent event) {
                sync.asyncExec(CaseExplorerPart.this::fitFirstColumn); // once the rows opened are shown
            }

            @Override
            public void treeCollapsed(TreeExpansionEvent event) {
                // the column keeps its width: rows opened again fit it
            }
        });
        viewer.getTree().addListener(SWT.Resize, e -> fitFirstColumn()); // a view made wider shows more of them
        Tables.tipCutCells(viewer.getTree()); // what still does not fit: long titles, custody entries in a narrow view

        filter.addModifyListener(e -> refresh());
        status.addListener(SWT.Selection, e -> refresh());
        archived.addListener(SWT.Selection, e -> refresh());
        acceptDroppedFiles();
        refresh();
    }

    private void column(String title, int width, Function<Object, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    /**
     * Widens the first column to show the rows shown in it, up to two thirds of the tree's width, as rows open and
     * as the view widens; never narrows it, so a width the analyst gave it stays. It is as wide as a case's id, and
     * the files and custody entries under a case were cut after a few words. Measured here: the column's own pack()
     * measures the cases only.
     */
    private void fitFirstColumn() {
        Tree tree = viewer.getTree();
        if (tree.isDisposed()) {
            return;
        }
        TreeColumn first = tree.getColumn(0);
        GC gc = new GC(tree);
        int widest;
        try {
            widest = widest(tree.getItems(), gc);
        } finally {
            gc.dispose();
        }
        first.setWidth(Math.max(first.getWidth(), Math.min(widest, tree.getClientArea().width * 2 / 3)));
    }

    /** Room a cell leaves around its text (GTK's padding, both sides). */
    private static final int CELL_PADDING = 12;

    /** The width the first column needs for {@code items} and the open rows under them: indent, text and a margin. */
    private static int widest(TreeItem[] items, GC gc) {
        int widest = 0;
        for (TreeItem item : items) {
            widest = Math.max(widest, item.getBounds(0).x + gc.textExtent(item.getText()).x + CELL_PADDING);
            if (item.getExpanded()) {
                widest = Math.max(widest, widest(item.getItems(), gc));
            }
        }
        return widest;
    }

    private String firstColumn(Object node) {
        return switch (node) {
            case Case c -> c.id().toString();
            case CaseTree.EvidenceFolder f -> "Evidence (" + f.items().size() + ")";
            case CaseTree.CustodyFolder f -> "Custody log (" + f.items().size() + ")";
            case EvidenceSeries series -> series.kind() + ": " + series.items().size() + " files (#" + series.range() + ", "
                    + String.format("%,d", series.bytes()) + " bytes)";
            case Evidence e -> "#" + e.number() + " " + e.originalName() + " (" + String.format("%,d", e.size()) + " bytes, "
                    + e.sha256().substring(0, 12) + "…)";
            case CustodyEntry e -> e.sequence() + ". " + UtcTime.minutes(e.at()) + " " + e.actionWord() + ": " + e.details();
            default -> String.valueOf(node);
        };
    }

    /** Reloads the list as the filter says, keeping the selection when the case is still listed. */
    void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        try {
            String words = filter.getText();
            List<Case> cases = words.isBlank() ? workspace.cases(archived.getSelection())
                    : workspace.search(words, archived.getSelection());
            String wanted = status.getText();
            List<Case> shown = cases.stream().filter(c -> wanted.equals(ALL_STATUSES) || c.status().label().equals(wanted))
                    .toList();
            Object[] expanded = viewer.getExpandedElements();
            // a changed case is a new, unequal record: its row is selected again by its id
            Object selected = viewer.getStructuredSelection().getFirstElement();
            viewer.setInput(shown);
            viewer.setExpandedElements(expanded);
            if (selected instanceof Case was) {
                shown.stream().filter(c -> c.id().equals(was.id()) && !c.equals(was)).findFirst()
                        .ifPresent(c -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(c), true));
            }
        } catch (WorkspaceException e) {
            MessageDialog.openError(viewer.getControl().getShell(), "Cases cannot be read", e.getMessage());
        }
    }

    /** The cases listed now, top to bottom. */
    List<Case> listed() {
        List<Case> cases = new ArrayList<>();
        for (TreeItem item : viewer.getTree().getItems()) {
            cases.add((Case) item.getData());
        }
        return cases;
    }

    /**
     * Rows are the same row after a refresh when they name the same thing: a case by its id, a folder by its case, a
     * file by its number, a series by its first file. Compared as records, the Evidence node closed whenever a file
     * was added (a probe run adds dozens), and a case whenever it changed.
     */
    private static final IElementComparer SAME_ROW = new IElementComparer() {
        @Override
        public boolean equals(Object a, Object b) {
            return row(a).equals(row(b));
        }

        @Override
        public int hashCode(Object element) {
            return row(element).hashCode();
        }
    };

    /** What a row names. Tests in a row rather than a pattern switch: this runs as the window first fills. */
    private static Object row(Object node) {
        if (node instanceof Case c) {
            return c.id();
        } else if (node instanceof CaseTree.EvidenceFolder f) {
            return List.of("evidence", f.owner().id());
        } else if (node instanceof CaseTree.CustodyFolder f) {
            return List.of("custody", f.owner().id());
        } else if (node instanceof EvidenceSeries series) {
            return List.of("series", series.first().caseId(), series.first().number());
        } else if (node instanceof Evidence e) {
            return List.of("file", e.caseId(), e.number());
        } else if (node instanceof CustodyEntry e) {
            return List.of("entry", e.caseId(), e.sequence());
        }
        return node;
    }

    /**
     * The case a selected row belongs to: the top of its path, whatever lies under the case (its evidence, a file of
     * it, its custody log). A file chosen under a case left no case selected, and the Case menu's actions off.
     */
    private static Case chosenCase(ITreeSelection chosen) {
        TreePath[] paths = chosen.getPaths();
        return paths.length > 0 && paths[0].getFirstSegment() instanceof Case c ? c : null;
    }

    private void select(Case chosen) {
        if (selection != null) {
            selection.setSelection(chosen);
        }
        if (broker != null && chosen != null) {
            broker.post(CaseEvents.SELECTED, chosen.id());
        }
        if (application != null && chosen != null) {
            application.getContext().set(ProxyscopeModel.SELECTED_CASE, chosen.id());
        }
    }

    /** Follows a case chosen elsewhere (a search result, a timeline entry): its row is selected and shown. */
    @Inject
    @Optional
    void chosenElsewhere(@Named(ProxyscopeModel.SELECTED_CASE) CaseId id) {
        if (viewer == null || viewer.getControl().isDisposed() || id == null) {
            return;
        }
        Object current = viewer.getStructuredSelection().getFirstElement();
        if (current instanceof Case c && c.id().equals(id)) {
            return;
        }
        listed().stream().filter(c -> c.id().equals(id)).findFirst()
                .ifPresent(c -> viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(c), true));
    }

    @Inject
    @Optional
    void caseChanged(@UIEventTopic(CaseEvents.CHANGED) CaseId id) {
        if (viewer != null) {
            refresh();
        }
    }

    private void acceptDroppedFiles() {
        DropTarget target = new DropTarget(viewer.getTree(), DND.DROP_COPY | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = DND.DROP_COPY;
            }

            @Override
            public void dragOver(DropTargetEvent event) {
                event.feedback = DND.FEEDBACK_SELECT | DND.FEEDBACK_SCROLL;
                event.detail = caseAt(event) == null ? DND.DROP_NONE : DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                Case onto = caseAt(event);
                if (onto != null && event.data instanceof String[] files) {
                    addEvidence(onto, java.util.Arrays.stream(files).map(Path::of).toList());
                }
            }
        });
    }

    private static Case caseAt(DropTargetEvent event) {
        if (event.item instanceof TreeItem item) {
            Object node = item.getData();
            return node instanceof Case c ? c : node instanceof CaseTree t ? t.owner() : null;
        }
        return null;
    }

    /** What a drop does: one background job copies and hashes the files into the case. */
    EvidenceImportJob addEvidence(Case onto, List<Path> files) {
        EvidenceImportJob job = new EvidenceImportJob(workspace, onto.id(), files, "dropped onto the Case Explorer",
                sync, broker, viewer.getControl().getShell());
        job.schedule();
        return job;
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
    }

    /** Cases at the top; each opens into its evidence and custody log, read when expanded. */
    private final class Content implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object node) {
            try {
                return switch (node) {
                    case Case c -> new Object[] {new CaseTree.EvidenceFolder(c, workspace.evidence(c.id())),
                            new CaseTree.CustodyFolder(c, workspace.custody(c.id()))};
                    case CaseTree.EvidenceFolder f -> EvidenceSeries.fold(f.items()).toArray();
                    case EvidenceSeries series -> series.items().toArray();
                    case CaseTree.CustodyFolder f -> f.items().toArray();
                    default -> new Object[0];
                };
            } catch (WorkspaceException e) {
                return new Object[] {e.getMessage()};
            }
        }

        @Override
        public Object getParent(Object node) {
            return node instanceof CaseTree t ? t.owner() : null;
        }

        @Override
        public boolean hasChildren(Object node) {
            return node instanceof Case || node instanceof CaseTree.EvidenceFolder f && !f.items().isEmpty()
                    || node instanceof CaseTree.CustodyFolder c && !c.items().isEmpty() || node instanceof EvidenceSeries;
        }
    }
}
