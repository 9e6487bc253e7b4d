package org.proxyscope.notes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.notes.Notes;

/** The Search and Case Timeline views on a real display, over a real workspace: typed queries, bad ones, filters, opening a row. */
class SearchAndTimelineViewsTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private IEclipseContext context;
    private Case socks;
    private Case squid;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "alice");
        socks = ws.createCase(NewCase.of("SOCKS on the line", "192.0.2.7", "", "KUNDE-4711", "high", List.of()));
        squid = ws.createCase(NewCase.of("Squid left open", "198.51.100.20", "", "KUNDE-0815", "medium", List.of()));
        Notes notes = Notes.of(ws);
        notes.add(socks.id(), "Call with the customer", "The PC at 192.0.2.7 runs a SOCKS proxy on 1080; a trojan put it there.", List.of(), true);
        notes.add(squid.id(), "Squid", "Squid 3128 answers CONNECT for anybody; relays spam to 203.0.113.25.", List.of(), false);
        ws.addEvidence(socks.id(), Files.writeString(tmp.resolve("netstat-192.0.2.7.txt"), "tcp 0.0.0.0:1080 LISTEN"), "customer PC",
                Progress.NONE);
        ws.changeStatus(socks.id(), CaseStatus.INVESTIGATING, "probing next");
        shell = Widgets.partShell(display);
        context = Widgets.partContext(ws, shell);
        MApplication application = MApplicationFactory.INSTANCE.createApplication();
        application.setContext(context);
        context.set(MApplication.class, application);
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        ws.close();
    }

    @Test
    void aTypedQueryListsEveryPlaceAndOpeningOneShowsIt() throws Exception {
        SearchPart search = ContextInjectionFactory.make(SearchPart.class, context);
        shell.setSize(1000, 360);
        shell.open();
        search.queryField().setText("192.0.2.7");
        Widgets.spinUntil(display, () -> search.results().getItemCount() > 0, "the search runs once typing pauses");
        List<String> places = Arrays.stream(search.results().getItems()).map(r -> r.getText(0) + " " + r.getText(1)).sorted().toList();
        assertEquals(List.of(socks.id() + " evidence #1", socks.id() + " note 1", socks.id() + " the case itself"), places);
        assertTrue(search.statusText().startsWith("3 places in 1 case, "), search.statusText());
        search.queryField().setText("spam AND 3128");
        search.queryField().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(1, search.results().getItemCount());
        assertEquals("note 1", search.results().getItem(0).getText(1));
        assertTrue(search.results().getItem(0).getText(3).contains("«spam»"), search.results().getItem(0).getText(3));
        Widgets.screenshot(shell, "search-view");
        search.results().setSelection(0);
        search.results().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(squid.id(), context.get(ProxyscopeModel.SELECTED_CASE), "opening a result selects its case");
        assertEquals(new Reveal(squid.id(), "note", "1"), context.get(ProxyscopeModel.REVEAL));
        search.queryField().setText("\"unbalanced");
        search.queryField().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(0, search.results().getItemCount());
        assertTrue(search.statusText().startsWith("Cannot search for \"unbalanced: "), search.statusText());
    }

    /** A capture's search entry names many sessions; opened after a search for one client, it shows that client's session. */
    @Test
    void aSessionResultOpensTheSessionOfTheAddressSearchedFor() throws Exception {
        Path capture = tmp.resolve("dense.pcap");
        Process maker = new ProcessBuilder("python3", Path.of("../../releng/bench/make-capture.py").toAbsolutePath().toString(), "4",
                capture.toString(), "--dense").inheritIO().start();
        assertEquals(0, maker.waitFor());
        CaptureEvidence.keep(ws, socks.id(), capture, new CaptureImporter(), Progress.NONE);
        KeptCapture kept = CaptureRecords.of(ws).list(socks.id()).get(0);
        KeptCapture.Session client = kept.sessions().stream()
                .filter(x -> x.clientHost().equals("10.0.0.57")).findFirst().orElseThrow();
        SearchPart search = ContextInjectionFactory.make(SearchPart.class, context);
        shell.setSize(1000, 360);
        shell.open();
        search.queryField().setText("10.0.0.57");
        search.queryField().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(1, search.results().getItemCount());
        String title = search.results().getItem(0).getText(2);
        assertTrue(title.startsWith(client.protocol() + " via " + client.proxyHost() + ":" + client.proxyPort() + ", established: "), title);
        search.results().setSelection(0);
        search.results().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(new Reveal(socks.id(), "session", kept.evidence() + "/" + client.flow()), context.get(ProxyscopeModel.REVEAL));
    }

    @Test
    void theTimelineFiltersByKindAndTextAndOpensAnEntry() throws Exception {
        context.set(ProxyscopeModel.SELECTED_CASE, socks.id());
        TimelinePart timeline = ContextInjectionFactory.make(TimelinePart.class, context);
        shell.setSize(1000, 360);
        shell.open();
        List<String> kinds = Arrays.stream(timeline.entriesTable().getItems()).map(r -> r.getText(1)).toList();
        assertTrue(kinds.containsAll(List.of("Custody", "Note")), kinds.toString());
        Widgets.screenshot(shell, "case-timeline");
        timeline.kindFilter().select(4);
        timeline.kindFilter().notifyListeners(SWT.Selection, new Event());
        assertEquals(1, timeline.entriesTable().getItemCount());
        assertTrue(timeline.entriesTable().getItem(0).getText(3).startsWith("Call with the customer (by alice"));
        timeline.kindFilter().select(0);
        timeline.kindFilter().notifyListeners(SWT.Selection, new Event());
        timeline.textFilter().setText("probing next");
        assertEquals(1, timeline.entriesTable().getItemCount(), "the status change, found by its reason");
        timeline.textFilter().setText("");
        timeline.kindFilter().select(4);
        timeline.kindFilter().notifyListeners(SWT.Selection, new Event());
        timeline.entriesTable().setSelection(0);
        timeline.entriesTable().notifyListeners(SWT.DefaultSelection, new Event());
        assertEquals(new Reveal(socks.id(), "note", "1"), context.get(ProxyscopeModel.REVEAL));
        Notes.of(ws).add(socks.id(), "Second call", "Reinstalled", List.of(), false);
        context.set(ProxyscopeModel.SELECTED_CASE, squid.id());
        context.set(ProxyscopeModel.SELECTED_CASE, socks.id());
        assertEquals(2, timeline.entriesTable().getItemCount(), "selecting the case again reads it again");
    }
}
