package org.proxyscope.cli.internal.commands;

import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.core.model.VerificationReport;

/** {@code proxyscope case new|list|show|edit|status|archive|restore|verify}: cases of a workspace. */
public final class CaseCommand implements Command {

    @Override
    public String name() {
        return "case";
    }

    @Override
    public String summary() {
        return "open, list, show and edit cases, set their status, archive, restore and verify them";
    }

    @Override
    public String usage() {
        return """
                ACTION ... %s
                  new --title TEXT --target HOST [--scope HOST[:PORTS],...] [--customer REF]
                      [--severity low|medium|high|critical] [--tag TAG]...     prints the new case's id
                  list [--search WORDS] [--all] [--json]                       --all includes archived cases
                  show ID [--json]
                  edit ID [--title TEXT] [--scope HOST[:PORTS],...] [--customer REF] [--severity S] [--tag TAG]...
                                                     the target stays; --tag replaces all tags
                  status ID STATUS --reason TEXT     STATUS: %s
                  archive ID --reason TEXT           take the case out of the lists (list --all shows it); its evidence stays
                  restore ID --reason TEXT           bring an archived case back into the lists
                  verify ID [--json]                 re-hash the evidence and check the custody log; exit 1 if not intact"""
                .formatted(WorkspaceArguments.USAGE,
                        String.join(", ", java.util.Arrays.stream(CaseStatus.values()).map(CaseStatus::word).toList()));
    }

