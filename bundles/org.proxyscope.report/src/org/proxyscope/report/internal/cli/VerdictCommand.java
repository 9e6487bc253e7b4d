package org.proxyscope.report.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.Remediation;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSections;

/**
 * {@code proxyscope verdict ID... [--json]}: what each case's evidence shows, as its report's cover says it, without
 * making a report. A desk going over many cases asks for all of them in one call, one start-up.
 */
public final class VerdictCommand implements Command {

    @Override
    public String name() {
        return "verdict";
    }

    @Override
    public String summary() {
        return "what each case's evidence shows, as its report would say it: relays, inconclusive or no relay";
    }

    @Override
    public String usage() {
        return """
                ID... [--json] %s
                  One line per case: the standing its evidence supports (relays, inconclusive, no-relay), the
                  verdict, and when relaying was seen. Nothing is written to the case. The exit status is 0 whatever
                  the verdicts; read them from the output.""".formatted(WorkspaceArguments.USAGE);
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of()), Set.of("--json"));
        List<CaseId> ids = new ArrayList<>();
        for (String id : args.positionalAtLeast("ID")) {
            ids.add(WorkspaceArguments.caseId(id));
        }
        JsonArray all = new JsonArray();
        try (Workspace ws = WorkspaceArguments.open(args)) {
            for (CaseId id : ids) {
                ReportContext c = CaseReport.gather(ws, id, ReportSections.current(), Set.of()).context();
                if (args.flag("--json")) {
                    JsonObject o = new JsonObject();
                    o.addProperty("case", id.toString());
                    o.addProperty("standing", c.standing().word());
                    o.addProperty("verdict", c.verdict());
                    c.firstSeen().ifPresent(t -> o.addProperty("relaying_first", t.toString()));
                    c.lastSeen().ifPresent(t -> o.addProperty("relaying_last", t.toString()));
                    JsonArray exposed = new JsonArray();
                    c.contributions().stream().flatMap(x -> x.exposed().stream()).distinct().forEach(e -> {
                        JsonObject port = new JsonObject();
                        port.addProperty("port", e.port());
                        port.addProperty("protocol", e.protocol());
                        exposed.add(port);
                    });
                    o.add("exposed", exposed);
                    all.add(o);
                } else {
                    io.out().printf("%s  %-12s %s%s%n", id, c.standing().word(), c.verdictAndWhen(), c.relayingSeen().isEmpty() ? ""
                            : " Ports to close: " + String.join(", ", Remediation.ports(c.contributions()).stream().map(String::valueOf).toList())
                            + ".");
                }
            }
        }
        if (args.flag("--json")) {
            io.out().println(JsonText.pretty(all));
        }
        return ExitCode.OK;
    }
}
