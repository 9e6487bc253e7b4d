package org.proxyscope.report.internal.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.ReportException;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportSections;

/** {@code proxyscope report ID --out FILE.pdf}: the case's PDF report, kept as its evidence. */
public final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "export a case's PDF report (kept as the case's evidence)";
    }

    @Override
    public String usage() {
        return """
                ID --out FILE.pdf [--force] [--omit SECTION,...] %s
                  --out     where to write the PDF; an existing file is kept unless --force
                  --omit    section ids to leave out, among: %s""".formatted(WorkspaceArguments.USAGE,
                String.join(", ", ReportSections.current().sections().stream().map(ReportSection::id).toList()));
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--out", "--omit")), Set.of("--force"));
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        Path out = Path.of(args.required("--out"));
        ReportSections catalog = ReportSections.current();
        Set<String> omitted = new HashSet<>();
        for (String section : args.option("--omit").map(s -> List.of(s.split(","))).orElse(List.of())) {
            if (catalog.sections().stream().noneMatch(s -> s.id().equals(section.strip()))) {
                throw new UsageException("--omit: there is no report section " + section.strip());
            }
            omitted.add(section.strip());
        }
        try (Workspace ws = WorkspaceArguments.open(args)) {
            CaseReport.Exported done = CaseReport.export(ws, id, out, args.flag("--force"), catalog, omitted, Progress.NONE);
            io.out().printf("%s: %d pages, sha256 %s, kept as %s evidence #%d%n", done.file(), done.pages(),
                    done.evidence().sha256(), id, done.evidence().number());
            return ExitCode.OK;
        } catch (ReportException e) {
            io.err().println("proxyscope report: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
