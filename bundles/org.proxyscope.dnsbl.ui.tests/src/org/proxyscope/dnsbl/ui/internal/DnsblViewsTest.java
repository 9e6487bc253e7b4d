package org.proxyscope.dnsbl.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.tests.support.DisplaySync;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.dnsbl.DnsblSettings;

/** The DNS Blocklists view and its preference page on a real display, asking the test DNS server of releng/services/dns.sh. */
class DnsblViewsTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private IEclipseContext context;
    private Case subject;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "Dana Levi");
        subject = ws.createCase(NewCase.of("Open SOCKS proxy on the test line", "192.0.2.7", "", "KUNDE-4711", "high", List.of()));
        shell = Widgets.partShell(display);
        context = Widgets.partContext(ws, shell);
        context.set(UISynchronize.class, new DisplaySync(display));
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        ws.close();
    }

    @Test
    void checkNowAsksTheWorkspacesListsAndShowsEachAnswer() throws Exception {
        String dns = System.getenv("PROXYSCOPE_TEST_DNS");
        assumeTrue(dns != null, "releng/test.sh starts the test DNS server");
        new DnsblSettings(DnsblSettings.lists("bl.test dnsbl.dronebl.org zen.spamhaus.org empty.test"),
                Optional.of(DnsblSettings.resolver(dns)), Duration.ofMillis(800)).write(ws.folder());
        DnsblPart part = ContextInjectionFactory.make(DnsblPart.class, context);
        assertEquals("Select a case in the Case Explorer.", part.summary());
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        assertEquals(subject.id() + " has no DNSBL check yet.", part.summary());

        part.checkNow();
        Widgets.spinUntil(display, () -> part.summary().startsWith("192.0.2.7 is listed"), "the check's answers");
        assertEquals("192.0.2.7 is listed on 2 of 4 DNS blocklists (bl.test, DroneBL); 1 gave no usable answer.", part.summary());
        List<String> rows = part.rows();
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.get(1).startsWith("DroneBL | listed | listed: 127.0.0.8 (an open SOCKS proxy), 127.0.0.9 (an open HTTP proxy)"),
                rows.get(1));
        assertTrue(rows.get(2).startsWith("Spamhaus ZEN | refused | no listing, the list refused the query: 127.255.255.254"), rows.get(2));
        assertEquals("empty.test | not-listed | not listed", rows.get(3));
        assertEquals(CustodyAction.CHECK_RUN, ws.custody(subject.id()).get(ws.custody(subject.id()).size() - 1).action(),
                "the check is in the custody log");
        shell.setSize(1000, 260);
        shell.open();
        Widgets.screenshot(shell, "dnsbl-view");
    }

    @Test
    void thePreferencePageKeepsTheListsInTheWorkspaceAndRefusesNonsense() throws Exception {
        DnsblPreferencePage page = new DnsblPreferencePage();
        page.workspace = ws;
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("dnsbl", page));
        PreferenceDialog dialog = new PreferenceDialog(shell, manager);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Text lists = Widgets.one(dialog.getShell(), Text.class, t -> (t.getStyle() & org.eclipse.swt.SWT.MULTI) != 0);
        Text resolver = Widgets.one(dialog.getShell(), Text.class, t -> t.getMessage().startsWith("the system's"));
        assertTrue(lists.getText().startsWith("zen.spamhaus.org\nbl.spamcop.net"), "a new workspace has the default lists: " + lists.getText());
        resolver.setText("resolver.example");
        assertEquals("\"resolver.example\" is a name; give the resolver's address, such as 192.0.2.53", page.getErrorMessage());
        assertTrue(!page.isValid());
        resolver.setText("127.0.0.1:5353");
        lists.setText("dnsbl.dronebl.org\nbl.test");
        Widgets.one(dialog.getShell(), Spinner.class, s -> true).setSelection(1500);
        assertTrue(page.isValid(), String.valueOf(page.getErrorMessage()));
        Widgets.screenshot(dialog.getShell(), "dnsbl-preferences");
        assertTrue(page.performOk());
        dialog.close();
        DnsblSettings kept = DnsblSettings.read(ws.folder());
        assertEquals(List.of("dnsbl.dronebl.org", "bl.test"), kept.lists().stream().map(l -> l.zone()).toList());
        assertEquals("127.0.0.1:5353", DnsblSettings.format(kept.resolver().orElseThrow()));
        assertEquals(Duration.ofMillis(1500), kept.timeout());
    }
}
