package org.proxyscope.report;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.report.internal.NoticeTypesetter;
import org.proxyscope.report.internal.SafeOutput;

/**
 * The letter to the customer: what was found on their line, since when, what to do and by when, from the
 * workspace's template and the abuse desk's settings. Kept as the case's evidence like the report. A case
 * whose evidence shows no relaying gets no notice: it would accuse the customer without proof.
 */
public final class CustomerNotice {

    /** How a notice's evidence record begins its source. */
    public static final String SOURCE_PREFIX = "customer notice export";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** What an export produced. */
    public record Exported(Path file, Evidence evidence, int pages) {
    }

    private CustomerNotice() {
    }

    public static Exported export(Workspace workspace, CaseId id, ReportSections catalog, Path out, boolean overwrite)
            throws WorkspaceException, ReportException {
        Path target = SafeOutput.check(out, overwrite);
        CaseReport.Gathered gathered = CaseReport.gather(workspace, id, catalog, Set.of());
        String letter = letter(workspace, gathered.context());
        Case c = gathered.context().subject();
        int[] pages = new int[1];
        SafeOutput.write(target, overwrite, "the customer notice of " + id, partial -> {
            try (OutputStream stream = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
                pages[0] = NoticeTypesetter.typeset(letter, DeskSettings.read(workspace).name() + " abuse desk  ·  " + id,
                        workspace.analyst(), "Notice about your Internet line " + c.target() + " (" + id + ")", stream);
            }
        });
        Evidence kept = CaseReport.keep(workspace, id, target, SOURCE_PREFIX + ", " + pages[0] + " pages", "customer notice", "");
        return new Exported(target, kept, pages[0]);
    }

    /** The filled template; refuses a case without proof of relaying, and unset desk settings. */
    static String letter(Workspace workspace, ReportContext context) throws ReportException {
        if (context.standing() != Contribution.Standing.RELAYS) {
            throw new ReportException("The evidence of " + context.subject().id() + " shows no relaying, so there is nothing to"
                    + " notify the customer of: a notice would accuse them without proof. Probe the host or import a capture first.");
        }
        DeskSettings desk = DeskSettings.required(workspace);
        Case c = context.subject();
        Instant since = context.firstSeen().orElse(context.generated());
        Map<String, String> values = new HashMap<>();
        values.put("isp", desk.name());
        values.put("contact", desk.contact());
        values.put("customer", c.customer().orElse(""));
        values.put("target", c.target().toString());
        values.put("case", c.id().toString());
        values.put("found", Remediation.forCustomer(context.contributions()));
        values.put("since", ReportTime.utc(since));
        values.put("deadline", DAY.format(context.generated().plus(java.time.Duration.ofDays(desk.retestDays()))));
        values.put("steps", String.join("\n", Remediation.steps(Remediation.ports(context.contributions())).stream()
                .map(s -> "- " + s).toList()));
        values.put("analyst", workspace.analyst());
        values.put("date", DAY.format(context.generated()));
        String template = NoticeTemplate.read(workspace);
        NoticeTemplate.check(template);
        return NoticeTemplate.fill(template, values);
    }
}
