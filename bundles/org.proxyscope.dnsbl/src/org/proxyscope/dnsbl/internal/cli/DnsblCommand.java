package org.proxyscope.dnsbl.internal.cli;

import java.nio.file.Path;
import java.time.Duration;
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
import org.proxyscope.dnsbl.DnsblAnswer;
import org.proxyscope.dnsbl.DnsblChecker;
import org.proxyscope.dnsbl.DnsblChecks;
import org.proxyscope.dnsbl.DnsblReport;
import org.proxyscope.dnsbl.DnsblSettings;

/**
 * {@code proxyscope dnsbl ID|ADDRESS [--lists Z,...] [--resolver ADDR[:PORT]] [--timeout-ms N] [--json]}: asks DNS
 * blocklists whether the address (or the case's target) is listed; a case keeps the answers.
 */
public final class DnsblCommand implements Command {

    @Override
    public String name() {
        return "dnsbl";
    }

    @Override
    public String summary() {
        return "ask DNS blocklists whether a case's target (or an address) is listed; a case keeps the answers";
    }

    @Override
    public String usage() {
        return """
                ID|ADDRESS [--lists ZONE,...] [--resolver ADDRESS[:PORT]] [--timeout-ms N] [--json] %s
                  ID            a case: its target is checked and the answers are kept in it (custody log, report)
                  ADDRESS       an IPv4 or IPv6 address, checked without a case
                  --lists       the blocklists' zones (default: the workspace's, set in Preferences > DNS Blocklists)
                  --resolver    the DNS resolver to ask (default: the workspace's, else the system's)
                  --timeout-ms  how long to wait for each list (default: the workspace's, else 2000)
                Exit status 1 when no list answered at all.""".formatted(WorkspaceArguments.USAGE);
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--lists", "--resolver", "--timeout-ms")), Set.of("--json"));
        String subject = args.positional("ID|ADDRESS").get(0);
        Path folder = WorkspaceArguments.folder(args);
        DnsblSettings settings = DnsblSettings.read(folder);
        try {
            if (args.option("--lists").isPresent()) {
                settings = settings.withLists(DnsblSettings.lists(args.option("--lists").get()));
            }
            if (args.option("--resolver").isPresent()) {
                settings = settings.withResolver(Optional.of(DnsblSettings.resolver(args.option("--resolver").get())));
            }
            if (args.option("--timeout-ms").isPresent()) {
                settings = settings.withTimeout(Duration.ofMillis(Long.parseLong(args.option("--timeout-ms").get())));
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout-ms must be a number of milliseconds, not " + args.option("--timeout-ms").get());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        DnsblReport report;
        Optional<DnsblChecks.Check> kept = Optional.empty();
        Optional<CaseId> within = subject.regionMatches(true, 0, "PX-", 0, 3)
                ? Optional.of(WorkspaceArguments.caseId(subject)) : Optional.empty();
        if (within.isPresent()) {
            CaseId id = within.get();
            try (Workspace ws = WorkspaceArguments.open(args)) {
                report = new DnsblChecker(settings).check(ws.get(id).target().name());
                kept = Optional.of(DnsblChecks.of(ws).record(id, report));
            }
        } else {
            report = new DnsblChecker(settings).check(subject);
        }
        if (args.flag("--json")) {
            io.out().println(JsonText.pretty(json(report, kept)));
        } else {
            io.out().println(report.summary() + ", asked through " + report.resolver());
            for (DnsblAnswer a : report.answers()) {
                io.out().printf("  %-10s  %-28s  %s%n", a.outcome().word(), a.list().name(), a.detail());
            }
            kept.ifPresent(k -> io.out().println("Kept as DNSBL check " + k.number() + " of " + within.get() + "."));
        }
        return report.unanswered().size() == report.answers().size() ? ExitCode.FAILURE : ExitCode.OK;
    }

    private static JsonObject json(DnsblReport report, Optional<DnsblChecks.Check> kept) {
        JsonObject o = new JsonObject();
        o.addProperty("address", report.address());
        o.addProperty("checked", report.checked().toString());
        o.addProperty("resolver", report.resolver());
        kept.ifPresent(k -> o.addProperty("check", k.number()));
        o.addProperty("listed", report.listed().size());
        o.addProperty("summary", report.summary());
        JsonArray lists = new JsonArray();
        for (DnsblAnswer a : report.answers()) {
            JsonObject l = new JsonObject();
            l.addProperty("zone", a.list().zone());
            l.addProperty("name", a.list().name());
            l.addProperty("outcome", a.outcome().word());
            JsonArray codes = new JsonArray();
            for (DnsblAnswer.Code c : a.codes()) {
                JsonObject code = new JsonObject();
                code.addProperty("address", c.address());
                code.addProperty("meaning", c.meaning());
                codes.add(code);
            }
            l.add("codes", codes);
            l.addProperty("reason", a.reason());
            l.addProperty("ms", a.took().toMillis());
            lists.add(l);
        }
        o.add("lists", lists);
        return o;
    }
}
