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
import org.proxyscope.report.ExportRequest;
import org.proxyscope.report.ReportException;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportSections;
import org.proxyscope.report.SigningKey;

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
                ID --out FILE.pdf [--force] [--omit SECTION,...] [--sign KEY.p12 --sign-pass-env VAR] %s
                  --out            where to write the PDF; an existing file is kept unless --force
                  --omit           section ids to leave out, among: %s
                  --sign           sign the PDF with the private key in this PKCS#12 file
                  --sign-pass-env  the environment variable holding the key file's password""".formatted(WorkspaceArguments.USAGE,
                String.join(", ", ReportSections.current().sections().stream().map(ReportSection::id).toList()));
    }

    /** The key's password, from the environment variable the analyst named: never on the command line, where ps shows it. */
    private static char[] password(Arguments args) throws UsageException {
        String variable = args.option("--sign-pass-env")
                .orElseThrow(() -> new UsageException("--sign needs --sign-pass-env VAR, the environment variable holding the password"));
        String value = System.getenv(variable);
        if (value == null) {
            throw new UsageException("the environment variable " + variable + " (--sign-pass-env) is not set");
        }
        return value.toCharArray();
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--out", "--omit", "--sign", "--sign-pass-env")),
                Set.of("--force"));
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
        ExportRequest request = ExportRequest.to(out).overwriting(args.flag("--force")).omitting(omitted);
        if (args.option("--sign").isPresent()) {
            request = request.signedWith(new SigningKey(Path.of(args.option("--sign").get()), password(args)));
        } else if (args.option("--sign-pass-env").isPresent()) {
            throw new UsageException("--sign-pass-env goes with --sign KEY.p12");
        }
        try (Workspace ws = WorkspaceArguments.open(args)) {
            CaseReport.Exported done = CaseReport.export(ws, id, catalog, request, Progress.NONE);
            io.out().printf("%s: %d pages, sha256 %s, kept as %s evidence #%d%s%n", done.file(), done.pages(),
                    done.evidence().sha256(), id, done.evidence().number(), done.signer().map(s -> ", signed by " + s).orElse(""));
            return ExitCode.OK;
        } catch (ReportException e) {
            io.err().println("proxyscope report: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
