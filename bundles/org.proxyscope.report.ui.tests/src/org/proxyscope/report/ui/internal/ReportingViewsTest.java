package org.proxyscope.report.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.tests.support.Widgets;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.CanaryProof;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeEvidence;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;
import org.proxyscope.report.DeskSettings;
import org.proxyscope.report.ExportRequest;
import org.proxyscope.report.NoticeTemplate;
import org.proxyscope.report.ReportSections;

/** The Reporting perspective's Case Report and Exported Reports views, and the export wizard, on a real display. */
class ReportingViewsTest {

    @TempDir
    Path tmp;

    private final Display display = Display.getDefault();
    private Workspace ws;
    private Shell shell;
    private IEclipseContext context;
    private ServiceTracker<ReportSections, ReportSections> tracker;
    private Case subject;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "Dana Levi");
        subject = ws.createCase(NewCase.of("Open SOCKS proxy on the test line", "127.0.0.1", "127.0.0.1:1080", "KUNDE-4711", "high",
                List.of()));
        Transcript t = new Transcript();
        t.sent(new byte[] {5, 1, 0}, 0, 3);
        t.received(new byte[] {5, 0}, 0, 2);
        ProbeEvidence.keep(ws, subject.id(), new ProbeReport("127.0.0.1", Instant.now(), Duration.ofMillis(300), List.of(
                new Finding(1080, "socks5", Verdict.OPEN, Optional.of(new CanaryProof("pxc-00112233445566778899aabbccddeeff",
                        "127.0.0.1:40404", Instant.now(), "the canary received the token from 127.0.0.1:40404")),
                        "granted; the canary received the token", t)), Scope.parse("127.0.0.1")), "Proxyscope's canary on 127.0.0.1:45000");
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(ReportSections.class).getBundleContext(), ReportSections.class, null);
        tracker.open();
        ReportSections sections = tracker.waitForService(10_000);
        assertNotNull(sections);
        shell = Widgets.partShell(display);
        context = Widgets.partContext(ws, shell);
        context.set(ReportSections.class, sections);
    }

    @AfterEach
    void close() throws Exception {
        shell.dispose();
        tracker.close();
        ws.close();
    }

    @Test
    void theOutlineShowsWhatGoesInAndTheExportIsKeptAndListed() throws Exception {
        context.set(ProxyscopeModel.SELECTED_CASE, subject.id());
        ReportOutlinePart outline = ContextInjectionFactory.make(ReportOutlinePart.class, context);
        assertTrue(outline.subjectText().endsWith("\nVerdict: reading what the case's evidence shows..."), "the case at once: "
                + outline.subjectText());
        Widgets.spinUntil(display, () -> outline.subjectText().contains("\nVerdict ("), "what the report will contain, gathered");
        List<String> rows = outline.rows();
        assertTrue(outline.subjectText().matches("(?s).*\nVerdict \\(relays\\): Open proxy: SOCKS5 on port 1080, relayed for anyone, proven by"
                + " Proxyscope's canary\\. Relaying was seen at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\."),
                "the cover's verdict and when, read before the report is made: " + outline.subjectText());
        assertTrue(rows.contains("[x] Probe findings: goes in"), rows.toString());
        assertTrue(rows.contains("[ ] Capture findings: left out: no capture was imported into this case"), rows.toString());
        assertTrue(rows.contains("[x] Remediation for the customer: goes in"), "the open SOCKS port is to be closed: " + rows);
        outline.uncheck("Appendix: probe transcripts");
        assertTrue(outline.rows().contains("[ ] Appendix: probe transcripts: left out by you"), outline.rows().toString());
        shell.setSize(760, 420);
        shell.open();
        Widgets.screenshot(shell, "report-outline");

        Path pdf = tmp.resolve("PX-report.pdf");
        ExportReportJob job = outline.start(ExportRequest.to(pdf).omitting(outline.omitted()), Companions.NONE);
        job.join();
        assertTrue(job.getResult().isOK(), job.getResult().getMessage());
        assertTrue(Files.readString(pdf, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        assertFalse(job.result().sections().contains("org.proxyscope.probe.transcripts"), "the section the analyst left out stays out");
        Widgets.spinUntil(display, () -> outline.statusText().startsWith("Exported PX-report.pdf"), "the export's outcome");

        Shell bottom = Widgets.partShell(display);
        IEclipseContext child = context.createChild("exports");
        child.set(Composite.class, bottom);
        ExportedReportsPart exported = ContextInjectionFactory.make(ExportedReportsPart.class, child);
        assertEquals(List.of("#" + job.result().evidence().number() + " PX-report.pdf " + job.result().evidence().sha256()),
                exported.rows());
        bottom.setSize(900, 200);
        bottom.open();
        Widgets.screenshot(bottom, "exported-reports");
        bottom.dispose();

        ExportReportJob again = outline.start(ExportRequest.to(pdf), Companions.NONE);
        again.join();
        assertFalse(again.getResult().isOK());
        Widgets.spinUntil(display, () -> outline.statusText().contains("exists already"), "the refusal to overwrite");
    }

    @Test
    void theWizardRefusesAPathItCannotWrite() throws Exception {
        ExportReportWizard wizard = new ExportReportWizard(subject, List.of("Executive summary", "Probe findings"));
        WizardDialog dialog = new WizardDialog(shell, wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Text file = Widgets.one(dialog.getShell(), Text.class, t -> t.getText().endsWith("-report.pdf"));
            Text key = Widgets.one(dialog.getShell(), Text.class, t -> "a PKCS#12 file (.p12); empty for an unsigned report".equals(t.getMessage()));
            Button finish = Widgets.button(dialog.getShell(), "&Finish");
            assertTrue(finish.isEnabled(), "the proposed file can be written");
            file.setText(tmp.resolve("no-such-folder").resolve("r.pdf").toString());
            assertFalse(finish.isEnabled());
            assertTrue(Widgets.visibleText(dialog.getShell()).contains("The folder " + tmp.resolve("no-such-folder") + " does not exist."),
                    Widgets.visibleText(dialog.getShell()));
            Path existing = Files.writeString(tmp.resolve("old.pdf"), "earlier");
            file.setText(existing.toString());
            assertFalse(finish.isEnabled());
            Widgets.click(Widgets.button(dialog.getShell(), "&Replace the file if it exists"));
            assertTrue(finish.isEnabled());
            Path link = Files.createSymbolicLink(tmp.resolve("link.pdf"), existing);
            file.setText(link.toString());
            assertFalse(finish.isEnabled(), "Replace takes the place of a file, never of a link");
            assertTrue(Widgets.visibleText(dialog.getShell()).contains(link + " is a link, not a file."),
                    Widgets.visibleText(dialog.getShell()));
            file.setText(existing.toString());
            key.setText(tmp.resolve("missing.p12").toString());
            assertFalse(finish.isEnabled(), "a key file that is not there");
            key.setText("");
            assertTrue(finish.isEnabled());
            Widgets.screenshot(dialog.getShell(), "export-wizard");
            Widgets.click(finish);
            assertEquals(existing, wizard.choice().out());
            assertTrue(wizard.choice().overwrite());
            assertTrue(wizard.choice().signing().isEmpty());
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
    }

    /** Preferences > Reporting edits the open workspace's desk settings and notice template, refusing what a notice would. */
    @Test
    void thePreferencePageKeepsTheDeskAndTheTemplateInTheWorkspace() throws Exception {
        ReportingPreferencePage page = new ReportingPreferencePage();
        ContextInjectionFactory.inject(page, context);
        page.createControl(shell);
        Text name = field(shell, "&ISP name:");
        Text contact = field(shell, "Abuse desk &mail address:");
        Text domain = field(shell, "ISP &domain:");
        name.setText("Beispiel Netz GmbH");
        contact.setText("abuse at beispiel");
        domain.setText("beispiel-netz.example");
        assertFalse(page.isValid());
        assertEquals("The abuse desk's contact must be a mail address such as abuse@example.net, not \"abuse at beispiel\".",
                page.getErrorMessage());
        contact.setText("abuse@beispiel-netz.example");
        assertTrue(page.isValid(), page.getErrorMessage());
        Text template = Widgets.one(shell, Text.class, t -> t.getText().startsWith("Notice about your Internet line"));
        template.setText(template.getText() + "\n{{nonsense}}");
        assertFalse(page.isValid());
        template.setText(template.getText().replace("\n{{nonsense}}", "\nP.S. {{date}}"));
        assertTrue(page.isValid(), page.getErrorMessage());
        shell.setSize(700, 640);
        shell.open();
        Widgets.screenshot(shell, "reporting-preferences");
        assertTrue(page.performOk());
        assertEquals(new DeskSettings("Beispiel Netz GmbH", "abuse@beispiel-netz.example", "beispiel-netz.example", 7),
                DeskSettings.read(ws));
        assertTrue(NoticeTemplate.read(ws).endsWith("P.S. {{date}}"));
    }

    private static Text field(Composite root, String label) {
        List<org.eclipse.swt.widgets.Control> children = List.of(
                Widgets.one(root, org.eclipse.swt.widgets.Label.class, l -> l.getText().equals(label)).getParent().getChildren());
        for (int i = 0; i < children.size() - 1; i++) {
            if (children.get(i) instanceof org.eclipse.swt.widgets.Label l && l.getText().equals(label)) {
                return (Text) children.get(i + 1);
            }
        }
        throw new AssertionError("no field after " + label);
    }
}
