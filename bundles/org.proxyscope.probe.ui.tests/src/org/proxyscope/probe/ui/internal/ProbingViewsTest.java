package org.proxyscope.probe.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.Reveal;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.probe.ProbeCatalog;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.Verdict;

/** The Probe Launcher and Probe Results on a real display, probing the open microsocks on loopback. */
class ProbingViewsTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private IEclipseContext context;
    private Case subject;
    private String socksPort;

    @BeforeEach
    void open() throws Exception {
        String socks = System.getenv("PROXYSCOPE_TEST_SOCKS_OPEN");
        socksPort = socks == null ? "21080" : socks.substring(socks.lastIndexOf(':') + 1);
        ws = Workspace.open(tmp.resolve("ws"), "alice");
        subject = ws.createCase(NewCase.of("SOCKS on the test line", "127.0.0.1", "127.0.0.1:" + socksPort, "", "high", List.of()));
        shell = Widgets.partShell(display);
        context = Widgets.partContext(ws, shell);
        context.set(ProbeCatalog.class, ProbeCatalog.current());
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        ws.close();
        CanaryPreferences.node().clear();
    }

    private static Text field(Composite root, String label) {
        List<Control> children = List.of(Widgets.one(root, Label.class, l -> l.getText().equals(label)).getParent().getChildren());
        for (int i = 0; i < children.size() - 1; i++) {
            if (children.get(i) instanceof Label l && l.getText().equals(label)) {
                return (Text) children.get(i + 1);
            }
        }
        throw new AssertionError("no field after " + label);
    }

    @Test
    void thePreferencePageRefusesContradictoryCanarySettings() throws Exception {
        CanaryPreferencePage page = new CanaryPreferencePage();
        page.setPreferenceStore(new PreferenceStore());
        page.createControl(shell);
        field(shell, "External canary &URL (http://...):").setText("http://canary.example.net/c.txt");
        assertFalse(page.isValid());
        assertEquals("The external canary URL needs the text it returns, to recognise it when it comes back", page.getErrorMessage());
        field(shell, "&Text the external URL returns:").setText("known text 42");
        assertTrue(page.isValid(), page.getErrorMessage());
        field(shell, "Canary &mail domain:").setText("canary.test");
        assertFalse(page.isValid());
        assertTrue(page.getErrorMessage().startsWith("The external canary URL replaces Proxyscope's own listeners"), page.getErrorMessage());
        shell.setSize(760, 360);
        shell.open();
        Widgets.screenshot(shell, "canary-preferences");
        page.dispose();
    }

    /**
     * As an analyst would: the canary's mail domain and SMTP address set in the preferences, a case scoped to
     * the real exim open relay, Run Probe in the launcher; the SMTP canary receives the relayed message.
     */
    @Test
    void theLauncherUsesTheCanaryPreferencesForAMailRelayRun() throws Exception {
        String relay = System.getenv("PROXYSCOPE_TEST_RELAY_OPEN");
        String smtpCanary = System.getenv("PROXYSCOPE_TEST_SMTP_CANARY");
        assumeTrue(relay != null && smtpCanary != null, "the real servers are not running");
        String relayPort = relay.substring(relay.lastIndexOf(':') + 1);
        CanaryPreferences.node().put(CanaryPreferences.LISTEN, "127.0.0.1:0");
        CanaryPreferences.node().put(CanaryPreferences.DOMAIN, "canary.test");
        CanaryPreferences.node().put(CanaryPreferences.SMTP_LISTEN, smtpCanary);
        Case mail = ws.createCase(NewCase.of("Mail relay on the test line", "127.0.0.1", "127.0.0.1:" + relayPort, "", "high", List.of()));
        context.set(ProxyscopeModel.SELECTED_CASE, mail.id());
        ProbeLauncherPart launcher = ContextInjectionFactory.make(ProbeLauncherPart.class, context);
        assertEquals("Proxyscope's own, on 127.0.0.1:0; mail for canary.test on " + smtpCanary, launcher.canaryText());
        shell.setSize(520, 560);
        shell.open();
        Widgets.screenshot(shell, "probe-launcher");
        assertEquals(relayPort, field(shell, "&Ports:").getText());
        for (Button box : Widgets.find(shell, Button.class, b -> (b.getStyle() & SWT.CHECK) != 0)) {
            box.setSelection(box.getText().equals("smtp-relay"));
        }
        ProbeJob job = launcher.start();
        assertNotNull(job, launcher.problem());
        job.join();
        ProbeRun.Recorded f = job.result().findings().get(0);
        assertEquals("smtp-relay", f.protocol());
        assertEquals(Verdict.OPEN, f.verdict(), f.detail());
        assertTrue(f.proof().isPresent());
        assertTrue(f.proof().get().token().startsWith("pxc-"), f.proof().get().token());
    }

    @Test
    void theLauncherFollowsTheSelectedCaseAndRefusesPortsOutsideItsScope() {
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ProbeLauncherPart launcher = ContextInjectionFactory.make(ProbeLauncherPart.class, context);
        assertTrue(Widgets.visibleText(shell).contains(subject.id() + "  SOCKS on the test line"), Widgets.visibleText(shell));
        assertEquals(socksPort, field(shell, "&Ports:").getText(), "the ports the case's scope names are proposed");
        field(shell, "&Ports:").setText(socksPort + ",3128");
        assertNull(launcher.start());
        assertEquals("Not probing 127.0.0.1: port 3128 lies outside the authorised scope (127.0.0.1:" + socksPort + ")",
                launcher.problem());
    }

    /** A scope edited away from the target permits nothing: said at once, not as a port list "" after Run Probe. */
    @Test
    void aScopeWithoutTheTargetDisablesTheRunAndSaysWhy() throws Exception {
        Case moved = ws.editCase(subject.id(), NewCase.of(subject.title(), "127.0.0.1", "10.0.0.1:1080", "", "high", List.of()));
        context.set(ProxyscopeModel.SELECTED_CASE, moved.id());
        ProbeLauncherPart launcher = ContextInjectionFactory.make(ProbeLauncherPart.class, context);
        Button run = Widgets.one(shell, Button.class, b -> b.getText().equals("&Run Probe"));
        assertFalse(run.isEnabled());
        assertEquals("The case's scope (10.0.0.1:1080) permits no port of its target 127.0.0.1, so nothing can be probed."
                + " Edit the case in the Case Overview to change its scope.", launcher.problem());

        context.set(ProxyscopeModel.SELECTED_CASE, ws.createCase(NewCase.of("In scope", "127.0.0.1", "127.0.0.1:" + socksPort, "",
                "high", List.of())).id());
        assertTrue(run.isEnabled(), "another case's scope permits its target again");
        assertEquals("", launcher.problem());
    }

    @Test
    void aRunFromTheLauncherFillsTheResultsAndKeepsEvidence() throws Exception {
        assumeTrue(System.getenv("PROXYSCOPE_TEST_SOCKS_OPEN") != null, "the real proxies are not running");
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ProbeLauncherPart launcher = ContextInjectionFactory.make(ProbeLauncherPart.class, context);
        ProbeJob job = launcher.start();
        job.join();
        assertEquals("open-proxy", job.result().verdict());
        assertTrue(ws.evidence(subject.id()).size() >= 1);
        assertEquals(CustodyAction.PROBE_RUN, ws.custody(subject.id()).get(ws.custody(subject.id()).size() - 1).action());

        // The results view reads the run back from the workspace, as after a restart
        Shell resultsShell = Widgets.partShell(display);
        IEclipseContext child = context.createChild("results");
        child.set(Composite.class, resultsShell);
        ProbeResultsPart results = ContextInjectionFactory.make(ProbeResultsPart.class, child);
        List<String> rows = java.util.stream.IntStream.range(0, results.rows()).mapToObj(results::row).toList();
        assertEquals(socksPort + " socks5 open", rows.get(0), "proven relays lead the table: " + rows);
        assertTrue(results.headline().startsWith("127.0.0.1: open proxy: SOCKS5 on " + socksPort
                + " (SOCKS proxy), proven by the canary  (run 1 by "), results.headline());
        Table table = Widgets.find(resultsShell, Table.class, t -> true).get(0);
        assertEquals("SOCKS proxy", table.getItem(0).getText(3), "the Service column names what answered");
        // a click on a heading sorts by it, a second turns the order round; the folded lines stay last
        TableColumn protocol = java.util.Arrays.stream(table.getColumns()).filter(c -> c.getText().equals("Protocol"))
                .findFirst().orElseThrow();
        protocol.notifyListeners(SWT.Selection, new Event());
        assertEquals(protocol, table.getSortColumn());
        List<String> up = protocols(table);
        assertEquals(up.stream().sorted().toList(), up);
        protocol.notifyListeners(SWT.Selection, new Event());
        assertEquals(SWT.DOWN, table.getSortDirection());
        assertEquals(up.reversed(), protocols(table));
        table.getColumn(2).notifyListeners(SWT.Selection, new Event());
        assertEquals(socksPort + " socks5 open", results.row(0), "by verdict, proven relays first again");
        results.selectRow(0);
        assertTrue(results.transcript().startsWith("Kept as " + subject.id() + " evidence #"), results.transcript());
        assertTrue(results.transcript().contains("proof for token pxc-"), results.transcript());
        resultsShell.setSize(900, 500);
        resultsShell.open();
        Widgets.screenshot(resultsShell, "probe-results-kept-run");

        // a search result naming the proven finding ("run/position") selects it, with its transcript
        SearchHit proven = ws.searchEverything("socks5", java.util.Optional.of(subject.id()), 50).stream()
                .filter(h -> h.kind().equals("finding") && h.title().startsWith("socks5 on ") && h.title().endsWith(", open"))
                .findFirst().orElseThrow();
        results.selectRow(1);
        child.set(ProxyscopeModel.REVEAL, new Reveal(subject.id(), "finding", proven.ref()));
        assertEquals(0, results.selectedRow());
        assertTrue(results.transcript().contains("proof for token pxc-"), results.transcript());
        resultsShell.dispose();
    }

    /** The protocols of the rows that are findings, in the table's order (the folded lines carry no finding). */
    private static List<String> protocols(Table table) {
        return java.util.Arrays.stream(table.getItems()).filter(i -> i.getData() != null).map(i -> i.getText(1)).toList();
    }

    @Test
    void theResultsSayWhenACaseHasNoRunsYet() {
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ProbeResultsPart results = ContextInjectionFactory.make(ProbeResultsPart.class, context);
        assertEquals(subject.id() + " has no probe runs yet: run one from the Probe Launcher.", results.headline());
        assertEquals(0, results.rows());
    }
}
