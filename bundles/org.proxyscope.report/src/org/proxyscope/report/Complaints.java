package org.proxyscope.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.core.ProxyscopeVersion;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.report.internal.SafeOutput;
import org.proxyscope.report.internal.SafeText;

/**
 * The case's findings as machine-readable complaints for other abuse desks: an ARF message (RFC 5965,
 * {@code multipart/report; report-type=feedback-report}) and an X-ARF report (XARF v4 JSON, category
 * {@code vulnerability}, type {@code open}). Both are written by hand: a MIME message of three text parts and
 * one JSON object need no mail or schema library. Only a case whose evidence shows relaying is reported.
 */
public final class Complaints {

    /** How the complaints' evidence records begin their sources. */
    public static final String ARF_SOURCE = "ARF complaint export";
    public static final String XARF_SOURCE = "X-ARF complaint export";

    /** X-ARF allows 50 evidence items of at most 5 MiB each. */
    private static final int XARF_ITEMS = 50;
    private static final long XARF_ITEM_BYTES = 5L << 20;

    private static final DateTimeFormatter MAIL_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** What an export produced. */
    public record Exported(Path file, Evidence evidence) {
    }

    private Complaints() {
    }

    public static Exported arf(Workspace workspace, CaseId id, ReportSections catalog, Path out, boolean overwrite)
            throws WorkspaceException, ReportException {
        Path target = SafeOutput.check(out, overwrite);
        Subject subject = subject(workspace, id, catalog);
        String message = arfMessage(subject);
        SafeOutput.write(target, overwrite, "the ARF complaint of " + id,
                partial -> Files.writeString(partial, message, StandardCharsets.UTF_8));
        return new Exported(target, CaseReport.keep(workspace, id, target, ARF_SOURCE, "ARF complaint", ""));
    }