    @Override
    public int run(List<String> args, CommandContext io) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing ACTION (new, list, show, edit, status, archive, restore or verify)");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "new" -> create(rest, io);
            case "list" -> list(rest, io);
            case "show" -> show(rest, io);
            case "edit" -> edit(rest, io);
            case "status" -> status(rest, io);
            case "archive" -> archive(rest, io, true);
            case "restore" -> archive(rest, io, false);
            case "verify" -> verify(rest, io);
            default -> throw new UsageException("unknown action '" + args.get(0) + "'");
        };
    }

    private int create(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw,
                WorkspaceArguments.with(Set.of("--title", "--target", "--scope", "--customer", "--severity", "--tag")), Set.of());
        args.positional();
        NewCase spec;
        try {
            spec = NewCase.of(args.required("--title"), args.required("--target"), String.join(" ", args.all("--scope")),
                    args.option("--customer").orElse(""), args.option("--severity").orElse(""), args.all("--tag"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (Workspace ws = WorkspaceArguments.openOrCreate(args)) {
            io.out().println(ws.createCase(spec).id());
        }
        spec.scopeWarning().ifPresent(w -> io.err().println("proxyscope case: " + w));
        return ExitCode.OK;
    }

    private int list(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--search")), Set.of("--json", "--all"));
        args.positional();
        try (Workspace ws = WorkspaceArguments.open(args)) {
            boolean all = args.flag("--all");
            List<Case> cases = args.option("--search").isPresent() ? ws.search(args.option("--search").get(), all) : ws.cases(all);
            if (args.flag("--json")) {
                JsonArray array = new JsonArray();
                cases.forEach(c -> array.add(Json.of(c)));
                io.out().println(JsonText.pretty(array));
            } else {
                for (Case c : cases) {
                    io.out().printf("%-13s %-18s %-8s %-39s %s%s%n", c.id(), c.status().label(), c.severity().word(),
                            c.target(), c.title(), c.archived() ? "  [archived]" : "");
                }
            }
        }
        return ExitCode.OK;
    }

    private int show(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.VALUED, Set.of("--json"));
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Case c = ws.get(id);
            List<Evidence> evidence = ws.evidence(id);
            List<CustodyEntry> custody = ws.custody(id);
            if (args.flag("--json")) {
                JsonObject o = Json.of(c);
                JsonArray ev = new JsonArray();
                evidence.forEach(e -> ev.add(Json.of(e)));
                o.add("evidence", ev);
                JsonArray log = new JsonArray();
                custody.forEach(e -> log.add(Json.of(e)));
                o.add("custody", log);
                io.out().println(JsonText.pretty(o));
                return ExitCode.OK;
            }
            io.out().printf("%s  %s%n", c.id(), c.title());
            io.out().printf("  Target:    %s%n  Scope:     %s%n  Status:    %s%s%n  Severity:  %s%n", c.target(), c.scope(),
                    c.status().label(), c.archived() ? " (archived)" : "", c.severity().label());
            c.customer().ifPresent(ref -> io.out().printf("  Customer:  %s%n", ref));
            if (!c.tags().isEmpty()) {
                io.out().printf("  Tags:      %s%n", String.join(", ", c.tags()));
            }
            io.out().printf("  Analyst:   %s%n  Opened:    %s%n  Updated:   %s%n", c.analyst(), c.created(), c.updated());
            io.out().printf("%nEvidence (%d)%n", evidence.size());
            for (Evidence e : evidence) {
                io.out().printf("  #%-3d %s  %,d bytes  %s%s%s%n", e.number(), e.sha256(), e.size(), e.originalName(),
                        e.source().isEmpty() ? "" : "  (" + e.source() + ")",
                        e.isPurged() ? "  PURGED " + e.purged().get() + ": " + e.purgeReason() : "");
            }
            io.out().printf("%nCustody log (%d)%n", custody.size());
            for (CustodyEntry e : custody) {
                io.out().printf("  %3d  %s  %-10s %-17s %s%n", e.sequence(), e.at(), e.analyst(), e.actionWord(), e.details());
            }
        }
        return ExitCode.OK;
    }

    private int edit(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw,
                WorkspaceArguments.with(Set.of("--title", "--scope", "--customer", "--severity", "--tag")), Set.of());
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Case current = ws.get(id);
            NewCase details;
            try {
                details = NewCase.of(args.option("--title").orElse(current.title()), current.target().name(),
                        args.all("--scope").isEmpty() ? current.scope().toString() : String.join(" ", args.all("--scope")),
                        args.option("--customer").orElse(current.customerReference()),
                        args.option("--severity").orElse(current.severity().word()),
                        args.all("--tag").isEmpty() ? current.tags() : args.all("--tag"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            Case edited = ws.editCase(id, details);
            details.scopeWarning().ifPresent(w -> io.err().println("proxyscope case: " + w));
            io.out().println(edited.id() + " updated: " + edited.title() + ", scope " + edited.scope() + ", severity "
                    + edited.severity().word());
        }
        return ExitCode.OK;
    }

    private int status(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--reason")), Set.of());
        List<String> words = args.positional("ID", "STATUS");
        CaseId id = WorkspaceArguments.caseId(words.get(0));
        CaseStatus status;
        try {
            status = CaseStatus.parse(words.get(1));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String reason = args.required("--reason");
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Case moved = ws.changeStatus(id, status, reason);
            io.out().println(moved.id() + " is now " + moved.status().label());
        }
        return ExitCode.OK;
    }

    /** Archiving is how a case is deleted, in the workbench as here: it leaves the lists, and every record stays. */
    private int archive(List<String> raw, CommandContext io, boolean archived) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--reason")), Set.of());
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        String reason = args.required("--reason");
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Case c = ws.archive(id, archived, reason);
            io.out().println(c.id() + (archived ? " is archived: it is out of the lists ('case list --all' shows it), and its evidence"
                    + " and custody log stay" : " is back in the lists"));
        }
        return ExitCode.OK;
    }

    private int verify(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.VALUED, Set.of("--json"));
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            VerificationReport report = ws.verify(id, Progress.NONE);
            if (args.flag("--json")) {
                io.out().println(JsonText.pretty(Json.of(report)));
            } else if (report.intact()) {
                io.out().println(report.summary());
            } else {
                io.err().println(report.summary() + ":");
                report.problems().forEach(p -> io.err().println("  " + p));
            }
            return report.intact() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
