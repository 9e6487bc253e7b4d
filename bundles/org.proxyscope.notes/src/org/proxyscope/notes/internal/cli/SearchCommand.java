package org.proxyscope.notes.internal.cli;

import java.util.List;
import java.util.Optional;
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
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.notes.SearchTarget;

/**
 * {@code proxyscope search QUERY [--case ID] [--json]}: one search over everything the workspace knows, each place
 * named as the Search view opens it (a capture's result by the session of the address searched for).
 */
public final class SearchCommand implements Command {

    private static final int DEFAULT_LIMIT = 50;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "find an address, customer or word in every case: notes, evidence, findings, capture sessions";
    }

    @Override
    public String usage() {
        return """
                QUERY [--case ID] [--limit N] [--json] %s
                  QUERY    words (all must match; a trailing * makes a prefix), "a phrase", AND, OR, NOT, ( )
                  --case   search one case only
                  --limit  how many places to list, default %d""".formatted(WorkspaceArguments.USAGE, DEFAULT_LIMIT);
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--case", "--limit")), Set.of("--json"));
        String query = args.positional("QUERY").get(0);
        Optional<CaseId> within = args.option("--case").isPresent()
                ? Optional.of(WorkspaceArguments.caseId(args.option("--case").get())) : Optional.empty();
        int limit;
        try {
            limit = Integer.parseInt(args.option("--limit").orElse(String.valueOf(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 10_000) {
            throw new UsageException("--limit takes 1 to 10000, not " + args.option("--limit").orElse(""));
        }
        try (Workspace ws = WorkspaceArguments.open(args)) {
            List<SearchHit> hits = ws.searchEverything(query, within, limit);
            List<String> refs = SearchTarget.refs(ws, hits);
            if (args.flag("--json")) {
                JsonArray all = new JsonArray();
                for (int i = 0; i < hits.size(); i++) {
                    SearchHit h = hits.get(i);
                    JsonObject o = new JsonObject();
                    o.addProperty("case", h.caseId().toString());
                    o.addProperty("kind", h.kind());
                    o.addProperty("ref", refs.get(i));
                    o.addProperty("title", h.title());
                    o.addProperty("snippet", h.snippet());
                    all.add(o);
                }
                io.out().println(JsonText.pretty(all));
            } else {
                for (int i = 0; i < hits.size(); i++) {
                    SearchHit h = hits.get(i);
                    String ref = refs.get(i);
                    io.out().printf("%s  %s%s  %s%n      %s%n", h.caseId(), h.kind(), ref.isEmpty() ? "" : " " + ref, h.title(),
                            h.snippet().replace('\n', ' '));
                }
                if (hits.isEmpty()) {
                    io.err().println("nothing found for " + query);
                }
            }
            return ExitCode.OK;
        }
    }
}
