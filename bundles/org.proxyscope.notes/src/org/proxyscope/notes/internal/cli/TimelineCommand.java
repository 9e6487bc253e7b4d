package org.proxyscope.notes.internal.cli;

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
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.CaseTimeline;
import org.proxyscope.notes.TimelineEntry;

/** {@code proxyscope timeline ID [--kind K,...] [--json]}: a case's custody, findings, relayed sessions and notes in time order. */
public final class TimelineCommand implements Command {

    private static final Set<String> KINDS = Set.of("custody", "finding", "session", "note");

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public String summary() {
        return "a case's actions, probe findings, first and last relayed sessions and notes, in time order";
    }

    @Override
    public String usage() {
        return """
                ID [--kind custody,finding,session,note] [--json] %s
                  --kind   only these kinds of entry""".formatted(WorkspaceArguments.USAGE);
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--kind")), Set.of("--json"));
        CaseId id = WorkspaceArguments.caseId(args.positional("ID").get(0));
        Set<String> kinds = args.option("--kind").map(k -> Set.of(k.split(","))).orElse(KINDS);
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw new UsageException("--kind: there is no kind " + k + "; the kinds are custody, finding, session and note");
            }
        }
        try (Workspace ws = WorkspaceArguments.open(args)) {
            List<TimelineEntry> entries = CaseTimeline.of(ws, id).stream().filter(e -> kinds.contains(e.kind())).toList();
            if (args.flag("--json")) {
                JsonArray array = new JsonArray();
                for (TimelineEntry e : entries) {
                    JsonObject o = new JsonObject();
                    o.addProperty("at", e.at().toString());
                    o.addProperty("kind", e.kind());
                    o.addProperty("ref", e.ref());
                    o.addProperty("text", e.text());
                    array.add(o);
                }
                io.out().println(JsonText.pretty(array));
            } else {
                for (TimelineEntry e : entries) {
                    io.out().printf("%-30s %-8s %-9s %s%n", e.at(), e.kind(), e.ref(), e.text());
                }
            }
        }
        return ExitCode.OK;
    }
}
