package org.proxyscope.capture.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.HostRecord;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.capture.SessionTimeline;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;

/** The Capture perspective's views on a real display, importing the capture recorded by releng/services/captures.sh. */
class CaptureViewsTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private IEclipseContext context;
    private Path capture;

    @BeforeEach
    void open() throws Exception {
        String dir = System.getenv("PROXYSCOPE_TEST_CAPTURES");
        assumeTrue(dir != null, "no recorded captures (releng/services/captures.sh, run by releng/test.sh)");
        capture = Path.of(dir, "lo.pcapng");
        ws = Workspace.open(tmp.resolve("ws"), "alice");
        shell = Widgets.partShell(display);
        context = Widgets.partContext(ws, shell);
    }

    @AfterEach
    void close() throws Exception {
        if (shell != null) {
            shell.dispose();
            ws.close();
        }
    }

    private <T> T part(Class<T> type) {
        return part(type, Widgets.partShell(display));
    }

    private <T> T part(Class<T> type, Shell s) {
        IEclipseContext child = context.createChild();
        child.set(Composite.class, s);
        return ContextInjectionFactory.make(type, child);
    }

    private static List<String> flowNumbers(List<ProxySession> sessions) {
        return sessions.stream().map(x -> String.valueOf(x.flow().number())).toList();
    }

    /** The Flow column of the first {@code rows} rows of Proxy Findings. */
    private static List<String> flowColumn(Table findings, int rows) {
        return IntStream.range(0, rows).mapToObj(i -> findings.getItem(i).getText(findings.getColumnCount() - 1)).toList();
    }

    /** A host as the Host Inventory's row names it. */
    private static String row(HostRecord h) {
        return h.address() + " " + (h.roles().isEmpty() ? "none recognised" : String.join(", ", h.roles()));
    }

    /** A listing made without -n (Windows' netstat -a) loses sockets: the view says how many and what to ask for. */
    @Test
    void aListingMadeWithoutNumbersSaysWhatItLeftOut() throws Exception {
        Path listing = java.nio.file.Files.writeString(tmp.resolve("netstat-a.txt"), """
                  Proto  Local Address          Foreign Address        State
                  TCP    0.0.0.0:socks          DESKTOP-4711:0         LISTENING
                  TCP    192.168.1.5:3128       mail-relay.example:51234  ESTABLISHED
                  TCP    192.168.1.5:3128       203.0.113.9:51235      ESTABLISHED
                """);
        FlowsPart flows = part(FlowsPart.class);
        ImportCaptureJob job = flows.start(listing);
        job.join();
        flows.show(job.report());
        assertEquals(1, flows.rows());
        assertEquals("2 socket lines left out: they name hosts or services instead of addresses and ports (a listing made without -n;"
                + " ask for netstat -ano or ss -tanp), or cannot be read.", flows.notice());
        assertEquals(org.eclipse.core.runtime.IStatus.WARNING, job.getResult().getSeverity(), job.getResult().getMessage());
    }

    /** A listing's socket on a proxy port names its owner as evidence (it once stood under "Mail through it"). */
    @Test
    void aListedProxyPortNamesItsOwnerAsEvidence() throws Exception {
        Path listing = java.nio.file.Files.writeString(tmp.resolve("netstat-ano.txt"), """
                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                 [wupdate.exe]
                  TCP    [::]:1080              [::]:0                 LISTENING       3120
                  TCP    127.0.0.1:3128         0.0.0.0:0              LISTENING       2200
                  TCP    [2001:db8::5]:1080     [2001:db8::9]:51235    ESTABLISHED     3120
                  TCP    192.168.1.5:49712      198.51.100.25:25       ESTABLISHED     3120
                """);
        FlowsPart flows = part(FlowsPart.class);
        ImportCaptureJob job = flows.start(listing);
        job.join();
        FindingsPart findings = part(FindingsPart.class);
        findings.show(job.report());
        assertEquals(3, findings.rows());
        Table table = Widgets.find(findings.shell(), Table.class, t -> true).get(0);
        // the -b line names the program of the first socket alone; the second, its clients and its mail go by the PID
        assertEquals(List.of("owned by wupdate.exe", "owned by PID 3120; connected from 2001:db8::9; its process connects to port 25"
                + " of 198.51.100.25", "owned by PID 2200; reachable from this machine alone"),
                List.of(findings.evidence(0), findings.evidence(1), findings.evidence(2)));
        assertEquals(List.of("", "", ""), List.of(table.getItem(0).getText(7), table.getItem(1).getText(7), table.getItem(2).getText(7)),
                "no mail through a listing");
        // a listing shows no traffic a role could be known from; the Host Inventory says so rather than leave cells blank
        HostsPart hosts = part(HostsPart.class);
        hosts.show(job.report());
        assertEquals(List.of("192.168.1.5 none recognised", "198.51.100.25 none recognised", "2001:db8::5 none recognised",
                "2001:db8::9 none recognised"), IntStream.range(0, hosts.rows()).mapToObj(hosts::row).toList());
    }

    @Test
    void importingIntoTheSelectedCaseFillsTheFlowsAndKeepsEvidence() throws Exception {
        Case subject = ws.createCase(NewCase.of("Relaying PC", "127.0.0.1", "", "", "high", List.of()));
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        FlowsPart flows = ContextInjectionFactory.make(FlowsPart.class, context);
        ImportCaptureJob job = flows.start(capture);
        job.join();
        CaptureReport report = job.report();
        flows.show(report);
        assertEquals(report.flowCount(), flows.rows());
        assertEquals(report.flowCount() + " of " + report.flowCount() + " flows in lo.pcapng (" + subject.id() + " evidence #1)",
                flows.status());
        assertEquals("", flows.notice(), "a whole capture, read whole, has no notice");
        assertEquals(2, ws.evidence(subject.id()).size());
        assertTrue(ws.custody(subject.id()).stream().anyMatch(e -> e.action() == CustodyAction.CAPTURE_IMPORTED));

        String socks = System.getenv("PROXYSCOPE_TEST_SOCKS_OPEN");
        String port = socks.substring(socks.lastIndexOf(':') + 1);
        flows.filterField().setText("port " + port + " and socks");
        assertEquals(2, flows.rows());
        assertTrue(IntStream.range(0, 2).allMatch(i -> flows.row(i).contains("socks5 127.0.0.1:" + port)),
                flows.row(0) + " / " + flows.row(1));
        flows.filterField().setText("port socks");
        assertEquals(0, flows.rows());
        assertTrue(flows.status().contains("needs a number"), flows.status());
        // a filter half typed reads as an unknown word; its long message must leave room to type on
        shell.setSize(1000, 500);
        flows.filterField().setText("h");
        shell.layout(true, true);
        assertTrue(flows.status().startsWith("Unknown word"), flows.status());
        assertTrue(flows.filterField().getSize().x >= 300, "the filter field keeps " + flows.filterField().getSize().x + " px");

        // with a row selected, a filter that matches nothing empties the table without an error (GTK asks
        // for the selected row's data as the rows go, which once raised an error dialog that took the keys typed)
        shell.open();
        flows.filterField().setText("");
        flows.reveal(report.flows().get(0));
        org.proxyscope.app.ui.tests.support.Widgets.spinUntil(display, () -> flows.row(0).startsWith("1 "), "the first row drawn");
        flows.filterField().setText("p");
        assertEquals(0, flows.rows());
        flows.filterField().setText("");

        // a finding outside the filter: revealing it clears the filter and selects its row
        ProxySession refused = report.sessions().stream().filter(s -> s.outcome() == ProxySession.Outcome.REFUSED).findFirst().orElseThrow();
        flows.reveal(refused.flow());
        assertEquals("", flows.filterField().getText());
        assertEquals(report.flowCount(), flows.rows());
    }

    /** Coming back to a case: selecting it shows its latest capture again, read from the stored copy. */
    @Test
    void selectingACaseReadsItsCaptureAgainAndAddsNothing() throws Exception {
        Case subject = ws.createCase(NewCase.of("Relaying PC", "127.0.0.1", "", "", "high", List.of()));
        org.proxyscope.capture.CaptureEvidence.keep(ws, subject.id(), capture, new org.proxyscope.capture.CaptureImporter(),
                org.proxyscope.core.Progress.NONE);
        int evidence = ws.evidence(subject.id()).size();
        int custody = ws.custody(subject.id()).size();
        FlowsPart flows = ContextInjectionFactory.make(FlowsPart.class, context);
        assertEquals("No capture read yet", flows.status());
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        assertEquals("No capture read yet", flows.status(), "a hidden view reads nothing");
        shell.open();
        org.proxyscope.app.ui.tests.support.Widgets.spinUntil(display, () -> flows.status().startsWith("Reading"),
                "the view, once shown, reads the selected case's capture");
        assertEquals("Reading lo.pcapng (" + subject.id() + " evidence #1)…", flows.status());
        ImportCaptureJob job = flows.openCapture(subject.id());
        job.join();
        flows.show(job.report());
        assertTrue(flows.status().endsWith(" flows in lo.pcapng (" + subject.id() + " evidence #1)"), flows.status());
        assertTrue(flows.rows() > 0);
        assertEquals(ws.storedFile(ws.evidence(subject.id()).get(0)), job.report().file(), "the stored, read-only copy is read");
        assertEquals(ws.evidence(subject.id()).get(0).sha256(), job.report().sha256(), "the report names the stored copy's hash");
        assertEquals(evidence, ws.evidence(subject.id()).size(), "reading again adds no evidence");
        assertEquals(custody, ws.custody(subject.id()).size());

        // a search result naming one of its sessions ("evidence/flow") selects that session's flow
        org.proxyscope.capture.Flow relayed = job.report().sessions().get(job.report().sessions().size() - 1).flow();
        context.set(ProxyscopeModel.REVEAL, new org.proxyscope.app.ui.Reveal(subject.id(), "session", "1/" + relayed.number()));
        assertEquals(relayed, flows.selected());
    }

    /**
     * The address of a client that used the customer's proxy, seen only in their netstat listing, is found by the
     * workspace search (it once found nothing), and so is the program; the result opens the listing at that client's
     * connection.
     */
    @Test
    void aListedClientIsFoundBySearchAndItsResultSelectsItsConnection() throws Exception {
        Path listing = java.nio.file.Files.writeString(tmp.resolve("netstat-ano.txt"), """
                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:1080           0.0.0.0:0              LISTENING       3120
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                  TCP    192.168.1.5:49712      198.51.100.25:25       ESTABLISHED     3120
                  TCP    192.168.1.5:8080       203.0.113.7:51230      ESTABLISHED     3120
                  TCP    192.168.1.5:8080       203.0.113.9:51235      ESTABLISHED     3120
                """);
        Case subject = ws.createCase(NewCase.of("Customer's listing", "203.0.113.50", "", "", "high", List.of()));
        org.proxyscope.capture.CaptureEvidence.keep(ws, subject.id(), listing, new org.proxyscope.capture.CaptureImporter(),
                org.proxyscope.core.Progress.NONE);
        List<org.proxyscope.core.model.CustodyEntry> custody = ws.custody(subject.id());
        assertTrue(custody.stream().anyMatch(e -> e.action() == CustodyAction.CAPTURE_IMPORTED
                && e.details().equals("evidence #1 (netstat listing, 3 connections, 2 sockets on proxy ports)")), custody::toString);
        List<org.proxyscope.core.model.SearchHit> hits = ws.searchEverything("203.0.113.9", java.util.Optional.empty(), 10);
        assertEquals(List.of("listed socket 1/2: 0.0.0.0:8080 listening, PID 3120"),
                hits.stream().map(h -> h.place() + ": " + h.title()).toList());
        assertEquals(2, ws.searchEverything("3120", java.util.Optional.of(subject.id()), 10).stream()
                .filter(h -> h.kind().equals("socket")).count(), "the program's two sockets");
        assertEquals(2, ws.searchEverything("198.51.100.25", java.util.Optional.empty(), 10).stream()
                .filter(h -> h.kind().equals("socket")).count(), "the mail server the program reached, with each of its sockets");

        FlowsPart flows = ContextInjectionFactory.make(FlowsPart.class, context);
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ImportCaptureJob job = flows.openCapture(subject.id());
        job.join();
        flows.show(job.report());
        org.proxyscope.core.model.SearchHit hit = hits.get(0);
        context.set(ProxyscopeModel.REVEAL, new org.proxyscope.app.ui.Reveal(hit.caseId(), hit.kind(), hit.ref()));
        assertEquals("203.0.113.7:51230", flows.selected().client().toString(), "without an address, the socket's first client's connection");
        // the search opens a socket's result at the address searched for ("1/2@203.0.113.9"): the client's or mail server's connection
        context.set(ProxyscopeModel.REVEAL, new org.proxyscope.app.ui.Reveal(hit.caseId(), hit.kind(), hit.ref() + "@203.0.113.9"));
        assertEquals("203.0.113.9:51235", flows.selected().client().toString(), "the client searched for");
        context.set(ProxyscopeModel.REVEAL, new org.proxyscope.app.ui.Reveal(hit.caseId(), hit.kind(), "1/1@198.51.100.25"));
        assertEquals("198.51.100.25:25", flows.selected().server().toString(), "the mail server searched for");
        context.set(ProxyscopeModel.REVEAL, new org.proxyscope.app.ui.Reveal(hit.caseId(), hit.kind(), "1/2@192.0.2.99"));
        assertEquals("203.0.113.7:51230", flows.selected().client().toString(), "an address the socket has no connection with");

        // Analyse Again: the case's capture shown, analysed again from its stored copy and kept, the custody log says so
        org.eclipse.swt.widgets.Button again = Widgets.find(shell, org.eclipse.swt.widgets.Button.class,
                b -> b.getText().equals("Analyse Again")).get(0);
        assertTrue(again.isEnabled(), "a case's capture is shown");
        ImportCaptureJob analysed = flows.analyseAgain();
        analysed.join();
        assertTrue(analysed.getResult().isOK(), analysed.getResult().getMessage());
        flows.show(analysed.report());
        assertEquals("3 of 3 flows in netstat-ano.txt (" + subject.id() + " evidence #1)", flows.status());
        assertTrue(ws.custody(subject.id()).stream().anyMatch(e -> e.action() == CustodyAction.CAPTURE_REANALYSED),
                "the custody log records the analysis");
        flows.show(new org.proxyscope.capture.CaptureImporter().read(listing, org.proxyscope.core.Progress.NONE));
        assertFalse(again.isEnabled(), "a file read outside any case has nothing kept to analyse again");
        assertEquals(org.proxyscope.app.ui.ProxyscopeModel.PERSPECTIVE_CAPTURE,
                new org.proxyscope.app.ui.Reveal(hit.caseId(), hit.kind(), hit.ref()).perspective());
    }

    @Test
    void findingsHostsAndTheFollowedStream() throws Exception {
        CaptureReport report = new org.proxyscope.capture.CaptureImporter().read(capture, org.proxyscope.core.Progress.NONE);
        FindingsPart findings = part(FindingsPart.class);
        findings.show(report);
        assertTrue(findings.rows() >= report.sessions().size());
        assertTrue(IntStream.range(0, findings.rows()).mapToObj(findings::row).anyMatch(r -> r.startsWith("unverified http-connect")));
        // each session says why: the fake proxy's 200 brought nothing back from the destination
        assertTrue(IntStream.range(0, findings.rows()).anyMatch(i -> findings.row(i).startsWith("unverified http-connect")
                && findings.evidence(i).equals("a 200 to CONNECT from the proxy, and nothing came from the destination")));
        // the relayed sessions lead, then the unverified, then the refused, each in the capture's order
        Table findingsTable = Widgets.find(findings.shell(), Table.class, t -> true).get(0);
        List<ProxySession.Outcome> weightiestFirst = List.of(ProxySession.Outcome.ESTABLISHED, ProxySession.Outcome.UNVERIFIED,
                ProxySession.Outcome.REFUSED);
        List<ProxySession> byOutcome = report.sessions().stream()
                .sorted(java.util.Comparator.comparingInt(x -> weightiestFirst.indexOf(x.outcome()))).toList();
        assertEquals(weightiestFirst, byOutcome.stream().map(ProxySession::outcome).distinct().toList(),
                "the recording holds sessions of every outcome");
        assertTrue(!report.sessions().equals(byOutcome), "the recording's own order is another: the test can tell them apart");
        assertEquals(flowNumbers(byOutcome), flowColumn(findingsTable, byOutcome.size()));
        // a click on "Flow" gives the capture's order, a second the reverse
        org.eclipse.swt.widgets.TableColumn flowHeading = findingsTable.getColumn(findingsTable.getColumnCount() - 1);
        flowHeading.notifyListeners(SWT.Selection, new Event());
        List<ProxySession> byFlow = report.sessions().stream().sorted(java.util.Comparator.comparingInt(x -> x.flow().number())).toList();
        assertEquals(flowNumbers(byFlow), flowColumn(findingsTable, byFlow.size()));
        flowHeading.notifyListeners(SWT.Selection, new Event());
        assertEquals(flowNumbers(byFlow).reversed(), flowColumn(findingsTable, byFlow.size()));
        findingsTable.getColumn(0).notifyListeners(SWT.Selection, new Event());
        findings.shell().setSize(1300, 420);
        findings.shell().open();
        org.proxyscope.app.ui.tests.support.Widgets.screenshot(findings.shell(), "proxy-findings");

        Shell hostsShell = Widgets.partShell(display);
        HostsPart hosts = part(HostsPart.class, hostsShell);
        hosts.show(report);
        assertEquals(report.hosts().size(), hosts.rows());
        // rows are filled when shown; each names its host and the roles the traffic gave it. The hosts that relayed
        // lead, then those that only claimed to or refused, each group by address.
        List<String> shown = IntStream.range(0, hosts.rows()).mapToObj(hosts::row).toList();
        assertEquals(report.hosts().stream().sorted(java.util.Comparator.comparingInt(HostRecord::proxyRank)).map(CaptureViewsTest::row)
                .toList(), shown);
        assertTrue(shown.get(0).startsWith("127.0.0.1 ") && shown.get(0).contains("proxy"), shown.get(0));
        // a click on "Host" sorts by address, by number (10.0.0.2 before 10.0.0.10); a second turns it round
        Table hostTable = Widgets.find(hostsShell, Table.class, t -> true).get(0);
        hostTable.getColumn(0).notifyListeners(SWT.Selection, new Event());
        List<String> byAddress = report.hosts().stream().map(CaptureViewsTest::row).toList();
        assertEquals(byAddress, IntStream.range(0, hosts.rows()).mapToObj(hosts::row).toList());
        hostTable.getColumn(0).notifyListeners(SWT.Selection, new Event());
        assertEquals(SWT.DOWN, hostTable.getSortDirection());
        assertEquals(byAddress.reversed(), IntStream.range(0, hosts.rows()).mapToObj(hosts::row).toList());
        // after the sessions come the sockets listening on a proxy port
        long listening = report.listening().stream().filter(org.proxyscope.capture.ListeningSocket::proxyPort).count();
        assertEquals(report.sessions().size() + listening, findings.rows());

        FollowStreamPart stream = part(FollowStreamPart.class);
        stream.imported(report);
        ProxySession mail = report.sessions().stream().filter(ProxySession::carriesSmtp).findFirst().orElseThrow();
        stream.follow(mail.flow());
        stream.reading().join();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!stream.streamText().contains("RCPT TO") && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        assertTrue(stream.streamText().contains("RCPT TO:<alice@victim.test>"), stream.streamText());
        assertTrue(stream.streamText().startsWith("Flow " + mail.flow().number() + ": tcp "), stream.streamText());
    }

    /**
     * A tab brought forward for the first time after a capture was read (the Timeline and Follow Stream
     * behind Proxy Findings) starts from what the Flows view shows, and the stream from the flow last chosen.
     */
    @Test
    void viewsOpenedAfterTheCaptureWasReadShowItAndTheChosenFlow() throws Exception {
        org.eclipse.e4.ui.model.application.MApplication application =
                org.eclipse.e4.ui.model.application.MApplicationFactory.INSTANCE.createApplication();
        application.setContext(context);
        context.set(org.eclipse.e4.ui.model.application.MApplication.class, application);
        CaptureReport report = new org.proxyscope.capture.CaptureImporter().read(capture, org.proxyscope.core.Progress.NONE);
        FlowsPart flows = ContextInjectionFactory.make(FlowsPart.class, context);
        flows.imported(report);
        ProxySession mail = report.sessions().stream().filter(ProxySession::carriesSmtp).findFirst().orElseThrow();
        flows.reveal(mail.flow()); // as a click on its row, or on its finding, announces it

        assertTrue(part(FindingsPart.class).rows() >= report.sessions().size());
        assertEquals(report.hosts().size(), part(HostsPart.class).rows());
        assertEquals(report.sessions().size(),
                part(TimelinePart.class).timeline().buckets().stream().mapToInt(SessionTimeline.Bucket::total).sum());
        FollowStreamPart stream = part(FollowStreamPart.class);
        stream.reading().join();
        org.proxyscope.app.ui.tests.support.Widgets.spinUntil(display, () -> stream.streamText().contains("RCPT TO"),
                "the stream of the chosen flow");
        assertTrue(stream.streamText().startsWith("Flow " + mail.flow().number() + ": tcp "), stream.streamText());
    }

    /**
     * Follow Stream shows the flow chosen last, however long the reads before it take; a capture that can no longer be
     * read is named in the view with what went wrong.
     */
    @Test
    void followStreamShowsTheLastChosenFlowAndSaysWhenItCannotBeRead() throws Exception {
        CaptureReport report = new org.proxyscope.capture.CaptureImporter().read(capture, org.proxyscope.core.Progress.NONE);
        ProxySession mail = report.sessions().stream().filter(ProxySession::carriesSmtp).findFirst().orElseThrow();
        org.proxyscope.capture.Flow other = report.flows().stream().filter(f -> f.number() != mail.flow().number())
                .findFirst().orElseThrow();
        // a capture whose read takes until the test lets it go: since it was read, a named pipe, fed once the later
        // flow shows; what the late read then finds (no capture) must not replace it
        Path slow = java.nio.file.Files.copy(capture, tmp.resolve("slow.pcapng"));
        FollowStreamPart stream = part(FollowStreamPart.class);
        stream.imported(new org.proxyscope.capture.CaptureImporter().read(slow, org.proxyscope.core.Progress.NONE));
        java.nio.file.Files.delete(slow);
        assertEquals(0, new ProcessBuilder("mkfifo", slow.toString()).start().waitFor());
        stream.follow(other);
        org.eclipse.core.runtime.jobs.Job late = stream.reading();
        stream.imported(report);
        stream.follow(mail.flow());
        stream.reading().join();
        Widgets.spinUntil(display, () -> stream.streamText().contains("RCPT TO"), "the stream of the flow chosen last");
        try (java.io.OutputStream feed = java.nio.file.Files.newOutputStream(slow)) {
            feed.write(new byte[] { 1, 2, 3, 4 });
        }
        late.join();
        while (display.readAndDispatch()) {
            // what the late read handed over
        }
        assertTrue(stream.streamText().startsWith("Flow " + mail.flow().number() + ": tcp "), stream.streamText());

        Path replaced = java.nio.file.Files.copy(capture, tmp.resolve("replaced.pcapng"));
        CaptureReport before = new org.proxyscope.capture.CaptureImporter().read(replaced, org.proxyscope.core.Progress.NONE);
        java.nio.file.Files.write(replaced, new byte[] { 1, 2, 3, 4 }); // overwritten since it was read
        stream.imported(before);
        stream.follow(other);
        stream.reading().join();
        Widgets.spinUntil(display, () -> stream.streamText().startsWith("Could not read"), "the failure");
        assertEquals("Could not read flow " + other.number() + " from " + replaced
                + ": replaced.pcapng is no pcap, pcapng, netstat or ss file (it begins 01 02 03 04) (at byte offset 0)",
                stream.streamText());
    }

    /**
     * The timeline counts every timed session of the recording once, in round buckets; pointing at the
     * busiest bar names its time and counts, and a click announces that bucket's first session's flow, as
     * a click on a finding does.
     */
    @Test
    void theTimelineCountsEverySessionAndAClickShowsItsFlow() throws Exception {
        CaptureReport report = new org.proxyscope.capture.CaptureImporter().read(capture, org.proxyscope.core.Progress.NONE);
        List<Object> announced = new ArrayList<>();
        context.set(IEventBroker.class, new PostedEvents(CaptureEvents.FLOW_SELECTED, announced));
        shell.setSize(900, 300);
        shell.open();
        TimelinePart timeline = ContextInjectionFactory.make(TimelinePart.class, context);
        shell.layout(true, true);
        timeline.show(report);
        SessionTimeline t = timeline.timeline();
        assertEquals(report.sessions().size(), t.buckets().stream().mapToInt(SessionTimeline.Bucket::total).sum());
        int busiest = IntStream.range(0, t.buckets().size())
                .reduce((a, b) -> t.buckets().get(a).total() >= t.buckets().get(b).total() ? a : b).orElseThrow();
        assertTrue(timeline.describe(busiest).matches(
                "(\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})? UTC \\+ \\d+ (ms|s|min|h): \\d+ sessions? \\(.*\\)"),
                timeline.describe(busiest));
        assertEquals(busiest, timeline.bucketAt(timeline.centreOf(busiest).x, timeline.centreOf(busiest).y));
        timeline.click(busiest);
        assertEquals(List.of(t.buckets().get(busiest).sessions().get(0).flow()), announced);
        org.proxyscope.app.ui.tests.support.Widgets.screenshot(shell, "sessions-timeline");
    }

    /** The event broker's part this test needs: what was posted on one topic. */
    private record PostedEvents(String topic, List<Object> posted) implements IEventBroker {
        @Override
        public boolean send(String t, Object data) {
            return post(t, data);
        }

        @Override
        public boolean post(String t, Object data) {
            if (topic.equals(t)) {
                posted.add(data);
            }
            return true;
        }

        @Override
        public boolean subscribe(String t, org.osgi.service.event.EventHandler handler) {
            return false;
        }

        @Override
        public boolean subscribe(String t, String filter, org.osgi.service.event.EventHandler handler, boolean headers) {
            return false;
        }

        @Override
        public boolean unsubscribe(org.osgi.service.event.EventHandler handler) {
            return false;
        }
    }
}
