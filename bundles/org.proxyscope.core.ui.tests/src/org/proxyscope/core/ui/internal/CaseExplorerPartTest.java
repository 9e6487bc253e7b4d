package org.proxyscope.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.tests.support.DisplaySync;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.NewCase;

/** The Case Explorer on a real display, over a real workspace, created by e4 injection as the workbench does. */
class CaseExplorerPartTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private CaseExplorerPart part;
    private Case socks;
    private Case relay;
    private Case connect;

    @BeforeEach
    void openExplorer() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "alice");
        socks = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "", "CUST-1", "high", List.of("socks")));
        relay = ws.createCase(NewCase.of("SMTP open relay", "mail.example.net", "", "", "", List.of("smtp")));
        connect = ws.createCase(NewCase.of("HTTP CONNECT on 8080", "2001:db8::7", "", "", "", List.of()));
        shell = Widgets.partShell(display);
        shell.setSize(900, 500);
        IEclipseContext context = Widgets.partContext(ws, shell);
        context.set(UISynchronize.class, new DisplaySync(display));
        part = ContextInjectionFactory.make(CaseExplorerPart.class, context);
        shell.open();
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        ws.close();
    }

    private Text filter() {
        return one(shell, Text.class, t -> (t.getStyle() & SWT.SEARCH) != 0);
    }

    @Test
    void listsCasesNewestFirst() {
        assertEquals(List.of(connect.id(), relay.id(), socks.id()), part.listed().stream().map(Case::id).toList());
        Tree tree = one(shell, Tree.class, t -> true);
        assertEquals("HTTP CONNECT on 8080", tree.getItem(0).getText(1));
        assertEquals("2001:db8::7", tree.getItem(0).getText(2));
        assertEquals("New", tree.getItem(0).getText(3));
    }

    @Test
    void typingFiltersByWordsAndTheComboByStatus() throws Exception {
        filter().setText("relay");
        assertEquals(List.of(relay.id()), part.listed().stream().map(Case::id).toList());
        filter().setText("");
        ws.changeStatus(socks.id(), CaseStatus.INVESTIGATING, "probing");
        part.refresh();
        Combo status = one(shell, Combo.class, c -> true);
        status.select(status.indexOf("Investigating"));
        status.notifyListeners(SWT.Selection, null);
        assertEquals(List.of(socks.id()), part.listed().stream().map(Case::id).toList());
    }

    @Test
    void aCaseAnotherProcessChangedStaysSelectedWithItsNewStatus() throws Exception {
        part.chosenElsewhere(socks.id());
        try (Workspace other = Workspace.open(tmp.resolve("ws"), "bob")) {
            other.changeStatus(socks.id(), CaseStatus.INVESTIGATING, "the customer called");
        }
        part.caseChanged(socks.id()); // as the workbench posts it when it notices the change
        Tree tree = one(shell, Tree.class, t -> true);
        assertEquals(1, tree.getSelectionCount());
        assertEquals(socks.id().toString(), tree.getSelection()[0].getText(0));
        assertEquals("Investigating", tree.getSelection()[0].getText(3));
    }

    @Test
    void archivedCasesShowOnlyWhenAskedFor() throws Exception {
        ws.archive(relay.id(), true, "duplicate");
        part.refresh();
        assertEquals(2, part.listed().size());
        Widgets.click(Widgets.button(shell, "Archived"));
        assertEquals(3, part.listed().size());
        Tree tree = one(shell, Tree.class, t -> true);
        assertEquals("New (archived)", tree.getItem(1).getText(3));
    }

    @Test
    void aCaseOpensIntoEvidenceAndCustodyLog() throws Exception {
        ws.addEvidence(socks.id(), Files.writeString(tmp.resolve("netstat.txt"), "LISTEN 1080"), "", org.proxyscope.core.Progress.NONE);
        part.refresh();
        Tree tree = one(shell, Tree.class, t -> true);
        TreeItem item = opened(tree, tree.getItem(2));
        assertEquals(2, item.getItemCount());
        assertEquals("Evidence (1)", item.getItem(0).getText());
        assertEquals("Custody log (2)", item.getItem(1).getText());
    }

    /**
     * The first column, as wide as a case's id, widens to show the rows opened under a case (up to two thirds of the
     * tree), and keeps a width the analyst gave it.
     */
    @Test
    void theFirstColumnWidensToShowWhatOpens() throws Exception {
        ws.addEvidence(socks.id(), Files.writeString(tmp.resolve("customer-pc-netstat-2026-12-07.txt"), "LISTEN 1080"), "",
                org.proxyscope.core.Progress.NONE);
        part.refresh();
        Tree tree = one(shell, Tree.class, t -> true);
        org.eclipse.swt.widgets.TreeColumn first = tree.getColumn(0);
        int narrow = first.getWidth();
        TreeItem file = opened(tree, opened(tree, tree.getItem(2)).getItem(0)).getItem(0);
        int needed = wholeWidth(tree, file);
        Widgets.spinUntil(display, () -> first.getWidth() >= needed, "the file's row shown whole: " + file.getText());
        assertTrue(first.getWidth() > narrow && first.getWidth() <= tree.getClientArea().width * 2 / 3, first.getWidth() + " px");

        first.setWidth(tree.getClientArea().width * 3 / 4); // the analyst's own width
        int chosen = first.getWidth();
        opened(tree, tree.getItem(2).getItem(1));
        boolean[] after = {false};
        display.asyncExec(() -> after[0] = true); // runs after the part's own, posted as the row opened
        Widgets.spinUntil(display, () -> after[0], "the opened row handled");
        assertEquals(chosen, first.getWidth(), "opening the custody log keeps the analyst's width");
    }

    /** Rows cut in a narrow view show whole once the view is made wider (maximised). */
    @Test
    void theFirstColumnWidensWithTheView() throws Exception {
        ws.addEvidence(socks.id(), Files.writeString(tmp.resolve("customer-pc-netstat-2026-12-07-after-the-reinstall.txt"), "LISTEN 1080"),
                "", org.proxyscope.core.Progress.NONE);
        shell.setSize(420, 500);
        part.refresh();
        Tree tree = one(shell, Tree.class, t -> true);
        TreeItem file = opened(tree, opened(tree, tree.getItem(2)).getItem(0)).getItem(0);
        org.eclipse.swt.widgets.TreeColumn first = tree.getColumn(0);
        Widgets.spinUntil(display, () -> first.getWidth() > 150, "the column widened as the rows opened");
        int narrow = first.getWidth();
        assertTrue(narrow <= tree.getClientArea().width * 2 / 3, narrow + " px in a narrow view");
        shell.setSize(1300, 500);
        int needed = wholeWidth(tree, file);
        Widgets.spinUntil(display, () -> first.getWidth() >= needed, "the file's row shown whole in the wider view");
    }

    /**
     * A cell too narrow for its text (a long title, a custody entry in a narrow view) shows the whole text in a
     * tooltip while the pointer rests on it; a cell that shows all of its text has none.
     */
    @Test
    void aCutCellShowsItsWholeTextWhereThePointerRests() throws Exception {
        String title = "Customer PC relaying spam through an HTTP CONNECT proxy on 8080 since the November reinstall";
        Case cut = ws.createCase(NewCase.of(title, "198.51.100.44", "", "", "", List.of()));
        part.refresh();
        Tree tree = one(shell, Tree.class, t -> true);
        TreeItem row = tree.getItem(0);
        assertEquals(cut.id().toString(), row.getText(0));
        org.eclipse.swt.graphics.Rectangle titleCell = row.getBounds(1);
        org.eclipse.swt.graphics.Rectangle idCell = row.getBounds(0);
        org.eclipse.swt.graphics.Point onTitle = new org.eclipse.swt.graphics.Point(titleCell.x + 5, titleCell.y + titleCell.height / 2);
        Widgets.spinUntil(display, () -> tree.getItem(onTitle) != null, "the rows laid out");
        assertEquals(title, org.proxyscope.app.ui.Tables.cutText(tree, titleCell.x + 5, titleCell.y + titleCell.height / 2));
        assertEquals(null, org.proxyscope.app.ui.Tables.cutText(tree, idCell.x + 5, idCell.y + idCell.height / 2), "the id shows whole");

        // the pointer resting on the title: a tip with the whole title
        org.eclipse.swt.widgets.Event hover = new org.eclipse.swt.widgets.Event();
        hover.x = titleCell.x + 5;
        hover.y = titleCell.y + titleCell.height / 2;
        tree.notifyListeners(SWT.MouseHover, hover);
        Widgets.spinUntil(display, () -> java.util.Arrays.stream(display.getShells())
                .anyMatch(s -> s != shell && s.isVisible() && Widgets.visibleText(s).contains(title)), "a tip with the whole title");
    }

    /** A probe run's transcripts are one node under Evidence, which opens to each. */
    @Test
    void aProbeRunsTranscriptsAreOneNodeUnderEvidence() throws Exception {
        for (String protocol : List.of("socks4", "socks5")) {
            ws.addEvidence(socks.id(), "192.0.2.7-1080-" + protocol + ".txt", "probe transcript, " + protocol + " on port 1080",
                    out -> out.write(protocol.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        ws.addEvidence(socks.id(), Files.writeString(tmp.resolve("netstat.txt"), "LISTEN 1080"), "", org.proxyscope.core.Progress.NONE);
        part.refresh();
        Tree tree = one(shell, Tree.class, t -> true);
        TreeItem evidence = opened(tree, opened(tree, tree.getItem(2)).getItem(0));
        assertEquals(List.of("probe transcript: 2 files (#1–2, 12 bytes)", "#3 netstat.txt (11 bytes, " + ws.evidence(socks.id()).get(2)
                .sha256().substring(0, 12) + "…)"), java.util.Arrays.stream(evidence.getItems()).map(TreeItem::getText).toList());
        TreeItem series = opened(tree, evidence.getItem(0));
        assertEquals(List.of("#1 192.0.2.7-1080-socks4.txt", "#2 192.0.2.7-1080-socks5.txt"),
                java.util.Arrays.stream(series.getItems()).map(i -> i.getText().substring(0, i.getText().indexOf(" ("))).toList());

        // a file chosen under a case keeps that case the workbench's selected one, as the Case menu's actions need
        org.eclipse.e4.ui.model.application.MApplication application =
                org.eclipse.e4.ui.model.application.MApplicationFactory.INSTANCE.createApplication();
        application.setContext(org.eclipse.e4.core.contexts.EclipseContextFactory.create());
        part.application = application;
        choose(tree, tree.getItem(0));
        assertEquals(connect.id(), application.getContext().get(org.proxyscope.app.ui.ProxyscopeModel.SELECTED_CASE));
        choose(tree, series.getItem(1));
        assertEquals(socks.id(), application.getContext().get(org.proxyscope.app.ui.ProxyscopeModel.SELECTED_CASE));

        // as the run goes on and the case changes, what the analyst opened stays open, and the file chosen stays chosen
        ws.addEvidence(socks.id(), "192.0.2.7-1080-wingate.txt", "probe transcript, wingate on port 1080",
                out -> out.write("wingate".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ws.changeStatus(socks.id(), CaseStatus.INVESTIGATING, "probing");
        part.refresh();
        TreeItem caseRow = tree.getItem(2);
        assertTrue(caseRow.getExpanded() && caseRow.getItem(0).getExpanded(), "the case and its Evidence stay open");
        assertEquals(3, caseRow.getItem(0).getItemCount(), "the series, netstat.txt and the new transcript");
        TreeItem kept = caseRow.getItem(0).getItem(0);
        assertTrue(kept.getExpanded(), "the series stays open");
        assertEquals(List.of(kept.getItem(1)), List.of(tree.getSelection()));
    }

    /** How wide the first column must be to show {@code item}'s row whole: its indent and its text. */
    private static int wholeWidth(Tree tree, TreeItem item) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(tree);
        try {
            return item.getBounds(0).x + gc.textExtent(item.getText()).x;
        } finally {
            gc.dispose();
        }
    }

    /** Selects {@code item} as a click on it does. */
    private static void choose(Tree tree, TreeItem item) {
        tree.setSelection(item);
        tree.notifyListeners(SWT.Selection, eventFor(item));
    }

    /** Opens {@code item} as a click on its arrow does, once its children are shown. */
    private TreeItem opened(Tree tree, TreeItem item) {
        item.setExpanded(true);
        tree.notifyListeners(SWT.Expand, eventFor(item));
        Widgets.spinUntil(display, () -> item.getItemCount() > 0 && !item.getItem(0).getText().isEmpty(), "children shown");
        return item;
    }

    private static org.eclipse.swt.widgets.Event eventFor(TreeItem item) {
        org.eclipse.swt.widgets.Event e = new org.eclipse.swt.widgets.Event();
        e.item = item;
        return e;
    }

    @Test
    void droppedFilesBecomeEvidenceInTheBackground() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.pcap"), "first");
        Path missing = tmp.resolve("gone.pcap");
        EvidenceImportJob job = part.addEvidence(socks, List.of(a, missing));
        job.join();
        assertEquals(1, ws.evidence(socks.id()).size());
        assertEquals("dropped onto the Case Explorer", ws.evidence(socks.id()).get(0).source());
        assertEquals(List.of("There is no file " + missing), job.problems());
        // the analyst is told: a modal error dialog opens on the UI thread; close it from inside its loop
        boolean[] told = {false};
        display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                for (Shell open : display.getShells()) {
                    if ("Evidence not added".equals(open.getText())) {
                        told[0] = Widgets.visibleText(open).contains("There is no file " + missing);
                        open.close();
                        return;
                    }
                }
                display.timerExec(50, this);
            }
        });
        Widgets.spinUntil(display, () -> told[0], "the error dialog names the missing file");
    }
}
