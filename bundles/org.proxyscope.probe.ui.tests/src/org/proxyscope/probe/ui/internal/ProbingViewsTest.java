package org.proxyscope.probe.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.proxyscope.app.tests.support.Widgets.one;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ProxyscopeModel;
import org.proxyscope.app.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;

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
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        context = EclipseContextFactory.create("test");
        context.set(Workspace.class, ws);
        context.set(Composite.class, shell);
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        ws.close();
    }

    @Test
    void theLauncherFollowsTheSelectedCaseAndRefusesPortsOutsideItsScope() {
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ProbeLauncherPart launcher = ContextInjectionFactory.make(ProbeLauncherPart.class, context);
        assertTrue(Widgets.visibleText(shell).contains(subject.id() + "  SOCKS on the test line"), Widgets.visibleText(shell));
        one(shell, Text.class, t -> t.getText().contains("1080")).setText(socksPort + ",3128");
        assertNull(launcher.start());
        assertEquals("Ports 3128 lie outside the case's authorised scope (127.0.0.1:" + socksPort + ")", launcher.problem());
    }

    @Test
    void aRunFromTheLauncherFillsTheResultsAndKeepsEvidence() throws Exception {
        assumeTrue(System.getenv("PROXYSCOPE_TEST_SOCKS_OPEN") != null, "the real proxies are not running");
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ProbeLauncherPart launcher = ContextInjectionFactory.make(ProbeLauncherPart.class, context);
        one(shell, Text.class, t -> t.getText().contains("1080")).setText(socksPort);
        Shell resultsShell = new Shell(display);
        resultsShell.setLayout(new FillLayout());
        ProbeResultsPart results = new ProbeResultsPart();
        results.createControls(resultsShell);
        ProbeJob job = launcher.start();
        job.join();
        results.show(job.result());
        List<String> rows = java.util.stream.IntStream.range(0, results.rows()).mapToObj(results::row).toList();
        assertTrue(rows.contains(socksPort + " socks5 open"), rows.toString());
        assertEquals("open-proxy", job.result().report().verdict());
        assertTrue(ws.evidence(subject.id()).size() >= 1);
        assertEquals(CustodyAction.PROBE_RUN, ws.custody(subject.id()).get(ws.custody(subject.id()).size() - 1).action());
        resultsShell.dispose();
    }
}
