package org.proxyscope.probe.internal.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.JsonText;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.TempPaths;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Host;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.model.Scope;
import org.proxyscope.core.model.ScopeEntry;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.CanarySettings;
import org.proxyscope.probe.Finding;
import org.proxyscope.probe.HostSummary;
import org.proxyscope.probe.ProbeCatalog;
import org.proxyscope.probe.ProbeEvidence.TranscriptFolder;
import org.proxyscope.probe.ProbeEvidence;
import org.proxyscope.probe.ProbeRefusedException;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.ProbeRequest;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.Prober;
import org.proxyscope.probe.Verdict;

/** {@code proxyscope probe HOST ...}: canary-verified tests of one host, within a case's scope or an explicit authorisation. */
public final class ProbeCommand implements Command {

    private static final long MAX_TIMEOUT_MILLIS = 600_000;

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "test a host for open proxies, verified by Proxyscope's canary";
    }

    @Override
    public String usage() {
        return """
                HOST (--case ID | --authorised) [--ports LIST] [--protocols LIST] [--canary-listen ADDR:PORT]
                       [--canary-smtp-listen ADDR:PORT] [--canary-domain DOMAIN] [--canary-url URL --canary-text TEXT]
                       [--timeout-ms N] [--json] %s
                  --case ID          probe within the case's authorised scope; transcripts become its evidence
                  --authorised       ad-hoc work outside a case: you confirm you may probe HOST on these ports
                  --ports            ports or ranges, default %s
                  --protocols        any of %s (default all)
                  --canary-listen    where the canary listens; the target must reach it (default: this machine's
                                     address towards HOST, a free port)
                  --canary-domain    a mail domain you control whose MX leads to the SMTP canary; without it
                                     smtp-relay sends no message and can only say unverified
                  --canary-smtp-listen  where the SMTP canary listens (default: the canary's address, port 25)
                  --canary-url       external mode, when the target cannot reach this machine: an http:// URL you
                  --canary-text      control and the text it returns; a relay is proven when the text comes back
                  --timeout-ms       deadline of each connection, default 3000""".formatted(WorkspaceArguments.USAGE,
                String.join(",", ProbeRequest.DEFAULT_PORTS.stream().map(String::valueOf).toList()),
                String.join(",", ProbeCatalog.current().prober().protocols()));
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, WorkspaceArguments.with(Set.of("--case", "--ports", "--protocols",
                "--canary-listen", "--canary-smtp-listen", "--canary-domain", "--canary-url", "--canary-text", "--timeout-ms")),
                Set.of("--authorised", "--json"));
        Host host;
        List<Integer> ports;
        Duration timeout;
        try {
            host = Host.parse(args.positional("HOST").get(0));
            ports = args.option("--ports").map(p -> PortRanges.parse(p).list()).orElse(ProbeRequest.DEFAULT_PORTS);
            timeout = Duration.ofMillis(timeoutMillis(args.option("--timeout-ms").orElse("3000")));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Prober prober = ProbeCatalog.current().prober();
        List<String> protocols = args.option("--protocols").map(p -> List.of(p.split(","))).orElse(prober.protocols());
        if (args.option("--case").isEmpty() && !args.flag("--authorised")) {
            throw new UsageException("probing needs authorisation: give --case ID (its scope applies) or --authorised");
        }
        CanarySettings canary = canarySettings(args);
        Duration overall = ProbeRequest.overallFor(timeout);
        if (args.option("--case").isPresent()) {
            CaseId id = WorkspaceArguments.caseId(args.option("--case").get());
            try (Workspace ws = WorkspaceArguments.open(args)) {
                Case subject = ws.get(id);
                Ran ran = run(prober, new ProbeRequest(host, ports, protocols, timeout, overall, subject.scope()), canary, f -> { });
                ProbeRun kept = ProbeEvidence.keep(ws, id, ran.report(), ran.canary());
                List<String> names = kept.findings().stream()
                        .map(f -> f.evidence().isPresent() ? id + " evidence #" + f.evidence().getAsInt() : null).toList();
                print(io, args.flag("--json"), ran.report(), names, OptionalInt.of(kept.number()));
            }
        } else {
            TranscriptFolder transcripts = new TranscriptFolder(TempPaths.folder(ProbeEvidence.TRANSCRIPTS), host.name());
            ProbeReport report = run(prober, new ProbeRequest(host, ports, protocols, timeout, overall,
                    new Scope(List.of(new ScopeEntry(host, PortRanges.of(ports))))),
                    canary, transcripts::write).report();
            Map<Finding, Path> files = transcripts.files(report);
            List<String> names = report.findings().stream().map(f -> files.containsKey(f) ? files.get(f).toString() : null).toList();
            print(io, args.flag("--json"), report, names, OptionalInt.empty());
        }
        return ExitCode.OK;
    }

    /** A connection deadline from 1 ms to ten minutes: longer is a hung run, not patience. */
    private static long timeoutMillis(String text) {
        long millis;
        try {
            millis = Long.parseLong(text);
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 1 || millis > MAX_TIMEOUT_MILLIS) {
            throw new IllegalArgumentException("--timeout-ms takes milliseconds from 1 to " + MAX_TIMEOUT_MILLIS + ", not " + text);
        }
        return millis;
    }

    /** A finished run and where its canary listened. */
    private record Ran(ProbeReport report, String canary) {
    }

    private static Ran run(Prober prober, ProbeRequest request, CanarySettings settings, Consumer<Finding> progress)
            throws Exception {
        try (Canary canary = settings.start(request.host().name())) {
            return new Ran(prober.run(request, canary, progress), canary.describe());
        } catch (ProbeRefusedException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static CanarySettings canarySettings(Arguments args) throws UsageException {
        CanarySettings settings = new CanarySettings(args.option("--canary-listen").orElse(""),
                args.option("--canary-smtp-listen").orElse(""), args.option("--canary-domain").orElse(""),
                args.option("--canary-url").orElse(""), args.option("--canary-text").orElse(""));
        try {
            settings.check();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return settings;
    }

    /**
     * @param transcripts where each finding's transcript is, in the report's order (null for none)
     * @param run         the run's number in the case, when it was kept in one
     */
    private static void print(CommandContext io, boolean json, ProbeReport report, List<String> transcripts, OptionalInt run) {
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("host", report.host());
            if (run.isPresent()) {
                o.addProperty("run", run.getAsInt());
            }
            o.addProperty("started", report.started().toString());
            o.addProperty("scope", report.scope().toString());
            o.addProperty("verdict", report.verdict());
            o.addProperty("summary", report.summary());
            o.addProperty("elapsed_ms", report.elapsed().toMillis());
            JsonArray findings = new JsonArray();
            for (int i = 0; i < report.findings().size(); i++) {
                Finding f = report.findings().get(i);
                JsonObject j = new JsonObject();
                j.addProperty("port", f.port());
                j.addProperty("protocol", f.protocol());
                j.addProperty("verdict", f.verdict().word());
                j.addProperty("service", f.service());
                j.addProperty("canary_verified", f.canaryVerified());
                f.proof().ifPresent(p -> {
                    JsonObject proof = new JsonObject();
                    proof.addProperty("token", p.token());
                    proof.addProperty("from", p.from());
                    proof.addProperty("at", p.at().toString());
                    j.add("proof", proof);
                });
                j.addProperty("detail", f.detail());
                j.addProperty("transcript", transcripts.get(i));
                findings.add(j);
            }
            o.add("findings", findings);
            io.out().println(JsonText.pretty(o));
            return;
        }
        io.out().printf("%s (%d ms)%n", report.summary(), report.elapsed().toMillis());
        run.ifPresent(n -> io.out().printf("  kept in the case as probe run %d%n", n));
        List<Integer> refused = HostSummary.refusedPorts(report.findings());
        List<Integer> silent = HostSummary.silentPorts(report.findings());
        for (Finding f : report.findings()) {
            if (!refused.contains(f.port()) && !silent.contains(f.port())) {
                io.out().printf("  %5d  %-13s %-14s %-16s  %s%n", f.port(), f.protocol(), f.verdict().word(),
                        f.service().isEmpty() ? "-" : f.service(), f.detail());
            }
        }
        if (!refused.isEmpty()) {
            io.out().printf("  %d %s the connection: %s%n", refused.size(), refused.size() == 1 ? "port refused" : "ports refused",
                    PortRanges.of(refused));
        }
        if (!silent.isEmpty()) {
            io.out().printf("  %d %s silent to the TCP connect: %s%n", silent.size(), silent.size() == 1 ? "port stayed" : "ports stayed",
                    PortRanges.of(silent));
        }
    }
}
