package org.proxyscope.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.button;
import static org.proxyscope.app.ui.tests.support.Widgets.click;
import static org.proxyscope.app.ui.tests.support.Widgets.find;
import static org.proxyscope.app.ui.tests.support.Widgets.one;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.NewCase;

/** The New Case wizard, the status dialog and the Case Overview, driven through their widgets. */
class CaseDialogsTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "alice");
    }

    @AfterEach
    void close() throws Exception {
        for (Shell s : display.getShells()) {
            s.dispose();
        }
        ws.close();
    }

    /** The Case Overview on the test's workspace, drawn in {@code shell}, as the workbench makes it. */
    private CaseOverviewPart overview(Shell shell) {
        CaseOverviewPart overview = new CaseOverviewPart();
        overview.workspace = ws;
        overview.createControls(shell);
        return overview;
    }

    private static Text field(Shell shell, String hint) {
        return one(shell, Text.class, t -> hint.equals(t.getMessage()));
    }

    @Test
    void newCaseWizardExplainsWhatIsWrongThenOpensTheCase() throws Exception {
        CaseDetailsWizard wizard = new CaseDetailsWizard(ws);
        WizardDialog dialog = new WizardDialog(null, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        assertFalse(button(shell, IDialogConstants.FINISH_LABEL).isEnabled());
        field(shell, "e.g. Open SOCKS proxy on a customer line").setText("Squid open on 3128");
        Text target = field(shell, "IPv4 or IPv6 address, or host name");
        target.setText("300.1.1.1");
        assertTrue(Widgets.visibleText(shell).contains("\"300.1.1.1\" is not a valid IPv4 address or host name"));
        assertFalse(button(shell, IDialogConstants.FINISH_LABEL).isEnabled());
        target.setText("198.51.100.23");
        field(shell, "HOST[:PORTS] ...; empty means the target, every port").setText("198.51.100.23:3128,8080");
        field(shell, "comma separated, e.g. socks, spam").setText("squid, http");
        Combo severity = one(shell, Combo.class, c -> true);
        severity.select(severity.indexOf("Critical"));
        severity.notifyListeners(SWT.Selection, null);
        assertTrue(button(shell, IDialogConstants.FINISH_LABEL).isEnabled());
        click(button(shell, IDialogConstants.FINISH_LABEL));
        Case created = wizard.created().orElseThrow();
        assertEquals(created, ws.get(created.id()));
        assertEquals("198.51.100.23:3128,8080", created.scope().toString());
        assertEquals(List.of("http", "squid"), created.tags());
        assertEquals("critical", created.severity().word());
    }

    @Test
    void editingPrefillsTheCaseAndKeepsTheTargetFixed() throws Exception {
        Case c = ws.createCase(NewCase.of("Open proxy", "192.0.2.7", "", "CUST-1", "", List.of("socks")));
        CaseDetailsWizard wizard = new CaseDetailsWizard(ws, java.util.Optional.of(c));
        WizardDialog dialog = new WizardDialog(null, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Text target = field(shell, "IPv4 or IPv6 address, or host name");
        assertEquals("192.0.2.7", target.getText());
        assertFalse(target.getEditable());
        assertEquals("socks", field(shell, "comma separated, e.g. socks, spam").getText());
        Text scope = field(shell, "HOST[:PORTS] ...; empty means the target, every port");
        scope.setText("192.0.2.8:1080,3128"); // a slip of one digit: allowed, but said
        assertTrue(Widgets.visibleText(shell).contains("The scope names none of the target's ports, so 192.0.2.7 cannot be probed."),
                Widgets.visibleText(shell));
        assertTrue(button(shell, IDialogConstants.FINISH_LABEL).isEnabled(), "a case whose probing is not authorised may be kept");
        scope.setText("192.0.2.7:1080,3128");
        assertFalse(Widgets.visibleText(shell).contains("cannot be probed"), Widgets.visibleText(shell));
        click(button(shell, IDialogConstants.FINISH_LABEL));
        assertEquals("192.0.2.7:1080,3128", ws.get(c.id()).scope().toString());
        assertEquals("case-updated", ws.custody(c.id()).get(1).action().word());
    }

    @Test
    void statusDialogOffersOnlyAllowedMovesAndNeedsAReason() throws Exception {
        Case c = ws.createCase(NewCase.of("Open proxy", "192.0.2.7", "", "", "", List.of()));
        StatusChangeDialog dialog = new StatusChangeDialog(null, ws, c);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        Combo status = one(shell, Combo.class, x -> true);
        assertEquals(List.of("Investigating", "Closed"), List.of(status.getItems()));
        assertFalse(button(shell, "&Change Status").isEnabled(), "no reason yet");
        field(shell, "e.g. customer confirmed the proxy software is removed").setText("started probing the host");
        click(button(shell, "&Change Status"));
        assertEquals(CaseStatus.INVESTIGATING, ws.get(c.id()).status());
        CustodyEntry last = ws.custody(c.id()).get(1);
        assertEquals("new -> investigating: started probing the host", last.details());
    }

    @Test
    void aShortOverviewScrollsAndKeepsRoomForTheEvidence() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of("socks")));
        for (String name : List.of("capture.pcap", "capture.pcap.analysis.json", "netstat.txt")) {
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve(name), name), "", Progress.NONE);
        }
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        shell.setSize(900, 300); // shorter than the case's details and its evidence together
        shell.open();
        overview.show(c.id());
        Tree evidence = one(shell, Tree.class, t -> true);
        assertEquals(3, evidence.getItemCount());
        assertTrue(evidence.getClientArea().height >= 4 * evidence.getItemHeight(),
                "room for the three rows and more: " + evidence.getClientArea().height + " px, rows of " + evidence.getItemHeight());
        ScrolledComposite scroller = one(shell, ScrolledComposite.class, x -> true);
        assertTrue(scroller.getVerticalBar().isVisible(), "the overview scrolls instead");
        shell.setSize(900, 1000);
        shell.layout(true, true);
        assertFalse(scroller.getVerticalBar().isVisible(), "tall enough, nothing to scroll");
        assertTrue(evidence.getClientArea().height > 10 * evidence.getItemHeight(), "the table takes the room there is");
    }

    /** A long title wraps in the overview's heading instead of making the overview wider than its part. */
    @Test
    void aLongTitleWrapsWithinThePart() throws Exception {
        String title = "Customer PC relaying spam through an HTTP CONNECT proxy on 8080 since the November reinstall,"
                + " reported by two blocklists";
        Case c = ws.createCase(NewCase.of(title, "198.51.100.44", "", "", "", List.of()));
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        shell.setSize(700, 900);
        shell.open();
        overview.show(c.id());
        ScrolledComposite scroller = one(shell, ScrolledComposite.class, x -> true);
        Label heading = one(shell, Label.class, l -> l.getText().endsWith(title));
        assertFalse(scroller.getHorizontalBar().isVisible(), "nothing to scroll sideways");
        assertTrue(heading.getBounds().x + heading.getBounds().width <= scroller.getClientArea().width,
                heading.getBounds() + " within " + scroller.getClientArea());
        int oneLine = heading.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
        assertTrue(heading.getBounds().height >= 2 * oneLine, "the title on more lines than one: " + heading.getBounds());
        assertFalse(scroller.getVerticalBar().isVisible(), "tall enough, nothing to scroll");
    }

    /**
     * Export Evidence in the Case Overview: for a file the case still holds, a reason required, and the copy where the
     * analyst said, with the hand-over in the custody log; a path already taken is said in the dialog, which stays.
     */
    @Test
    void exportEvidenceHandsOverAVerifiedCopyAndLogsIt() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of()));
        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat.txt"), "TCP 0.0.0.0:1080 LISTENING"), "", Progress.NONE);
        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("mail.eml"), "unrelated"), "", Progress.NONE);
        ws.purgeEvidence(c.id(), 2, "unrelated customer mail");
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        shell.open();
        overview.show(c.id());
        Tree evidence = one(shell, Tree.class, t -> true);
        org.eclipse.swt.widgets.Button export = button(shell, "E&xport Evidence...");
        assertFalse(export.isEnabled(), "nothing selected");
        evidence.setSelection(evidence.getItem(1));
        evidence.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertFalse(export.isEnabled(), "a purged file has nothing to hand over");
        evidence.setSelection(evidence.getItem(0));
        evidence.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(export.isEnabled());

        ExportEvidenceDialog dialog = new ExportEvidenceDialog(shell, ws, ws.evidence(c.id()).get(0));
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell asked = dialog.getShell();
        Text to = field(asked, "a new file, or a folder to hold it under its own name");
        assertEquals(Path.of(System.getProperty("user.home"), "netstat.txt").toString(), to.getText(), "the home folder at first");
        Path taken = Files.writeString(tmp.resolve("taken.txt"), "someone else's file");
        to.setText(taken.toString());
        assertFalse(button(asked, "&Export").isEnabled(), "no reason yet");
        field(asked, "e.g. requested by the police, their file 2026/4711").setText("for the customer's IT");
        click(button(asked, "&Export"));
        Widgets.spinUntil(display, () -> Widgets.visibleText(asked).contains("exists; an export never replaces a file"),
                "the refusal said in the dialog");
        assertTrue(button(asked, "&Export").isEnabled(), "the analyst can choose again");
        assertEquals("someone else's file", Files.readString(taken));
        Path folder = Files.createDirectories(tmp.resolve("handed-over"));
        to.setText(folder.toString());
        click(button(asked, "&Export"));
        Widgets.spinUntil(display, asked::isDisposed, "the dialog closed once the copy was made");
        assertEquals(folder.resolve("netstat.txt").toAbsolutePath(), dialog.exported());
        assertEquals("TCP 0.0.0.0:1080 LISTENING", Files.readString(dialog.exported()));
        CustodyEntry last = ws.custody(c.id()).get(ws.custody(c.id()).size() - 1);
        assertEquals(org.proxyscope.core.model.CustodyAction.EVIDENCE_EXPORTED, last.action());
        assertTrue(last.details().endsWith(" (verified), to " + dialog.exported() + ": for the customer's IT"), last.details());
    }

    /**
     * The copy runs in the background with its progress in the dialog; Cancel stops it, leaves nothing where it was
     * going and nothing in the custody log, and the dialog stays to say so until Cancel is pressed again.
     */
    @Test
    void exportEvidenceCanBeCancelledWhileItCopies() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of()));
        Path big = tmp.resolve("line.pcap");
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer block = java.nio.ByteBuffer.wrap(new byte[1 << 20]);
            for (int i = 0; i < 128; i++) {
                out.write(block.clear());
            }
        }
        ws.addEvidence(c.id(), big, "", Progress.NONE);
        int logged = ws.custody(c.id()).size();
        Path folder = Files.createDirectories(tmp.resolve("handed-over"));
        ExportEvidenceDialog dialog = new ExportEvidenceDialog(Widgets.partShell(display), ws, ws.evidence(c.id()).get(0));
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell asked = dialog.getShell();
        field(asked, "a new file, or a folder to hold it under its own name").setText(folder.toString());
        field(asked, "e.g. requested by the police, their file 2026/4711").setText("for the customer's IT");
        click(button(asked, "&Export"));
        assertFalse(button(asked, "&Export").isEnabled(), "one export at a time");
        assertFalse(button(asked, "&Browse...").isEnabled(), "the destination is fixed while the copy runs");
        assertTrue(one(asked, org.eclipse.swt.widgets.ProgressBar.class, b -> true).isVisible(), "the copy's progress shows");
        assertTrue(Widgets.visibleText(asked).contains("Copying line.pcap and checking it against its SHA-256."), Widgets.visibleText(asked));
        click(button(asked, IDialogConstants.CANCEL_LABEL));
        Widgets.spinUntil(display, () -> Widgets.visibleText(asked).contains("cancelled. Nothing was exported."), "the cancel said");
        assertFalse(asked.isDisposed(), "the dialog stays to say what happened");
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "no copy, whole or partial");
        }
        assertEquals(logged, ws.custody(c.id()).size(), "nothing handed over, nothing logged");
        click(button(asked, IDialogConstants.CANCEL_LABEL));
        assertTrue(asked.isDisposed());
        assertEquals(org.eclipse.jface.window.Window.CANCEL, dialog.getReturnCode());
    }

    @Test
    void overviewShowsTheSelectedCase() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of("socks")));
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        overview.show(c.id());
        assertEquals("192.0.2.7:1080", overview.value("Authorised scope"));
        assertEquals("New", overview.value("Status"));
        assertEquals("CUST-9", overview.value("Customer"));
        assertTrue(button(shell, "Change &Status...").isEnabled());
        assertTrue(find(shell, org.eclipse.swt.widgets.Label.class, l -> l.getText().startsWith(c.id() + "  Open SOCKS")).size() == 1);
        CustodyLogPart log = new CustodyLogPart();
        log.workspace = ws;
        Shell other = new Shell(display);
        log.createControls(other);
        log.show(c.id());
        assertEquals(1, log.rows());
    }

    /**
     * The overview says what the case's evidence shows, in the words of its report's cover, read in the background
     * from the report plug-in (here as in the product, through Declarative Services): a proven relay in red, with
     * when it was seen; a case without a probe run or capture says it has no verdict yet.
     */
    @Test
    void overviewSaysWhatTheEvidenceShows() throws Exception {
        Case relaying = ws.createCase(NewCase.of("Open SOCKS proxy", "127.0.0.1", "127.0.0.1:1080", "CUST-9", "high", List.of()));
        org.proxyscope.probe.Transcript t = new org.proxyscope.probe.Transcript();
        t.sent(new byte[] {5, 1, 0}, 0, 3);
        t.received(new byte[] {5, 0}, 0, 2);
        java.time.Instant proven = java.time.Instant.parse("2026-12-04T10:15:30Z");
        org.proxyscope.probe.ProbeEvidence.keep(ws, relaying.id(), new org.proxyscope.probe.ProbeReport("127.0.0.1", proven,
                java.time.Duration.ofMillis(300), List.of(new org.proxyscope.probe.Finding(1080, "socks5", org.proxyscope.probe.Verdict.OPEN,
                        java.util.Optional.of(new org.proxyscope.probe.CanaryProof("pxc-00112233445566778899aabbccddeeff", "127.0.0.1:40404",
                                proven, "the canary received the token from 127.0.0.1:40404")),
                        "granted; the canary received the token", t)), org.proxyscope.core.model.Scope.parse("127.0.0.1")),
                "Proxyscope's canary on 127.0.0.1:45000");
        Case untested = ws.createCase(NewCase.of("Complaint only", "192.0.2.9", "", "", "low", List.of()));
        int logged = ws.custody(relaying.id()).size();
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        shell.setSize(900, 600);
        shell.open();

        overview.show(relaying.id());
        Widgets.spinUntil(display, () -> !overview.verdict().startsWith("Reading"), "the verdict read");
        assertEquals("Open proxy: SOCKS5 on port 1080, relayed for anyone, proven by Proxyscope's canary. Relaying was seen at"
                + " 2026-12-04 10:15:30 UTC.", overview.verdict());
        Text line = one(shell, Text.class, x -> x.getText().equals(overview.verdict()));
        assertEquals(display.getSystemColor(SWT.COLOR_DARK_RED), line.getForeground(), "a proven relay stands out");
        Widgets.screenshot(shell, "case-overview-verdict");

        overview.show(untested.id());
        Widgets.spinUntil(display, () -> !overview.verdict().startsWith("Reading") && !overview.verdict().startsWith("Open proxy"),
                "the other case's verdict read");
        assertEquals("No probe run or capture analysis is kept in this case yet: no verdict.", overview.verdict());
        assertFalse(display.getSystemColor(SWT.COLOR_DARK_RED).equals(line.getForeground()));
        assertEquals(logged, ws.custody(relaying.id()).size(), "reading the verdict writes nothing to the case");
    }

    /** A change to the shown case (here, evidence added) keeps the evidence chosen; another case starts with none. */
    @Test
    void aChangeToTheShownCaseKeepsTheChosenEvidence() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of()));
        Case other = ws.createCase(NewCase.of("Another line", "192.0.2.9", "", "", "low", List.of()));
        for (int i = 0; i < 3; i++) {
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("capture-" + i + ".txt"), "capture " + i), "", Progress.NONE);
        }
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        shell.open();
        overview.show(c.id());
        Tree evidence = one(shell, Tree.class, t -> true);
        evidence.setSelection(evidence.getItem(1));
        evidence.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat.txt"), "TCP 0.0.0.0:1080 LISTENING"), "", Progress.NONE);
        overview.caseChanged(c.id());
        assertEquals(4, evidence.getItemCount());
        assertEquals(List.of(evidence.getItem(1)), List.of(evidence.getSelection()), "still on the file the analyst chose");
        assertTrue(button(shell, "E&xport Evidence...").isEnabled());
        overview.caseSelected(other.id());
        assertEquals(0, evidence.getSelectionCount());
        assertFalse(button(shell, "E&xport Evidence...").isEnabled());
    }

    /**
     * A probe run's transcripts show as one row that opens to them, so that the case's other evidence is not buried;
     * a file chosen within stays chosen, its row open, when the case changes. A series gives nothing to export itself.
     */
    @Test
    void aSeriesOfTranscriptsIsOneRowThatOpensToItsFiles() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of()));
        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("netstat.txt"), "TCP 0.0.0.0:1080 LISTENING"), "customer PC, by mail",
                Progress.NONE);
        for (String protocol : List.of("socks4", "socks5", "http-connect")) {
            ws.addEvidence(c.id(), "192.0.2.7-1080-" + protocol + ".txt", "probe transcript, " + protocol + " on port 1080",
                    out -> out.write(protocol.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("capture.pcap"), "pcap"), "", Progress.NONE);
        Shell shell = Widgets.partShell(display);
        CaseOverviewPart overview = overview(shell);
        shell.setSize(1100, 700);
        shell.open();
        overview.show(c.id());
        Tree evidence = one(shell, Tree.class, t -> true);
        assertEquals(List.of("1 netstat.txt 26", "2–4 probe transcript (3 files) 24", "5 capture.pcap 4"),
                java.util.Arrays.stream(evidence.getItems()).map(r -> r.getText(0) + " " + r.getText(1) + " " + r.getText(2)).toList());
        TreeItem series = evidence.getItem(1);
        assertEquals("probe transcript", series.getText(5));
        assertEquals(List.of("2", "3", "4"), java.util.Arrays.stream(series.getItems()).map(r -> r.getText(0)).toList());
        org.eclipse.swt.widgets.Button export = button(shell, "E&xport Evidence...");
        evidence.setSelection(series);
        evidence.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertFalse(export.isEnabled(), "a series is no file to hand over");
        series.setExpanded(true);
        evidence.setSelection(series.getItem(1));
        evidence.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertTrue(export.isEnabled());
        org.proxyscope.app.ui.tests.support.Widgets.screenshot(shell, "case-overview-series");

        ws.addEvidence(c.id(), Files.writeString(tmp.resolve("whois.txt"), "whois"), "", Progress.NONE);
        overview.caseChanged(c.id());
        TreeItem reopened = evidence.getItem(1);
        assertTrue(reopened.getExpanded(), "the series is still open");
        assertEquals(List.of(reopened.getItem(1)), List.of(evidence.getSelection()), "on the transcript the analyst chose");
        assertEquals(4, evidence.getItemCount());
    }

    /** When the shown case changes, the Custody Log shows the entries just logged, at its end; a case chosen starts at the top. */
    @Test
    void custodyLogRevealsTheNewestEntriesWhenTheCaseChanges() throws Exception {
        Case c = ws.createCase(NewCase.of("Open SOCKS proxy", "192.0.2.7", "192.0.2.7:1080", "CUST-9", "high", List.of()));
        for (int i = 0; i < 30; i++) {
            ws.addEvidence(c.id(), Files.writeString(tmp.resolve("transcript-" + i + ".txt"), "exchange " + i), "", Progress.NONE);
        }
        Shell shell = Widgets.partShell(display);
        CustodyLogPart log = new CustodyLogPart();
        log.workspace = ws;
        log.createControls(shell);
        shell.setSize(700, 200);
        shell.open();
        log.caseSelected(c.id());
        Table table = one(shell, Table.class, t -> true);
        assertEquals(0, table.getTopIndex(), "a case chosen is read from its opening");
        ws.changeStatus(c.id(), CaseStatus.INVESTIGATING, "the probe run begins");
        log.caseChanged(c.id());
        assertEquals(32, log.rows());
        Widgets.spinUntil(display, () -> table.getTopIndex() > 20, "the newest entries in view");
        assertEquals("status-changed", table.getItem(31).getText(3));
    }
}