    public static Exported xarf(Workspace workspace, CaseId id, ReportSections catalog, Path out, boolean overwrite)
            throws WorkspaceException, ReportException {
        Path target = SafeOutput.check(out, overwrite);
        Subject subject = subject(workspace, id, catalog);
        JsonObject report = xarfReport(workspace, subject);
        SafeOutput.write(target, overwrite, "the X-ARF complaint of " + id, partial -> {
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                w.write(new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(report));
                w.write('\n');
            }
        });
        return new Exported(target, CaseReport.keep(workspace, id, target, XARF_SOURCE, "X-ARF complaint", ""));
    }

    /** What both complaints say: the case, the desk that sends them, and the evidence of relaying. */
    private record Subject(ReportContext context, DeskSettings desk, Instant firstSeen, Instant lastSeen) {

        Case c() {
            return context.subject();
        }

        List<Contribution> relaying() {
            return context.contributions().stream().filter(x -> x.standing() == Contribution.Standing.RELAYS).toList();
        }
    }

    private static Subject subject(Workspace workspace, CaseId id, ReportSections catalog) throws WorkspaceException, ReportException {
        ReportContext context = CaseReport.gather(workspace, id, catalog, Set.of()).context();
        if (context.standing() != Contribution.Standing.RELAYS) {
            throw new ReportException("The evidence of " + id + " shows no relaying, so there is nothing to report to another"
                    + " abuse desk. Probe the host or import a capture first.");
        }
        DeskSettings desk = DeskSettings.required(workspace);
        Instant first = context.firstSeen().orElse(context.generated());
        Instant last = context.lastSeen().orElse(first);
        return new Subject(context, desk, first, last);
    }

    // ---- ARF ----

    static String arfMessage(Subject s) {
        Case c = s.c();
        String boundary = "=_proxyscope_" + UUID.randomUUID();
        String found = Remediation.found(s.relaying());
        int incidents = Math.max(1, s.relaying().stream().mapToInt(x -> x.exposed().size()).sum());
        StringBuilder m = new StringBuilder();
        header(m, "From", displayName(s.desk().name() + " abuse desk") + " <" + s.desk().contact() + ">");
        header(m, "Date", MAIL_DATE.format(s.context().generated()));
        header(m, "Subject", encodedWord("Open proxy at " + c.target() + ": " + found + " (" + c.id() + ")"));
        header(m, "Message-ID", "<" + UUID.randomUUID() + "@" + s.desk().domain() + ">");
        header(m, "MIME-Version", "1.0");
        header(m, "Content-Type", "multipart/report; report-type=feedback-report;\r\n\tboundary=\"" + boundary + "\"");
        m.append("\r\nThis is an abuse report in the Abuse Reporting Format (RFC 5965).\r\n");
        // 1: for a person
        m.append("\r\n--").append(boundary).append("\r\n");
        header(m, "Content-Type", "text/plain; charset=UTF-8");
        header(m, "Content-Transfer-Encoding", "8bit");
        m.append("\r\n");
        List<String> text = new ArrayList<>();
        text.add("The host " + c.target() + " works as an open proxy: " + found + ". It relays for anyone, so spam and other abuse"
                + " sent through it appears to come from this address.");
        text.add(ReportTime.relayingSeen(s.firstSeen(), s.lastSeen()));
        s.relaying().forEach(x -> text.addAll(x.summary()));
        text.add("Our reference: " + c.id() + ". The evidence is kept, hashed and with its chain of custody, by the "
                + s.desk().name() + " abuse desk (" + s.desk().contact() + ").");
        for (String paragraph : text) {
            m.append(mailText(paragraph)).append("\r\n\r\n");
        }
        // 2: for machines
        m.append("--").append(boundary).append("\r\n");
        header(m, "Content-Type", "message/feedback-report");
        m.append("\r\n");
        header(m, "Feedback-Type", "abuse");
        header(m, "User-Agent", "Proxyscope/" + ProxyscopeVersion.current().version()); // a product token (RFC 5965)
        header(m, "Version", "1");
        if (c.target().isIpv6() || c.target().name().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            header(m, "Source-IP", c.target().name());
        }
        header(m, "Arrival-Date", MAIL_DATE.format(s.firstSeen()));
        header(m, "Incidents", Integer.toString(incidents));
        header(m, "Reported-Domain", s.desk().domain());
        // 3: what was relayed, as headers a receiving server would have written
        m.append("\r\n--").append(boundary).append("\r\n");
        header(m, "Content-Type", "text/rfc822-headers");
        m.append("\r\n");
        for (Contribution x : s.relaying()) {
            for (Contribution.Exposure e : x.exposed()) {
                header(m, "Received", "from the Internet via " + c.target() + " port " + e.port() + " (open " + e.protocol()
                        + " proxy);\r\n\t" + MAIL_DATE.format(s.firstSeen()));
            }
        }
        header(m, "Date", MAIL_DATE.format(s.firstSeen()));
        header(m, "Subject", encodedWord("Traffic relayed through the open proxy at " + c.target()));
        header(m, "X-Proxyscope-Case", c.id().toString());
        m.append("\r\n--").append(boundary).append("--\r\n");
        return m.toString();
    }

    /** A mail part's text: control characters made visible, lines ended by CRLF and kept to {@link #LINE} characters. */
    private static String mailText(String text) {
        return folded(SafeText.of(text, true).replace("\n", "\r\n"), false);
    }

    /** A mail line's length that RFC 5322 asks for (78), which mail software is sure to pass unbroken. */
    private static final int LINE = 78;

    /** A header, {@link #folded} to lines of at most {@link #LINE} characters. */
    private static void header(StringBuilder m, String name, String value) {
        m.append(folded(name + ": " + value, true)).append("\r\n");
    }

    /**
     * {@code text} with each of its lines broken at spaces before {@link #LINE} characters: a subject naming
     * many ports ran to 1,300 characters on one line, past the 998 that RFC 5322 allows. In a header the space
     * begins the continuation line (folding); in a paragraph it is dropped. A word longer than a line stays
     * whole, and lines already broken (a header's CRLF and tab) are kept.
     */
    private static String folded(String text, boolean header) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append("\r\n");
            }
            int start = 0;
            while (line.length() - start > LINE) {
                int space = line.lastIndexOf(' ', start + LINE);
                if (space <= start) {
                    space = line.indexOf(' ', start + LINE);
                    if (space < 0) {
                        break;
                    }
                }
                out.append(line, start, space).append("\r\n");
                start = header ? space : space + 1;
            }
            out.append(line, start, line.length());
        }
        return out.toString();
    }

    /**
     * A name before a mail address: quoted when it holds a character with a meaning there ("Netz GmbH, Abuse"
     * read as two addresses), encoded when it is not plain ASCII.
     */
    static String displayName(String name) {
        String safe = SafeText.of(name, false);
        if (safe.chars().noneMatch(ch -> "()<>[]:;@\\,.\"".indexOf(ch) >= 0)) {
            return encodedWord(safe);
        }
        // with a special character, the name goes whole: quoted when plain, else encoded, commas inside
        return plain(safe) ? "\"" + safe.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : encoded(safe);
    }

    /**
     * The text for a header: plain ASCII words as they are, each run of other words (with the spaces inside it)
     * as RFC 2047 encoded words of at most 75 characters (45 bytes of UTF-8), split after a space where one
     * is, never inside a character. A parser drops the space between two encoded words; Python's, in a name
     * before an address, keeps it: a run split only where needed, at a space, reads right in both.
     */
    static String encodedWord(String text) {
        String safe = SafeText.of(text, false);
        if (plain(safe)) {
            return safe;
        }
        String[] words = safe.split(" ", -1);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < words.length) {
            if (i > 0) {
                out.append(' ');
            }
            int run = i;
            while (run < words.length && !plain(words[run])) {
                run++;
            }
            if (run == i) {
                out.append(words[i++]);
            } else {
                out.append(encoded(String.join(" ", Arrays.copyOfRange(words, i, run))));
                i = run;
            }
        }
        return out.toString();
    }

    /** Printable ASCII that no decoder takes for an encoded word. */
    private static boolean plain(String text) {
        return text.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f) && !text.contains("=?");
    }

    private static String encoded(String run) {
        StringBuilder words = new StringBuilder();
        int from = 0;
        while (from < run.length()) {
            int to = from;
            int afterSpace = -1;
            int bytes = 0;
            while (to < run.length()) {
                int cp = run.codePointAt(to);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > 45) {
                    break;
                }
                bytes += size;
                to += Character.charCount(cp);
                if (cp == ' ') {
                    afterSpace = to;
                }
            }
            if (to < run.length() && afterSpace > from) {
                to = afterSpace; // the space goes inside the earlier word, where every parser keeps it
            }
            words.append(words.isEmpty() ? "" : " ").append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(run.substring(from, to).getBytes(StandardCharsets.UTF_8))).append("?=");
            from = to;
        }
        return words.toString();
    }

    // ---- X-ARF ----

    static JsonObject xarfReport(Workspace workspace, Subject s) throws ReportException {
        Case c = s.c();
        List<Contribution.Exposure> exposed = s.relaying().stream().flatMap(x -> x.exposed().stream()).distinct().toList();
        JsonObject o = new JsonObject();
        o.addProperty("xarf_version", "4.0.0");
        o.addProperty("report_id", UUID.randomUUID().toString());
        o.addProperty("timestamp", s.firstSeen().toString());
        JsonObject desk = new JsonObject();
        desk.addProperty("org", s.desk().name());
        desk.addProperty("contact", s.desk().contact());
        desk.addProperty("domain", s.desk().domain());
        o.add("reporter", desk);
        o.add("sender", desk.deepCopy());
        o.addProperty("source_identifier", c.target().name());
        if (!exposed.isEmpty()) {
            o.addProperty("source_port", exposed.get(0).port());
        }
        o.addProperty("category", "vulnerability");
        o.addProperty("type", "open");
        o.addProperty("service", "open proxy (" + String.join(", ", exposed.stream().map(Contribution.Exposure::protocol).distinct()
                .toList()) + ")");
        boolean probed = s.relaying().stream().anyMatch(x -> !x.proofEvidence().isEmpty());
        o.addProperty("evidence_source", probed ? "vulnerability_scan" : "traffic_analysis");
        o.addProperty("confidence", 1.0);
        String description = "Open proxy at " + c.target() + ": " + Remediation.found(s.relaying()) + ", relaying since "
                + ReportTime.utc(s.firstSeen()) + ". Reference " + c.id() + ".";
        o.addProperty("description", description.length() > 1000 ? description.substring(0, 997) + "..." : description);
        JsonArray tags = new JsonArray();
        exposed.stream().map(e -> "proxy:" + e.protocol().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_+.-]", "-")).distinct()
                .limit(20).forEach(tags::add);
        o.add("tags", tags);
        o.add("evidence", evidence(workspace, s));
        return o;
    }

    /** The evidence files that prove the relaying, base64 with their SHA-256, as many as X-ARF takes. */
    private static JsonArray evidence(Workspace workspace, Subject s) throws ReportException {
        JsonArray items = new JsonArray();
        List<Integer> numbers = s.relaying().stream().flatMap(x -> x.proofEvidence().stream()).distinct().toList();
        for (Evidence e : s.context().evidence()) {
            if (items.size() >= XARF_ITEMS || !numbers.contains(e.number()) || e.isPurged() || e.size() > XARF_ITEM_BYTES) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(workspace.storedFile(e))) {
                bytes = in.readAllBytes();
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                if (!actual.equals(e.sha256())) {
                    throw new ReportException("Evidence #" + e.number() + " of " + s.c().id() + " no longer matches its SHA-256;"
                            + " run case verify before sending it anywhere");
                }
            } catch (IOException | java.security.NoSuchAlgorithmException x) {
                throw new ReportException("Cannot read evidence #" + e.number() + " of " + s.c().id() + ": " + x.getMessage(), x);
            }
            JsonObject item = new JsonObject();
            item.addProperty("content_type", e.originalName().endsWith(".pcap") || e.originalName().endsWith(".pcapng")
                    ? "application/vnd.tcpdump.pcap" : "text/plain");
            String what = e.originalName() + (e.source().isEmpty() ? "" : ", " + e.source());
            item.addProperty("description", what.length() > 500 ? what.substring(0, 497) + "..." : what);
            item.addProperty("payload", Base64.getEncoder().encodeToString(bytes));
            item.addProperty("hash", "sha256:" + e.sha256());
            item.addProperty("size", e.size());
            items.add(item);
        }
        return items;
    }
}
