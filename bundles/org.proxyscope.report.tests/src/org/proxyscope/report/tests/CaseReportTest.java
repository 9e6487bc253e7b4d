package org.proxyscope.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.core.Progress;
import org.proxyscope.core.UnknownCaseException;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.CanaryProof;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.ProbeEvidence;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.Transcript;
import org.proxyscope.probe.Verdict;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.Complaints;
import org.proxyscope.report.CustomerNotice;
import org.proxyscope.report.DeskSettings;
import org.proxyscope.report.NoticeTemplate;
import org.proxyscope.report.ExportRequest;
import org.proxyscope.report.ReportException;
import org.proxyscope.report.ReportSections;
import org.proxyscope.report.SigningKey;

/**
 * The PDF case report made from a real SQLite workspace and checked as a reader would, with poppler's own
 * tools: the text of every section, embedded fonts, pages that are not blank, and the report kept as evidence.
 */
class CaseReportTest {

    @TempDir
    Path tmp;

    private Workspace ws;
    private ServiceTracker<ReportSections, ReportSections> tracker;
    private ReportSections sections;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(tmp.resolve("ws"), "Dana Levi");
        var context = FrameworkUtil.getBundle(CaseReport.class).getBundleContext();
        tracker = new ServiceTracker<>(context, ReportSections.class, null);
        tracker.open();
        sections = tracker.waitForService(10_000);
        assertNotNull(sections, "the Declarative Services component of the report sections is running");
    }

    @AfterEach
    void close() throws Exception {
        tracker.close();
        ws.close();
    }

    private static Transcript exchange(byte[] sent, byte[] reply) {
        Transcript t = new Transcript();
        t.sent(sent, 0, sent.length);
        if (reply.length > 0) {
            t.received(reply, 0, reply.length);
        }
        t.note("proof for token pxc-00112233445566778899aabbccddeeff");
        return t;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A run as the prober makes it: an open SOCKS5 port with the canary's proof, a denied squid with 4 KiB of junk, refused ports. */
    private static ProbeReport run(int extraPorts) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(1080, "socks5", Verdict.OPEN,
                Optional.of(new CanaryProof("pxc-00112233445566778899aabbccddeeff", "127.0.0.1:40404",
                        Instant.parse("2026-12-04T10:15:30Z"), "the canary received the token from 127.0.0.1:40404")),
                "granted; the canary received the token from 127.0.0.1:40404",
                exchange(new byte[] {5, 1, 0}, new byte[] {5, 0})));
        byte[] junk = new byte[4096];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 31 + 7);
        }
        findings.add(new Finding(3128, "http-connect", Verdict.DENIED, "HTTP/1.1 403 Forbidden; Server: squid/5.7\u202e\u0007",
                exchange(ascii("CONNECT 127.0.0.1:9 HTTP/1.1\r\n\r\n"), junk)));
        findings.add(new Finding(8080, "http-connect", Verdict.UNVERIFIED, "HTTP/1.0 200 OK; but the canary never received the token",
                exchange(ascii("CONNECT 127.0.0.1:9 HTTP/1.1\r\n\r\n"), ascii("HTTP/1.0 200 OK\r\n\r\n"))));
        for (int p = 0; p < extraPorts; p++) {
            findings.add(new Finding(20000 + p, "socks4", Verdict.DENIED, "request rejected (91)",
                    exchange(new byte[] {4, 1, 0, 9}, new byte[] {0, 91})));
        }
        findings.add(new Finding(81, "tcp", Verdict.NO_SERVICE, "connection refused", new Transcript()));
        return new ProbeReport("127.0.0.1", Instant.parse("2026-12-04T10:15:29Z"), Duration.ofMillis(517), findings,
                Scope.parse("127.0.0.1"));
    }

    private Case caseWithRun(String title, int extraPorts) throws Exception {
        Case c = ws.createCase(NewCase.of(title, "127.0.0.1", "127.0.0.1", "KUNDE-4711", "high", List.of("socks")));
        ProbeEvidence.keep(ws, c.id(), run(extraPorts), "Proxyscope's canary on 127.0.0.1:45000");
        return c;
    }

    private static String tool(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    /**
     * Renders every page with pdftoppm into target/screenshots (to look at), checks that none is blank, and
     * returns how many there were.
     */
    private int render(Path pdf, String name) throws Exception {
        Path pages = Files.createDirectories(tmp.resolve("pages-" + name));
        tool("pdftoppm", "-r", "50", "-png", pdf.toString(), pages.resolve(name).toString());
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        try (var rendered = Files.list(pages)) {
            List<Path> pngs = rendered.sorted().toList();
            for (Path png : pngs) {
                assertTrue(Files.size(png) > 3_000, png + " looks blank");
                Files.copy(png, shots.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return pngs.size();
        }
    }

    /** A field of pdfinfo's output, e.g. "Title". */
    private static String field(String info, String name) {
        return info.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip()).findFirst()
                .orElse("(no " + name + ")");
    }

    @Test
    void theReportHoldsEverySectionInSearchableTextWithEmbeddedFontsAndIsKeptAsEvidence() throws Exception {
        Case c = caseWithRun("Offener SOCKS-Proxy bei יעל כהן", 0);
        Path pdf = tmp.resolve("report.pdf");
        List<CustodyEntry> before = ws.custody(c.id());
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        assertEquals(List.of("org.proxyscope.report.summary", "org.proxyscope.report.scope", "org.proxyscope.probe.findings",
                "org.proxyscope.notes.timeline", "org.proxyscope.report.remediation", "org.proxyscope.report.evidence", "org.proxyscope.report.custody",
                "org.proxyscope.probe.transcripts"), done.sections());
        String text = tool("pdftotext", "-layout", pdf.toString(), "-");
        for (String expected : List.of(c.id().toString(), "Executive summary", "Scope and authorisation", "Probe findings",
                "Remediation for the customer", "Custody log", "Appendix: probe transcripts", "KUNDE-4711", "Dana Levi",
                "Open proxy: SOCKS5 on port 1080, relayed for anyone, proven by Proxyscope's canary.",
                "pxc-00112233445566778899aabbccddeeff", "2026-12-04 10:15:30 UTC", "Unverified: the service answered as if it relayed",
                "SOCKS5 on port 1080: relayed to the canary", "2026-12-04 10:15:30 UTC from 127.0.0.1:40404",
                "1 port refused the connection: 81.", "Close the proxy ports (1080)", "anti-trojan scanner", "<U+202E><U+0007>",
                "Page 1 of " + done.pages())) {
            assertTrue(text.contains(expected), "the report's text lacks \"" + expected + "\"; its page lines: "
                    + text.lines().filter(l -> l.contains("Page ")).limit(3).toList());
        }
        assertFalse(text.contains("port 3128 relayed"), "only the ports actually found relaying are named");
        assertTrue(text.lines().anyMatch(l -> l.matches("Relaying seen\\s+2026-12-04 10:15:30 UTC\\s*")), "one proof, one time, not a span");
        assertTrue(text.replaceAll("\\s+", " ").contains("proven by Proxyscope's canary. Relaying was seen at 2026-12-04 10:15:30 UTC."),
                "the executive summary says when, once");
        assertTrue(text.contains("Offener SOCKS-Proxy bei"), "Unicode titles are typeset");
        assertTrue(text.contains("כהן") || text.contains("ןהכ"), "Hebrew survives as text: " + text.substring(0, 600));
        for (CustodyEntry e : before) {
            assertTrue(text.replace("\n", " ").contains(e.hash().substring(0, 40)) || text.contains(e.hash()),
                    "the custody log lists entry " + e.sequence() + "'s hash");
        }

        String fonts = tool("pdffonts", pdf.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertFalse(rows.isEmpty(), fonts);
        for (String row : rows) {
            assertTrue(row.matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"), "every font embedded, subset and with a Unicode map: " + row);
        }
        String info = tool("pdfinfo", pdf.toString());
        assertEquals("Case report " + c.id() + ": Offener SOCKS-Proxy bei יעל כהן", field(info, "Title"));
        assertEquals("Dana Levi", field(info, "Author"));
        assertEquals(Integer.toString(done.pages()), field(info, "Pages"));
        String version = org.proxyscope.core.ProxyscopeVersion.current().toString();
        assertEquals(version, field(info, "Creator"));
        assertTrue(text.replace("\n", " ").matches("(?s).*generated by " + java.util.regex.Pattern.quote(version) + " from the records.*"),
                "the cover names the version once: " + text.substring(text.indexOf("generated by") - 30, text.indexOf("generated by") + 90));

        assertEquals(done.pages(), render(pdf, "report"));

        CustodyEntry last = ws.custody(c.id()).get(ws.custody(c.id()).size() - 1);
        assertEquals(CustodyAction.REPORT_EXPORTED, last.action());
        assertTrue(last.details().contains("sha256 " + done.evidence().sha256()), last.details());
        assertEquals(Files.size(pdf), done.evidence().size());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.storedFile(done.evidence()))));
        assertTrue(ws.verify(c.id(), Progress.NONE).intact());
    }

    @Test
    void bookmarksNameEverySection() throws Exception {
        Case c = caseWithRun("Bookmarks", 0);
        Path pdf = tmp.resolve("outline.pdf");
        CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        try (var reader = new org.openpdf.text.pdf.PdfReader(pdf.toString())) {
            List<Map<String, Object>> outline = org.openpdf.text.pdf.SimpleBookmark.getBookmarkList(reader);
            List<String> titles = outline.stream().map(m -> (String) m.get("Title")).toList();
            assertEquals(List.of("Executive summary", "Scope and authorisation", "Probe findings", "Case timeline",
                    "Remediation for the customer",
                    "Evidence", "Custody log", "Appendix: probe transcripts"), titles);
        }
    }

    /**
     * The scope section shows the case's scope as it is now; a run probed under an earlier one must say which, or
     * the report claims the host was tested outside the scope it lists (as it did once, after an edit).
     */
    @Test
    void eachRunNamesTheScopeItWasCheckedAgainstAfterTheScopeChanges() throws Exception {
        Case c = caseWithRun("Scope changed after the run", 0);
        ws.editCase(c.id(), NewCase.of(c.title(), "127.0.0.1", "10.0.0.1:25,1080", "KUNDE-4711", "high", List.of("socks")));
        String text = reportText(c, "scope.pdf");
        assertTrue(text.contains("Host Ports 10.0.0.1 25,1080"), "the scope as it stands now: " + text.substring(0, 1500));
        assertTrue(text.contains("Scope 127.0.0.1, every port (the case's scope has changed since)"), "the run's scope, then");

        Case unchanged = caseWithRun("Scope as it was", 0);
        String plain = reportText(unchanged, "same.pdf");
        assertTrue(plain.contains("Host Ports 127.0.0.1 every port"), plain.substring(0, 1500));
        assertTrue(plain.contains("Scope 127.0.0.1, every port Canary"), "no change, no remark");

        Case widened = ws.createCase(NewCase.of("Scope widened", "127.0.0.1", "127.0.0.1:1080,3128", "", "high", List.of()));
        ProbeReport r = run(0);
        ProbeEvidence.keep(ws, widened.id(), new ProbeReport(r.host(), r.started(), r.elapsed(), r.findings(),
                Scope.parse("127.0.0.1:1080")), "Proxyscope's canary on 127.0.0.1:45000");
        assertTrue(reportText(widened, "one.pdf").contains("Scope 127.0.0.1, port 1080 (the case's scope has changed since)"),
                "one port, in the singular");
    }

    @Test
    void aCaseWithNothingInItStillGivesAReport() throws Exception {
        Case c = ws.createCase(NewCase.of("Nothing yet", "192.0.2.7", "192.0.2.7:1080", "", "low", List.of()));
        Path pdf = tmp.resolve("empty.pdf");
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        String text = tool("pdftotext", pdf.toString(), "-");
        assertTrue(text.contains("No probe run or capture analysis is kept in this case yet: no verdict."), text);
        assertFalse(done.sections().contains("org.proxyscope.report.remediation"), "nothing to remedy, no remediation");
        assertFalse(done.sections().contains("org.proxyscope.probe.findings"));
    }

    @Test
    void aLargeRunBreaksItsTablesAcrossPagesWithTheHeaderRepeated() throws Exception {
        Case c = caseWithRun("Two hundred findings", 200);
        Path pdf = tmp.resolve("large.pdf");
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf).omitting(Set.of("org.proxyscope.probe.transcripts")), Progress.NONE);
        assertFalse(done.sections().contains("org.proxyscope.probe.transcripts"), "an omitted section stays out");
        String text = tool("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("20199"), "the last of the 200 findings is there");
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s*20199\\s+socks4\\s.*")), "a five-digit port stays whole in its column");
        long headers = text.lines().filter(l -> l.matches("\\s*Port\\s+Protocol\\s+Verdict\\s+Service\\s+Detail\\s*")).count();
        assertTrue(headers >= 3, "the findings table spans pages and repeats its header: " + headers);
    }

    /**
     * The page count an export gives (the command line prints it, the evidence's source keeps it) is the file's,
     * also when the last table ends at a page's foot: the space after it began a page that stays empty and is
     * dropped, and a 3-page report was said to have 4. The custody log, the last table, grows by a row or two a
     * round until its end has met the foot of a page.
     */
    @Test
    void thePageCountSaidIsTheFilesEvenWhenTheLastPageEndsFull() throws Exception {
        Case c = ws.createCase(NewCase.of("Pages", "192.0.2.7", "", "", "low", List.of()));
        for (int round = 0; round < 24; round++) {
            ws.record(c.id(), CustodyAction.CHECK_RUN, "round " + round);
            Path pdf = tmp.resolve("pages-" + round + ".pdf");
            CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
            assertEquals(field(tool("pdfinfo", pdf.toString()), "Pages"), Integer.toString(done.pages()), "round " + round);
        }
    }

    @Test
    void refusesWhatWouldLoseOrHalfWriteAFile() throws Exception {
        Case c = caseWithRun("Refusals", 0);
        Path existing = tmp.resolve("existing.pdf");
        Files.writeString(existing, "the analyst's earlier report");
        ReportException exists = assertThrows(ReportException.class,
                () -> CaseReport.export(ws, c.id(), sections, ExportRequest.to(existing), Progress.NONE));
        assertEquals(existing + " exists already; choose another name or allow overwriting (--force)", exists.getMessage());
        assertEquals("the analyst's earlier report", Files.readString(existing));

        assertThrows(UnknownCaseException.class,
                () -> CaseReport.export(ws, new CaseId(2026, 404), sections, ExportRequest.to(tmp.resolve("x.pdf")), Progress.NONE));

        Path locked = tmp.resolve("locked");
        Files.createDirectory(locked, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        if (!Files.isWritable(locked)) { // root writes anywhere; the check means something for other users only
            ReportException denied = assertThrows(ReportException.class,
                    () -> CaseReport.export(ws, c.id(), sections, ExportRequest.to(locked.resolve("r.pdf")), Progress.NONE));
            assertEquals("The folder " + locked + " cannot be written to", denied.getMessage());
        }

        int custody = ws.custody(c.id()).size();
        ReportException cancelled = assertThrows(ReportException.class, () -> CaseReport.export(ws, c.id(), sections, ExportRequest.to(tmp.resolve("cancelled.pdf")),
                () -> true));
        assertTrue(cancelled.getMessage().contains("was cancelled; nothing was written"), cancelled.getMessage());
        assertFalse(Files.exists(tmp.resolve("cancelled.pdf")));
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no partial file is left");
        }
        assertEquals(custody, ws.custody(c.id()).size(), "a failed export leaves the custody log as it was");

        // --force replaces an earlier file, never a device, a pipe or a link (as root, a report once replaced /dev/full)
        Path pipe = tmp.resolve("pipe.pdf");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        Path link = Files.createSymbolicLink(tmp.resolve("link.pdf"), existing);
        for (Path special : List.of(pipe, link)) {
            ReportException refused = assertThrows(ReportException.class, () -> CaseReport.export(ws, c.id(), sections,
                    ExportRequest.to(special).overwriting(true), Progress.NONE));
            assertEquals(special + (special.equals(link) ? " is a link" : " is a device or a pipe") + ", not a file; name a new file,"
                    + " or a file to replace (--force)", refused.getMessage());
        }
        assertTrue(Files.isSymbolicLink(link) && !Files.isRegularFile(pipe));
        assertEquals("the analyst's earlier report", Files.readString(existing));

        CaseReport.Exported again = CaseReport.export(ws, c.id(), sections, ExportRequest.to(existing).overwriting(true).omitting(Set.of()), Progress.NONE);
        assertTrue(Files.readString(existing, StandardCharsets.ISO_8859_1).startsWith("%PDF-"), "--force replaces it");
        assertEquals(again.evidence().sha256(), ws.evidence(c.id()).get(ws.evidence(c.id()).size() - 1).sha256());
    }

    /** Exports the case's report to {@code name} and gives its text, each run of white space as one space. */
    private String reportText(Case c, String name) throws Exception {
        Path pdf = tmp.resolve(name);
        CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        return tool("pdftotext", pdf.toString(), "-").replaceAll("\\s+", " ");
    }

    private CaptureReport importInto(Case c, Path capture) throws Exception {
        return CaptureEvidence.keep(ws, c.id(), capture, new CaptureImporter(CaptureImporter.DEFAULT_REASSEMBLY_LIMIT), Progress.NONE).report();
    }

    /**
     * The customer's netstat listing, made on the PC behind the router: its sockets on proxy ports are the report's
     * finding (the report once said only "No proxy session was found"), with what the listing lost. They make
     * the capture's standing inconclusive, not proof: the notice stays refused.
     */
    @Test
    void aNetstatListingsProxyPortsAndWhatItLeftOutAreInTheReport() throws Exception {
        Path listing = Files.writeString(tmp.resolve("netstat-ano.txt"), """

                Active Connections

                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       904
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                 [wupdate.exe]
                  TCP    0.0.0.0:socks          DESKTOP-4711:0         LISTENING       3120
                  TCP    [::]:1080              [::]:0                 LISTENING       3120
                """);
        Case c = ws.createCase(NewCase.of("Customer's listing", "203.0.113.50", "", "KUNDE-4711", "high", List.of()));
        importInto(c, listing);
        setUpDesk();
        String text = reportText(c, "listing.pdf");
        for (String expected : List.of("Proxy ports are open on the host (1080, 8080), but no capture shows a session relayed"
                + " through it.", "The listing netstat-ano.txt (evidence #1) holds no proxy session. It shows 2 sockets of the host listening on proxy"
                        + " ports: 0.0.0.0:8080 (wupdate.exe) and [::]:1080 (PID 3120).",
                "Format netstat listing", "Left out 1 socket line left out: they name hosts or services",
                "Listening on proxy ports Socket Service Process 0.0.0.0:8080 not told wupdate.exe [::]:1080 not told PID 3120",
                "No proxy session was found in this listing.")) {
            assertTrue(text.contains(expected), "the report lacks \"" + expected + "\": " + text.substring(0, Math.min(text.length(), 3000)));
        }
        assertFalse(text.contains("0.0.0.0:135"), "a port where proxies are not found is no finding");
        ReportException noProof = assertThrows(ReportException.class,
                () -> CustomerNotice.export(ws, c.id(), sections, tmp.resolve("listing-notice.pdf"), false));
        assertTrue(noProof.getMessage().contains("a notice would accuse them without proof"), noProof.getMessage());
    }

    /**
     * A listing where the program on the proxy port holds a connection from outside and connects to port 25 of mail
     * servers: the report names that pattern and what proves it, and stays inconclusive, as a moment's connections are
     * no session seen relayed. A proxy bound to loopback serves the PC alone and is no open port of the host.
     */
    @Test
    void aListedProxyWithOutsideClientsAndMailIsThePatternOfARelayNotItsProof() throws Exception {
        Path listing = Files.writeString(tmp.resolve("netstat-ano.txt"), """
                  Proto  Local Address          Foreign Address        State           PID
                  TCP    0.0.0.0:8080           0.0.0.0:0              LISTENING       3120
                  TCP    127.0.0.1:3128         0.0.0.0:0              LISTENING       2200
                  TCP    [::]:1080              [::]:0                 LISTENING       3120
                  TCP    192.168.1.5:8080       203.0.113.9:51235      ESTABLISHED     3120
                  TCP    192.168.1.5:49712      198.51.100.25:25       ESTABLISHED     3120
                  TCP    192.168.1.5:49714      198.51.100.26:25       SYN_SENT        3120
                  TCP    127.0.0.1:3128         127.0.0.1:50100        ESTABLISHED     2200
                """);
        Case c = ws.createCase(NewCase.of("Customer's listing", "203.0.113.50", "", "KUNDE-4711", "high", List.of()));
        importInto(c, listing);
        setUpDesk();
        String text = reportText(c, "pattern.pdf");
        for (String expected : List.of("Proxy ports are open on the host (1080, 8080), but no capture shows a session relayed through"
                + " it. The listing shows PID 3120, listening on proxy ports 8080 and 1080, holding connections from"
                + " 203.0.113.9 and connecting to port 25 of 198.51.100.25 and 198.51.100.26: the pattern of a proxy relaying mail,"
                + " which a probe with the canary or a capture of the host's traffic can prove.",
                "It shows 2 sockets of the host listening on proxy ports: 0.0.0.0:8080 (PID 3120) and [::]:1080 (PID 3120).",
                "Socket Service Process In use 0.0.0.0:8080 not told PID 3120 connected from 203.0.113.9; its process connects to"
                        + " port 25 of 198.51.100.25 and 198.51.100.26 127.0.0.1:3128 not told PID 2200 reachable from this machine"
                        + " alone [::]:1080 not told PID 3120 its process connects to port 25 of 198.51.100.25 and 198.51.100.26")) {
            assertTrue(text.contains(expected), "the report lacks \"" + expected + "\": " + text.substring(0, Math.min(text.length(), 3000)));
        }
        assertThrows(ReportException.class, () -> CustomerNotice.export(ws, c.id(), sections, tmp.resolve("pattern-notice.pdf"), false),
                "the pattern is no proof to accuse the customer with");
    }

    /** Real traffic through the test proxies, recorded by tcpdump: the report says since when the host relays. */
    @Test
    void aRecordedCaptureGivesSessionsByOutcomeChartsAndSinceWhen() throws Exception {
        String dir = System.getenv("PROXYSCOPE_TEST_CAPTURES");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null, "the recorded captures are not there");
        Case c = ws.createCase(NewCase.of("Proxies on the test line", "127.0.0.1", "127.0.0.1", "", "high", List.of()));
        CaptureReport imported = importInto(c, Path.of(dir, "lo.pcap"));
        List<KeptCapture> kept = CaptureRecords.of(ws).list(c.id());
        assertEquals(1, kept.size());
        assertEquals(imported.sessions().size(), kept.get(0).sessions().size(), "every proxy session is kept in the case");
        assertEquals(imported.packets(), kept.get(0).packets());
        // since when it relays, found by the database: the same first and last session as sorting every kept one
        List<KeptCapture.Session> relayedByStart = kept.get(0).sessions().stream()
                .filter(s -> s.outcome() == ProxySession.Outcome.ESTABLISHED && s.startedNanos() > 0)
                .sorted(java.util.Comparator.comparingLong(KeptCapture.Session::startedNanos)).toList();
        List<CaptureRecords.RelaySpan> spans = CaptureRecords.of(ws).relaySpans(c.id());
        assertEquals(1, spans.size());
        assertTrue(relayedByStart.size() > 1, "the recorded traffic relays more than once");
        assertEquals(new CaptureRecords.RelaySpan(1, "lo.pcap", relayedByStart.size(), relayedByStart.get(0),
                relayedByStart.get(relayedByStart.size() - 1)), spans.get(0));
        assertEquals(List.of("1/" + relayedByStart.get(0).flow(), "1/" + relayedByStart.get(relayedByStart.size() - 1).flow()),
                org.proxyscope.notes.CaseTimeline.of(ws, c.id()).stream().filter(e -> e.kind().equals("session"))
                        .map(org.proxyscope.notes.TimelineEntry::ref).toList(), "the timeline's first and last relayed session");
        List<org.proxyscope.core.model.SearchHit> sessions = ws.searchEverything("socks5 established", Optional.of(c.id()), 50);
        assertTrue(sessions.stream().anyMatch(h -> h.kind().equals("session") && h.ref().startsWith("1/")),
                "the capture's sessions are found by the workspace search: " + sessions);
        Path pdf = tmp.resolve("capture.pdf");
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        assertTrue(done.sections().contains("org.proxyscope.capture.findings"), done.sections().toString());
        String text = tool("pdftotext", "-layout", pdf.toString(), "-");
        for (String expected : List.of("Capture findings", "Evidence #1: lo.pcap", "Relaying since", "Sessions by protocol and outcome",
                "Proxy sessions over time", "Proxy sessions by protocol", "Busiest clients", "Busiest destinations",
                "Captured traffic shows")) {
            assertTrue(text.contains(expected), "the report's text lacks \"" + expected + "\"");
        }
        long established = imported.sessions().stream().filter(s -> s.outcome() == ProxySession.Outcome.ESTABLISHED).count();
        assertEquals(done.pages(), render(pdf, "capture"));
        String flowing = text.replaceAll("\\s+", " ");
        assertTrue(flowing.matches("(?s).*Captured traffic shows " + established + " sessions relayed through the host \\([^)]*\\)\\."
                + " Relaying was seen from \\S+ \\S+ UTC to \\S+ \\S+ UTC\\..*"), "the verdict, then when, said once: " + flowing.substring(0, 1500));
    }

    /** A 64 MiB capture dense in proxy sessions, as the benchmark makes them. */
    private Path denseCapture() throws Exception {
        return denseCapture(64);
    }

    /** make-capture.py's capture dense in sessions, of {@code mib} MiB: every proxy session goes through 192.0.2.7. */
    private Path denseCapture(int mib) throws Exception {
        Path capture = tmp.resolve("dense-" + mib + ".pcap");
        Process maker = new ProcessBuilder("python3", Path.of("../../releng/bench/make-capture.py").toAbsolutePath().toString(),
                Integer.toString(mib), capture.toString(), "--dense").inheritIO().start();
        assertEquals(0, maker.waitFor());
        return capture;
    }

    /**
     * A capture whose proxy is another host than the case's proves nothing against this customer: the report
     * says whose sessions they were, and the notice is refused. Named in the scope (the PC's address behind
     * its router), the same sessions are the host's.
     */
    @Test
    void sessionsThroughAnotherHostAreNotLaidAtTheCustomersDoor() throws Exception {
        Path capture = denseCapture(1);
        Case c = ws.createCase(NewCase.of("Wrong line", "198.51.100.77", "198.51.100.77", "KUNDE-4711", "high", List.of()));
        importInto(c, capture);
        setUpDesk();
        String text = reportText(c, "other.pdf");
        assertTrue(text.matches(".*Captured traffic shows \\d+ sessions relayed through other hosts \\(192\\.0\\.2\\.7\\), none through"
                + " 198\\.51\\.100\\.77 or the other hosts of its scope\\..*"), text.substring(0, 1500));
        assertFalse(text.contains("relayed through the host"), "no claim that the customer's host relayed");
        assertTrue(text.matches(".*proxy sessions; none was relayed to its destination through the case's host; \\d+ were relayed"
                + " through other hosts \\(192\\.0\\.2\\.7\\)\\..*"), text.substring(0, 1500));
        ReportException noProof = assertThrows(ReportException.class,
                () -> CustomerNotice.export(ws, c.id(), sections, tmp.resolve("other-notice.pdf"), false));
        assertTrue(noProof.getMessage().contains("a notice would accuse them without proof"), noProof.getMessage());

        ws.editCase(c.id(), NewCase.of("Wrong line", "198.51.100.77", "198.51.100.77,192.0.2.7", "KUNDE-4711", "high", List.of()));
        assertTrue(reportText(c, "scoped.pdf").matches(".*Captured traffic shows \\d+ sessions"
                + " relayed through the host \\(SOCKS5 on port .*"), "the scope's address counts as the host's");
    }

    /** Ten thousand flows, thousands of proxy sessions and a run of two hundred findings still make a compact report. */
    @Test
    void tenThousandFlowsAndTwoHundredFindingsStillRender() throws Exception {
        Path capture = denseCapture();
        Case c = caseWithRun("Dense line", 200);
        CaptureReport imported = importInto(c, capture);
        assertTrue(imported.flowCount() >= 10_000, imported.flowCount() + " flows");
        Path pdf = tmp.resolve("dense.pdf");
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        String text = tool("pdftotext", "-layout", pdf.toString(), "-");
        assertTrue(text.contains("Busiest clients (10 of "), "the client table is cut to the ten busiest");
        assertTrue(text.contains("20199"), "the last of the 200 findings is there");
        assertTrue(Files.size(pdf) < 5_000_000, Files.size(pdf) + " bytes");
        assertTrue(done.pages() < 200, done.pages() + " pages");
    }

    /**
     * A capture dense in sessions takes a few search entries, one per proxy, protocol and outcome and thousand
     * addresses, and every client is still found by its address; a note links any one of its sessions.
     */
    @Test
    void aDenseCapturesClientsAreFoundAndEachSessionIsLinkable() throws Exception {
        Path capture = denseCapture();
        Case c = ws.createCase(NewCase.of("Dense line", "192.0.2.7", "192.0.2.7", "", "high", List.of()));
        List<ProxySession> sessions = importInto(c, capture).sessions();
        Set<String> clients = new java.util.HashSet<>();
        Set<List<Object>> groups = new java.util.HashSet<>();
        for (ProxySession x : sessions) {
            clients.add(x.flow().client().host());
            groups.add(List.of(x.flow().server(), x.protocol(), x.outcome()));
        }
        assertTrue(clients.size() > 1_000, clients.size() + " clients");
        List<String> titles = ws.indexedRecords(c.id(), "session", "", 100_000).stream().map(org.proxyscope.core.model.SearchHit::title)
                .toList();
        int entries = titles.size();
        ProxySession first = sessions.get(0);
        String firstVia = first.protocol() + " via " + first.flow().server() + ", " + first.outcome().word() + ": ";
        List<String> parts = titles.stream().filter(t -> t.startsWith(firstVia)).toList();
        for (int i = 0; i < parts.size(); i++) {
            assertTrue(parts.get(i).endsWith(" (part " + (i + 1) + " of " + parts.size() + ")"), "a group's entries say which they are: "
                    + parts);
        }
        // a group of more than a thousand addresses goes on in another entry, and each full entry holds 500 sessions or more
        assertTrue(entries > groups.size() && entries * 400 < sessions.size(),
                entries + " search entries for " + groups.size() + " proxies and outcomes, " + sessions.size() + " sessions");
        int checked = 0;
        for (ProxySession x : sessions) {
            if (!clients.remove(x.flow().client().host()) || checked++ % 37 != 0 && x != sessions.get(sessions.size() - 1)) {
                continue; // each client once, a sample of them and the last session's
            }
            String client = x.flow().client().host();
            String via = x.protocol() + " via " + x.flow().server() + ", " + x.outcome().word() + ": ";
            List<org.proxyscope.core.model.SearchHit> hits = ws.searchEverything(client, Optional.of(c.id()), 10);
            org.proxyscope.core.model.SearchHit hit = hits.stream().filter(h -> h.kind().equals("session") && h.title().startsWith(via)
                    && h.snippet().contains("«" + client + "»")).findFirst().orElseThrow(() -> new AssertionError(client + " found through "
                    + via + ": " + hits));
            // opened, the result shows a session of this client through that proxy, not the entry's first
            String opened = org.proxyscope.notes.SearchTarget.ref(ws, hit);
            String session = CaptureRecords.of(ws).session(c.id(), opened).orElseThrow().title();
            assertTrue(session.startsWith(x.protocol() + " from " + client + " through " + x.flow().server() + " to "), opened + ": " + session);
        }
        ProxySession last = sessions.get(sessions.size() - 1);
        String ref = "1/" + last.flow().number();
        String title = "capture session " + ref + ", " + last.protocol() + " from "
                + last.flow().client().host() + " through " + last.flow().server() + " to "
                + last.destination() + ", " + last.outcome().word();
        assertEquals(List.of(new org.proxyscope.notes.NoteLinks.Link("session", ref, "[[session:" + ref + "]]", title, true)),
                org.proxyscope.notes.NoteLinks.resolve(ws, c.id(), "See [[session:" + ref + "]]."), "a session that no entry is named after");
        assertFalse(org.proxyscope.notes.NoteLinks.resolve(ws, c.id(), "[[session:1/999999]]").get(0).found());
        assertEquals(List.of(title), org.proxyscope.notes.NoteLinks.completions(ws, c.id(), "session:" + ref, 10).stream()
                .map(org.proxyscope.notes.NoteLinks.Link::target).toList(), "typing its ref offers it");
        assertEquals(10, org.proxyscope.notes.NoteLinks.completions(ws, c.id(), "session:1/", 10).size());
        List<String> begun = org.proxyscope.notes.NoteLinks.completions(ws, c.id(), "ses", 3).stream()
                .map(org.proxyscope.notes.NoteLinks.Link::target).toList();
        assertEquals(3, begun.size(), begun.toString());
        assertTrue(begun.stream().allMatch(t -> t.startsWith("capture session 1/") && t.contains(" from ")), "\"[[ses\" offers the sessions"
                + " themselves, as their links read: " + begun);
    }

    private Path keyPair(String password) throws Exception {
        Path key = tmp.resolve("desk.p12");
        tool(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "desk", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-dname", "CN=Abuse Desk Test, O=Proxyscope Tests", "-storetype", "PKCS12",
                "-keystore", key.toString(), "-storepass", password, "-keypass", password);
        return key;
    }

    /** A report signed with the analyst's PKCS#12 key carries a signature that poppler's pdfsig verifies. */
    @Test
    void aSignedReportIsVerifiedByPdfsig() throws Exception {
        Case c = caseWithRun("Signed", 0);
        Path key = keyPair("correct horse");
        Path pdf = tmp.resolve("signed.pdf");
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections,
                ExportRequest.to(pdf).signedWith(new SigningKey(key, "correct horse".toCharArray())), Progress.NONE);
        assertEquals(Optional.of("CN=Abuse Desk Test,O=Proxyscope Tests"), done.signer());
        String verified = tool("pdfsig", pdf.toString());
        assertTrue(verified.contains("Signer Certificate Common Name: Abuse Desk Test"), verified);
        assertTrue(verified.contains("Signature Validation: Signature is Valid."), verified);
        assertTrue(verified.contains("Signed Ranges: [0 - "), verified);
        assertTrue(verified.contains("Total document signed"), "the signature covers the whole file: " + verified);
        assertTrue(tool("pdftotext", pdf.toString(), "-").contains("Executive summary"), "the signed file is the report");
        String custody = ws.custody(c.id()).get(ws.custody(c.id()).size() - 1).details();
        assertTrue(custody.contains("signed by CN=Abuse Desk Test,O=Proxyscope Tests"), custody);
    }

    @Test
    void aWrongKeyPasswordIsSaidAtOnceAndNothingIsWritten() throws Exception {
        Case c = caseWithRun("Wrong password", 0);
        Path key = keyPair("correct horse");
        int custody = ws.custody(c.id()).size();
        ReportException wrong = assertThrows(ReportException.class, () -> CaseReport.export(ws, c.id(), sections,
                ExportRequest.to(tmp.resolve("w.pdf")).signedWith(new SigningKey(key, "battery staple".toCharArray())), Progress.NONE));
        assertEquals("The key file " + key + " does not open with this password (or is not PKCS#12)", wrong.getMessage());
        ReportException missing = assertThrows(ReportException.class, () -> CaseReport.export(ws, c.id(), sections,
                ExportRequest.to(tmp.resolve("w.pdf")).signedWith(new SigningKey(tmp.resolve("none.p12"), new char[0])),
                Progress.NONE));
        assertEquals("There is no key file " + tmp.resolve("none.p12"), missing.getMessage());
        Path text = Files.writeString(tmp.resolve("key.txt"), "not a key store\n");
        ReportException notPkcs12 = assertThrows(ReportException.class, () -> CaseReport.export(ws, c.id(), sections,
                ExportRequest.to(tmp.resolve("w.pdf")).signedWith(new SigningKey(text, new char[0])), Progress.NONE));
        assertEquals("The key file " + text + " is not a PKCS#12 key store (.p12 or .pfx, as openssl pkcs12 -export writes it)",
                notPkcs12.getMessage());
        assertFalse(Files.exists(tmp.resolve("w.pdf")));
        try (var left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".w.pdf")), "no partial file is left");
        }
        assertEquals(custody, ws.custody(c.id()).size());
    }

    /** On a desk, one analyst opens the case and another makes the report: the cover names both, the PDF's author is the second. */
    @Test
    void theReportNamesWhoMadeItBesideWhoOpenedTheCase() throws Exception {
        Case c = caseWithRun("Handed over", 0);
        ws.close();
        ws = Workspace.open(tmp.resolve("ws"), "Noa Peretz");
        Path pdf = tmp.resolve("handed.pdf");
        CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        String cover = tool("pdftotext", "-l", "1", pdf.toString(), "-").replaceAll("\\s+", " ");
        assertTrue(cover.contains("Analyst Dana Levi"), cover);
        assertTrue(cover.matches(".*Generated \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by Noa Peretz .*"), cover);
        assertEquals("Noa Peretz", field(tool("pdfinfo", pdf.toString()), "Author"));
    }

    /** The command line as an analyst scripts it: exit codes, the password only from the environment. */
    @Test
    void theReportCommandSaysWhatIsWrongWithItsArguments() throws Exception {
        Case c = caseWithRun("Command line", 0);
        ws.close();
        String folder = tmp.resolve("ws").toString();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        org.proxyscope.cli.CommandContext io = new org.proxyscope.cli.CommandContext(new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        org.proxyscope.report.internal.cli.ReportCommand command = new org.proxyscope.report.internal.cli.ReportCommand();
        Path pdf = tmp.resolve("cli.pdf");
        assertEquals(0, command.run(List.of(c.id().toString(), "--out", pdf.toString(), "--workspace", folder), io));
        assertTrue(out.toString().startsWith(pdf + ": "), out.toString());
        assertEquals(1, command.run(List.of(c.id().toString(), "--out", pdf.toString(), "--workspace", folder), io));
        assertTrue(err.toString().contains("exists already; choose another name or allow overwriting (--force)"), err.toString());
        org.proxyscope.cli.UsageException noVariable = assertThrows(org.proxyscope.cli.UsageException.class, () -> command.run(
                List.of(c.id().toString(), "--out", tmp.resolve("x.pdf").toString(), "--sign", "k.p12", "--sign-pass-env",
                        "PROXYSCOPE_NO_SUCH_VARIABLE", "--workspace", folder), io));
        assertEquals("the environment variable PROXYSCOPE_NO_SUCH_VARIABLE (--sign-pass-env) is not set", noVariable.getMessage());
        org.proxyscope.cli.UsageException omit = assertThrows(org.proxyscope.cli.UsageException.class, () -> command.run(
                List.of(c.id().toString(), "--out", tmp.resolve("x.pdf").toString(), "--omit", "org.example.nothing",
                        "--workspace", folder), io));
        assertEquals("--omit: there is no report section org.example.nothing", omit.getMessage());
        ws = Workspace.open(tmp.resolve("ws"), "Dana Levi"); // for close()
    }

    /**
     * What a desk's script asks of many cases at once: each case's standing and verdict as the report's cover says it,
     * since when it relays and what to close, with nothing written to the cases.
     */
    @Test
    void theVerdictCommandSaysEachCasesStandingWithoutWritingAnything() throws Exception {
        Case relaying = caseWithRun("Relaying", 0);
        Case empty = ws.createCase(NewCase.of("Nothing yet", "192.0.2.9", "", "", "low", List.of()));
        int custodyBefore = ws.custody(relaying.id()).size();
        ws.close();
        String folder = tmp.resolve("ws").toString();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.proxyscope.cli.CommandContext io = new org.proxyscope.cli.CommandContext(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
        org.proxyscope.report.internal.cli.VerdictCommand command = new org.proxyscope.report.internal.cli.VerdictCommand();
        assertEquals(0, command.run(List.of(relaying.id().toString(), empty.id().toString(), "--workspace", folder), io));
        assertEquals(List.of(relaying.id() + "  relays       Open proxy: SOCKS5 on port 1080, relayed for anyone, proven by Proxyscope's"
                + " canary. Relaying was seen at 2026-12-04 10:15:30 UTC. Ports to close: 1080.",
                empty.id() + "  no-relay     No probe run or capture analysis is kept in this case yet: no verdict."),
                out.toString(StandardCharsets.UTF_8).lines().toList());

        out.reset();
        assertEquals(0, command.run(List.of(relaying.id().toString(), "--json", "--workspace", folder), io));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonArray()
                .get(0).getAsJsonObject();
        assertEquals("relays", json.get("standing").getAsString());
        assertEquals("2026-12-04T10:15:30Z", json.get("relaying_first").getAsString());
        assertEquals("[{\"port\":1080,\"protocol\":\"socks5\"}]", json.get("exposed").toString());
        assertThrows(org.proxyscope.cli.UsageException.class, () -> command.run(List.of("--workspace", folder), io), "no case named");
        ws = Workspace.open(tmp.resolve("ws"), "Dana Levi"); // for close()
        assertEquals(custodyBefore, ws.custody(relaying.id()).size(), "asking writes nothing to the case");
    }

    private void setUpDesk() throws Exception {
        new DeskSettings("Beispiel Netz GmbH", "abuse@beispiel-netz.example", "beispiel-netz.example", 10).write(ws);
    }

    /** The letter to the customer: what was found, since when, what to do and by when, from the workspace's template. */
    @Test
    void theCustomerNoticeSaysWhatWasFoundAndWhatToDo() throws Exception {
        Case c = caseWithRun("Notice", 0);
        ReportException unset = assertThrows(ReportException.class,
                () -> CustomerNotice.export(ws, c.id(), sections, tmp.resolve("n.pdf"), false));
        assertTrue(unset.getMessage().startsWith("The abuse desk's name (the ISP) is not set: set it in Preferences > Reporting"),
                unset.getMessage());
        // what the message names is enough to write the file by hand, as an analyst on the command line must
        Path desk = ws.folder().resolve(".proxyscope/report/desk.properties");
        assertTrue(unset.getMessage().contains(desk + " (name=, contact=, domain=, retest.days=;"), unset.getMessage());
        Files.createDirectories(desk.getParent());
        Files.writeString(desk, "name=Beispiel Netz GmbH\ncontact=abuse@example.net\ndomain=example.net\nretest.days=7\n");
        assertEquals(new DeskSettings("Beispiel Netz GmbH", "abuse@example.net", "example.net", 7), DeskSettings.required(ws));
        setUpDesk();
        NoticeTemplate.write(ws, NoticeTemplate.DEFAULT.replace("Kind regards,", "Mit freundlichen Grüßen,"));
        CustomerNotice.Exported notice = CustomerNotice.export(ws, c.id(), sections, tmp.resolve("n.pdf"), false);
        assertTrue(notice.pages() <= 2, notice.pages() + " pages");
        String text = tool("pdftotext", tmp.resolve("n.pdf").toString(), "-").replaceAll("\\s+", " ");
        for (String expected : List.of("Notice about your Internet line 127.0.0.1 (our reference " + c.id() + ")",
                "Dear customer KUNDE-4711", "open proxy: a SOCKS proxy on port 1080.", "We saw it relaying since 2026-12-04 10:15:30 UTC",
                "Close the proxy ports (1080)", "anti-trojan scanner", "abuse@beispiel-netz.example", "Mit freundlichen Grüßen",
                "Dana Levi Beispiel Netz GmbH abuse desk")) {
            assertTrue(text.contains(expected), "the notice lacks \"" + expected + "\": " + text);
        }
        // the steps leave the line's restriction to the template, which is the desk's policy: said once, not twice over
        assertEquals(1, text.split("restricted", -1).length - 1, text);
        assertEquals(CustodyAction.REPORT_EXPORTED, ws.custody(c.id()).get(ws.custody(c.id()).size() - 1).action());
        render(tmp.resolve("n.pdf"), "notice");

        ReportException field = assertThrows(ReportException.class, () -> NoticeTemplate.write(ws, "Dear {{custmer}}"));
        assertTrue(field.getMessage().startsWith("The notice template uses {{custmer}}, which is not a field"), field.getMessage());
        Case unnamed = ws.createCase(NewCase.of("No customer reference", "127.0.0.1", "127.0.0.1", "", "high", List.of()));
        ProbeEvidence.keep(ws, unnamed.id(), run(0), "Proxyscope's canary on 127.0.0.1:45000");
        CustomerNotice.export(ws, unnamed.id(), sections, tmp.resolve("unnamed.pdf"), false);
        String greeting = tool("pdftotext", "-layout", tmp.resolve("unnamed.pdf").toString(), "-").lines()
                .filter(l -> l.contains("Dear customer")).findFirst().orElseThrow().strip();
        assertEquals("Dear customer,", greeting, "a case without a customer reference leaves no gap");
        Case empty = ws.createCase(NewCase.of("No evidence", "192.0.2.9", "", "", "low", List.of()));
        ReportException noProof = assertThrows(ReportException.class,
                () -> CustomerNotice.export(ws, empty.id(), sections, tmp.resolve("n2.pdf"), false));
        assertTrue(noProof.getMessage().contains("a notice would accuse them without proof"), noProof.getMessage());
        assertFalse(Files.exists(tmp.resolve("n2.pdf")));
    }

    /** An ARF message (RFC 5965) as Python's own mail parser reads it: three parts of the right types. */
    @Test
    void theArfComplaintParsesAsAFeedbackReport() throws Exception {
        Case c = caseWithRun("ARF", 0);
        setUpDesk();
        Path eml = tmp.resolve("complaint.eml");
        Complaints.arf(ws, c.id(), sections, eml, false);
        String parsed = tool("/usr/bin/python3", "-c", """
                import email, email.policy, sys
                m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
                print(m.get_content_type(), m.get_param('report-type'), str(m['Subject']), m['From'].addresses[0].addr_spec)
                parts = list(m.iter_parts())
                print(len(parts), *[p.get_content_type() for p in parts])
                report = parts[1].get_payload()[0] if parts[1].is_multipart() else email.message_from_string(parts[1].get_content())
                print(report['Feedback-Type'], report['Version'], report['Source-IP'], report['Incidents'], report['User-Agent'])
                print(parts[0].get_content().splitlines()[0])
                """, eml.toString());
        List<String> lines = parsed.lines().toList();
        assertEquals("multipart/report feedback-report Open proxy at 127.0.0.1: SOCKS5 on port 1080 (" + c.id() + ")"
                + " abuse@beispiel-netz.example", lines.get(0), parsed);
        assertEquals("3 text/plain message/feedback-report text/rfc822-headers", lines.get(1), parsed);
        assertEquals("abuse 1 127.0.0.1 1 Proxyscope/" + org.proxyscope.core.ProxyscopeVersion.current().version(), lines.get(2), parsed);
        assertTrue(lines.get(3).startsWith("The host 127.0.0.1 works as an open proxy: SOCKS5 on port 1080."), parsed);
        assertTrue(Files.readString(eml).contains("Relaying was seen at 2026-12-04 10:15:30 UTC."), "one proof, one time");
    }

    /**
     * A host open on sixty ports, none next to another: the complaint's subject and first paragraph name every one, and no line of the
     * message passes 78 characters (the subject was once 1,300 characters on one line, past RFC 5322's 998). A
     * desk whose name holds a comma stays one sender.
     */
    @Test
    void aLongComplaintIsFoldedAndParsesWhole() throws Exception {
        List<Finding> findings = new ArrayList<>();
        for (int p = 0; p < 60; p++) {
            findings.add(new Finding(20000 + 2 * p, "socks5", Verdict.OPEN,
                    Optional.of(new CanaryProof(String.format("pxc-%032x", p), "127.0.0.1:40404", Instant.parse("2026-12-04T10:15:30Z"),
                            "the canary received the token from 127.0.0.1:40404")),
                    "granted; the canary received the token from 127.0.0.1:40404", exchange(new byte[] {5, 1, 0}, new byte[] {5, 0})));
        }
        Case c = ws.createCase(NewCase.of("Sixty ports", "127.0.0.1", "127.0.0.1", "KUNDE-4711", "high", List.of()));
        ProbeEvidence.keep(ws, c.id(), new ProbeReport("127.0.0.1", Instant.parse("2026-12-04T10:15:29Z"), Duration.ofMillis(900),
                findings, Scope.parse("127.0.0.1")), "Proxyscope's canary on 127.0.0.1:45000");
        new DeskSettings("Beispiel Netz GmbH, Abuse Team", "abuse@beispiel-netz.example", "beispiel-netz.example", 10).write(ws);
        Path eml = tmp.resolve("long.eml");
        Complaints.arf(ws, c.id(), sections, eml, false);
        for (String line : Files.readString(eml).split("\r\n")) {
            assertTrue(line.length() <= 78, line.length() + " characters: " + line);
        }
        List<String> parsed = tool("/usr/bin/python3", "-c", """
                import email, email.policy, sys
                m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
                print(len(m['From'].addresses), m['From'].addresses[0].display_name)
                print(m['Subject'])
                text = list(m.iter_parts())[0].get_content().replace('\\r\\n', '\\n')
                print(text.split('\\n\\n')[0].replace('\\n', ' '))
                """, eml.toString()).lines().toList();
        assertEquals("1 Beispiel Netz GmbH, Abuse Team abuse desk", parsed.get(0));
        assertTrue(parsed.get(1).startsWith("Open proxy at 127.0.0.1: SOCKS5 on ports 20000, 20002, ")
                && parsed.get(1).endsWith(", 20116 and 20118 (" + c.id() + ")"), parsed.get(1));
        assertTrue(parsed.get(2).startsWith("The host 127.0.0.1 works as an open proxy: SOCKS5 on ports 20000, 20002, ")
                && parsed.get(2).contains(", 20116 and 20118. It relays for anyone"), parsed.get(2));

        // a name that is not plain ASCII goes as encoded words of at most 75 characters; with a comma, whole
        for (String name : List.of("Netzbetreiber Süd-Württemberg Überlandwerke GmbH", "Netz Süd GmbH, Abuse")) {
            new DeskSettings(name, "abuse@beispiel-netz.example", "beispiel-netz.example", 10).write(ws);
            Path encoded = tmp.resolve("encoded.eml");
            Complaints.arf(ws, c.id(), sections, encoded, true);
            for (String line : Files.readString(encoded).split("\r\n")) {
                assertTrue(line.length() <= 78, line.length() + " characters: " + line);
                java.util.regex.Matcher word = java.util.regex.Pattern.compile("=\\?UTF-8\\?B\\?[^?]*\\?=").matcher(line);
                while (word.find()) {
                    assertTrue(word.group().length() <= 75, word.group());
                }
            }
            assertEquals("1 " + name + " abuse desk", tool("/usr/bin/python3", "-c", """
                    import email, email.policy, sys
                    m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
                    print(len(m['From'].addresses), m['From'].addresses[0].display_name)
                    """, encoded.toString()).strip());
        }
    }

    /** An X-ARF report validates against the XARF v4 rules, with the proving transcript attached and hashed. */
    @Test
    void theXarfComplaintValidatesAgainstItsSchema() throws Exception {
        Case c = caseWithRun("X-ARF", 0);
        setUpDesk();
        Path json = tmp.resolve("complaint.json");
        Complaints.xarf(ws, c.id(), sections, json, false);
        Path schema = Path.of("schemas", "xarf-v4-vulnerability-open.schema.json").toAbsolutePath();
        String checked = tool("/usr/bin/python3", "-c", """
                import json, sys, jsonschema
                report = json.load(open(sys.argv[1]))
                jsonschema.Draft202012Validator(json.load(open(sys.argv[2])), format_checker=jsonschema.FormatChecker()).validate(report)
                print(report['category'], report['type'], report['source_identifier'], report['source_port'], report['service'])
                print(len(report['evidence']), report['evidence'][0]['hash'], report['tags'])
                """, json.toString(), schema.toString());
        List<String> lines = checked.lines().toList();
        assertEquals("vulnerability open 127.0.0.1 1080 open proxy (socks5)", lines.get(0), checked);
        org.proxyscope.core.model.Evidence transcript = ws.evidence(c.id()).stream()
                .filter(e -> e.source().startsWith("probe transcript, socks5")).findFirst().orElseThrow();
        assertEquals("1 sha256:" + transcript.sha256() + " ['proxy:socks5']", lines.get(1), checked);
        Files.writeString(tmp.resolve("broken.json"), Files.readString(json).replace("\"category\": \"vulnerability\"",
                "\"category\": \"proxy\""));
        Process refused = new ProcessBuilder("/usr/bin/python3", "-c", """
                import json, sys, jsonschema
                jsonschema.Draft202012Validator(json.load(open(sys.argv[2]))).validate(json.load(open(sys.argv[1])))
                """, tmp.resolve("broken.json").toString(), schema.toString()).start();
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, refused.exitValue(), "the schema check can fail: a wrong category is refused");
    }

    /** A disk that fills while the report is written: a clear error, no half file, nothing in the custody log. */
    @Test
    void aFullDiskLeavesNoHalfReport() throws Exception {
        String small = System.getenv("PROXYSCOPE_TEST_SMALL_FS");
        org.junit.jupiter.api.Assumptions.assumeTrue(small != null && !small.isBlank(), "no small file system (PROXYSCOPE_TEST_SMALL_FS)");
        Case c = caseWithRun("Full disk", 200);
        Path folder = Files.createTempDirectory(Path.of(small), "report");
        Path filler = folder.resolve("filler");
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            Files.write(filler, new byte[(int) Math.max(0, free - 24 * 1024)]);
            int custody = ws.custody(c.id()).size();
            ReportException full = assertThrows(ReportException.class, () -> CaseReport.export(ws, c.id(), sections,
                    ExportRequest.to(folder.resolve("r.pdf")), Progress.NONE));
            assertTrue(full.getMessage().startsWith("Cannot write the report of " + c.id() + " to " + folder.resolve("r.pdf")),
                    full.getMessage());
            assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
            try (var left = Files.list(folder)) {
                assertEquals(List.of(filler), left.toList(), "no partial file is left");
            }
            assertEquals(custody, ws.custody(c.id()).size());
        } finally {
            Files.deleteIfExists(filler);
            Files.deleteIfExists(folder);
        }
    }

    /** The notes marked for the report are its narrative, in their order, Markdown typeset and links spelled out. */
    @Test
    void notesMarkedForTheReportAreItsNarrative() throws Exception {
        Case c = caseWithRun("Notes", 0);
        org.proxyscope.notes.Notes notes = org.proxyscope.notes.Notes.of(ws);
        notes.add(c.id(), "Call with the customer", """
                The customer **confirmed** a proxy program started with Windows.

                - it listened on 1080
                - the transcript is [[evidence:1]]
                - a link to nothing: [[note:9]]

                ```
                netstat -ano | findstr 1080
                ```
                """, List.of(), true);
        notes.add(c.id(), "Private musings", "Not for the customer's eyes", List.of(), false);
        notes.add(c.id(), "שיחה עם הלקוח", "הלקוח אישר", List.of(), true);
        Path pdf = tmp.resolve("notes.pdf");
        CaseReport.Exported done = CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        assertTrue(done.sections().contains("org.proxyscope.notes.notes"), done.sections().toString());
        String text = tool("pdftotext", "-layout", pdf.toString(), "-").replaceAll("[ \t]+", " ");
        int call = text.indexOf("Call with the customer");
        int hebrew = Math.max(text.indexOf("שיחה עם הלקוח"), text.indexOf("חוקלה םע החיש"));
        assertTrue(call > 0 && hebrew > call, "the marked notes in their order");
        assertFalse(text.contains("Not for the customer"), "an unmarked note stays out (its title is in the custody log)");
        for (String expected : List.of("The customer confirmed a proxy program", "• it listened on 1080",
                "[evidence #1, 127.0.0.1-1080-socks5-", "[note 9 (missing or deleted)]", "netstat -ano | findstr 1080",
                "Case timeline", "finding socks5 on 127.0.0.1:1080: open", "note Call with the customer (by Dana Levi)")) {
            assertTrue(text.contains(expected), "the notes lack \"" + expected + "\": "
                    + text.substring(call, Math.min(text.length(), call + 1500)));
        }
        render(pdf, "notes");
    }

    /**
     * The fonts have no Chinese, Arabic or emoji glyphs: such characters are written as their code points, in the
     * title, the running header, the scope table and a note, where the PDF would otherwise leave them out unseen.
     */
    @Test
    void charactersTheFontsCannotShowAreWrittenAsCodePoints() throws Exception {
        Case c = ws.createCase(NewCase.of("Spam \u201c\u4e2d\u6587\u201d relayed \ud83d\ude80", "192.0.2.7", "192.0.2.7:1080", "KUNDE-\u0645\u062d\u0645\u062f",
                "high", List.of()));
        org.proxyscope.notes.Notes.of(ws).add(c.id(), "Subject line", "Betreff: \u4e2d\u6587 \u0440\u0435\u043a\u043b\u0430\u043c\u0430 \u05e9\u05dc\u05d5\u05dd",
                List.of(), true);
        Path pdf = tmp.resolve("scripts.pdf");
        CaseReport.export(ws, c.id(), sections, ExportRequest.to(pdf), Progress.NONE);
        String text = tool("pdftotext", pdf.toString(), "-");
        String title = "Spam \u201c<U+4E2D><U+6587>\u201d relayed <U+1F680>";
        assertTrue(text.contains("Proxyscope case report " + c.id() + ": " + title), "the running header: " + text.substring(0, 300));
        String cover = "\n" + title.substring(0, title.indexOf(" <U+1F680>")); // the cover's 22 points break it there
        assertTrue(text.contains(cover), "the cover's title: " + text.substring(0, 800));
        assertTrue(text.contains("KUNDE-<U+0645><U+062D><U+0645><U+062F>"), "the customer, in Arabic");
        assertTrue(text.contains("Betreff: <U+4E2D><U+6587> \u0440\u0435\u043a\u043b\u0430\u043c\u0430"), "the note: Chinese as code points, Cyrillic as it is");
        assertTrue(text.contains("\u05e9\u05dc\u05d5\u05dd") || text.contains("\u05dd\u05d5\u05dc\u05e9"), "Hebrew as it is");
        assertFalse(text.contains("\u4e2d"), "no Chinese character is typeset without a glyph");
        render(pdf, "scripts");
    }
}
