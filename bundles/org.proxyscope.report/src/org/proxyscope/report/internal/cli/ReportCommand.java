package org.proxyscope.report.internal.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
import org.proxyscope.core.model.Evidence;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.Complaints;
import org.proxyscope.report.CustomerNotice;
import org.proxyscope.report.ExportRequest;
import org.proxyscope.report.ReportException;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportSections;
import org.proxyscope.report.SigningKey;

/**
 * {@code proxyscope report ID --out FILE.pdf [--notice FILE.pdf] [--arf FILE.eml] [--xarf FILE.json]}: the case's PDF
 * report, customer notice and complaints, each kept as its evidence.
 */
public final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "export a case's PDF report, customer notice, ARF and X-ARF complaints (kept as its evidence)";
    }

    @Override
    public String usage() {
        return """
                ID [--out FILE.pdf] [--notice FILE.pdf] [--arf FILE.eml] [--xarf FILE.json] [--force] [--omit SECTION,...]
                       [--sign KEY.p12 --sign-pass-env VAR] %s
                  --out            the case report (PDF); an existing file is kept unless --force
                  --notice         the letter to the customer (PDF), from the workspace's notice template
                  --arf            an ARF complaint (RFC 5965) for another abuse desk
                  --xarf           an X-ARF complaint (XARF v4 JSON)
                  --omit           report section ids to leave out, among: %s
                  --sign           sign the PDF with the private key in this PKCS#12 file
                  --sign-pass-env  the environment variable holding the key file's password""".formatted(WorkspaceArguments.USAGE,
                String.join(", ", ReportSections.current().sections().stream().map(ReportSection::id).toList()));
    }

    private static void print(CommandContext io, Path file, Evidence kept, CaseId id) {
        io.out().printf("%s: sha256 %s, kept as %s evidence #%d%n", file, kept.sha256(), id, kept.number());
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
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--out", "--notice", "--arf", "--xarf", "--omit", "--sign",
                "--sign-pass-env")), Set.of("--force"));
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        if (args.option("--out").isEmpty() && args.option("--notice").isEmpty() && args.option("--arf").isEmpty()
                && args.option("--xarf").isEmpty()) {
            throw new UsageException("say what to write: --out FILE.pdf, --notice FILE.pdf, --arf FILE.eml or --xarf FILE.json");
        }
        boolean force = args.flag("--force");
        ReportSections catalog = ReportSections.current();
        Set<String> omitted = new HashSet<>();
        for (String section : args.option("--omit").map(s -> List.of(s.split(","))).orElse(List.of())) {
            if (catalog.sections().stream().noneMatch(s -> s.id().equals(section.strip()))) {
                throw new UsageException("--omit: there is no report section " + section.strip());
            }
            omitted.add(section.strip());
        }
        Optional<SigningKey> key = Optional.empty();
        if (args.option("--sign").isPresent()) {
            if (args.option("--out").isEmpty()) {
                throw new UsageException("--sign signs the report: give --out FILE.pdf too");
            }
            key = Optional.of(new SigningKey(Path.of(args.option("--sign").get()), password(args)));
        } else if (args.option("--sign-pass-env").isPresent()) {
            throw new UsageException("--sign-pass-env goes with --sign KEY.p12");
        }
        // each output is whole and kept as evidence before the next is begun; a failure stops the rest
        try (Workspace ws = WorkspaceArguments.open(args)) {
            if (args.option("--out").isPresent()) {
                ExportRequest request = ExportRequest.to(Path.of(args.option("--out").get())).overwriting(force).omitting(omitted);
                CaseReport.Exported done = CaseReport.export(ws, id, catalog, key.map(request::signedWith).orElse(request), Progress.NONE);
                io.out().printf("%s: %d pages, sha256 %s, kept as %s evidence #%d%s%n", done.file(), done.pages(),
                        done.evidence().sha256(), id, done.evidence().number(), done.signer().map(s -> ", signed by " + s).orElse(""));
            }
            if (args.option("--notice").isPresent()) {
                CustomerNotice.Exported done = CustomerNotice.export(ws, id, catalog, Path.of(args.option("--notice").get()), force);
                print(io, done.file(), done.evidence(), id);
            }
            if (args.option("--arf").isPresent()) {
                Complaints.Exported done = Complaints.arf(ws, id, catalog, Path.of(args.option("--arf").get()), force);
                print(io, done.file(), done.evidence(), id);
            }
            if (args.option("--xarf").isPresent()) {
                Complaints.Exported done = Complaints.xarf(ws, id, catalog, Path.of(args.option("--xarf").get()), force);
                print(io, done.file(), done.evidence(), id);
            }
            return ExitCode.OK;
        } catch (ReportException e) {
            io.err().println("proxyscope report: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
