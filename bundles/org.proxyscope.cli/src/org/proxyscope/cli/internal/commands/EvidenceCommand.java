package org.proxyscope.cli.internal.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;

/** {@code proxyscope evidence add|list|export|purge}: files kept, hashed and read-only, as a case's evidence. */
public final class EvidenceCommand implements Command {

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public String summary() {
        return "add a file to a case as evidence, list a case's evidence, export a verified copy, purge a file";
    }

    @Override
    public String usage() {
        return """
                ACTION ... %s
                  add ID FILE [--source TEXT]     copy FILE into the case, hashed (SHA-256) and read-only
                  list ID [--json]
                  export ID NUMBER --to PATH --reason TEXT
                                                  hand a copy over: checked against its SHA-256, read-only, in the
                                                  custody log with where to and why; PATH a new file or a folder
                  purge ID NUMBER --reason TEXT --confirm
                                                  delete the stored file for good; its record and hash stay""".formatted(WorkspaceArguments.USAGE);
    }

    @Override
    public int run(List<String> args, CommandContext io) throws Exception {
        if (args.isEmpty()) {
            throw new UsageException("missing ACTION (add, list, export or purge)");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "add" -> add(rest, io);
            case "list" -> list(rest, io);
            case "export" -> export(rest, io);
            case "purge" -> purge(rest, io);
            default -> throw new UsageException("unknown action '" + args.get(0) + "'");
        };
    }

    private int add(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--source")), Set.of());
        List<String> words = args.positional("ID", "FILE");
        CaseId id = WorkspaceArguments.caseId(words.get(0));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Evidence e = ws.addEvidence(id, Path.of(words.get(1)), args.option("--source").orElse(""), Progress.NONE);
            io.out().printf("%s evidence #%d: %s  %,d bytes  %s%n", id, e.number(), e.sha256(), e.size(), e.originalName());
        }
        return ExitCode.OK;
    }

    private int export(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--to", "--reason")), Set.of());
        List<String> words = args.positional("ID", "NUMBER");
        CaseId id = WorkspaceArguments.caseId(words.get(0));
        int number = WorkspaceArguments.evidenceNumber(words.get(1));
        Path to = Path.of(args.required("--to"));
        String reason = args.required("--reason");
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Path exported = ws.exportEvidence(id, number, to, reason, Progress.NONE);
            Evidence e = ws.evidence(id, number);
            io.out().printf("%s evidence #%d exported to %s (sha256 %s, verified); the custody log records it%n", id, number,
                    exported, e.sha256());
        }
        return ExitCode.OK;
    }

    private int purge(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--reason")), Set.of("--confirm"));
        List<String> words = args.positional("ID", "NUMBER");
        CaseId id = WorkspaceArguments.caseId(words.get(0));
        int number = WorkspaceArguments.evidenceNumber(words.get(1));
        String reason = args.required("--reason");
        if (!args.flag("--confirm")) {
            throw new UsageException("purging deletes the evidence file for good; add --confirm to do it");
        }
        try (Workspace ws = WorkspaceArguments.open(args)) {
            Evidence e = ws.purgeEvidence(id, number, reason);
            io.out().printf("%s evidence #%d (%s, sha256 %s) purged; its record stays%n", id, e.number(), e.originalName(),
                    e.sha256());
        }
        return ExitCode.OK;
    }

    private int list(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.VALUED, Set.of("--json"));
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        try (Workspace ws = WorkspaceArguments.open(args)) {
            List<Evidence> evidence = ws.evidence(id);
            if (args.flag("--json")) {
                JsonArray array = new JsonArray();
                evidence.forEach(e -> array.add(Json.of(e)));
                io.out().println(JsonText.pretty(array));
            } else {
                for (Evidence e : evidence) {
                    io.out().printf("#%-3d %s  %,d bytes  %s  added %s by %s%s%n", e.number(), e.sha256(), e.size(),
                            e.originalName(), e.added(), e.addedBy(), e.isPurged() ? "  PURGED " + e.purged().get() : "");
                }
            }
        }
        return ExitCode.OK;
    }
}
