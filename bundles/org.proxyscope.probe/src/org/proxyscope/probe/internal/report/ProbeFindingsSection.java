package org.proxyscope.probe.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.PortRanges;
import org.proxyscope.core.model.ProtocolNames;
import org.proxyscope.core.model.Scope;
import org.proxyscope.probe.CanaryProof;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.ProbeRuns;
import org.proxyscope.probe.Verdict;
import org.proxyscope.report.Contribution;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportTime;
import org.proxyscope.report.ReportWriter;

/**
 * The report's probe findings: every run the case keeps, per port and protocol the verdict and what answered,
 * with inconclusive verdicts explained, then for each relay what was sent, what came back and the canary's proof.
 */
public final class ProbeFindingsSection implements ReportSection {

    /** How much of a sent or received excerpt a proof shows; the appendix has the whole transcript. */
    private static final int EXCERPT = 240;

    @Override
    public String id() {
        return "org.proxyscope.probe.findings";
    }

    @Override
    public String title() {
        return "Probe findings";
    }

    @Override
    public int order() {
        return 300;
    }

    /** The case's probe runs, read once per report for this section, the transcripts and the timeline. */
    static List<ProbeRun> runs(ReportContext context) throws WorkspaceException {
        return context.once("org.proxyscope.probe.runs", () -> ProbeRuns.of(context.workspace()).list(context.subject().id()));
    }

    @Override
    public boolean hasContent(ReportContext context) throws WorkspaceException {
        return !runs(context).isEmpty();
    }

    @Override
    public Optional<Contribution> contribute(ReportContext context) throws WorkspaceException {
        List<ProbeRun> runs = runs(context);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<ProbeRun.Recorded> open = new ArrayList<>();
        List<Contribution.Exposure> exposed = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (ProbeRun run : runs) {
            List<Contribution.Exposure> proven = new ArrayList<>();
            for (ProbeRun.Recorded f : run.findings()) {
                if (f.verdict() == Verdict.OPEN) {
                    open.add(f);
                    Contribution.Exposure e = new Contribution.Exposure(f.port(), f.protocol());
                    proven.add(e);
                    if (!exposed.contains(e)) {
                        exposed.add(e);
                    }
                }
            }
            summary.add("Probe run " + run.number() + " (" + utc(run.started()) + ", " + run.analyst() + ") tested "
                    + run.findings().stream().map(ProbeRun.Recorded::port).distinct().count() + " ports of " + run.host() + ": "
                    + switch (run.verdict()) {
                        case "open-proxy" -> "it relayed for anyone, proven by the canary: " + Contribution.Exposure.describe(proven) + ".";
                        case "inconclusive" -> "a service claimed to relay or did not answer clearly, but nothing was proven.";
                        default -> "no port relayed.";
                    });
        }
        Optional<Instant> first = open.stream().flatMap(f -> f.proof().stream()).map(CanaryProof::at).min(Instant::compareTo);
        Optional<Instant> last = open.stream().flatMap(f -> f.proof().stream()).map(CanaryProof::at).max(Instant::compareTo);
        if (!open.isEmpty()) {
            return Optional.of(new Contribution(Contribution.Standing.RELAYS, "Open proxy: " + Contribution.Exposure.describe(exposed)
                    + ", relayed for anyone, proven by Proxyscope's canary.", summary, exposed, first, last,
                    open.stream().flatMap(f -> f.evidence().stream().boxed()).distinct().toList()));
        }
        boolean doubt = runs.stream().anyMatch(r -> r.verdict().equals("inconclusive"));
        return Optional.of(new Contribution(doubt ? Contribution.Standing.INCONCLUSIVE : Contribution.Standing.NO_RELAY,
                doubt ? "Inconclusive: a service claimed to relay, but the canary never received proof."
                        : "No open proxy found by probing.", summary, List.of(), Optional.empty(), Optional.empty(), List.of()));
    }

    @Override
    public void write(ReportContext context, ReportWriter out) throws WorkspaceException {
        out.paragraph("Each probe asks the target to carry a fresh random token to Proxyscope's canary, a listener that"
                + " serves nothing else and relays nothing. A port is called open only when the canary received its token"
                + " through the target: a reply that merely claims success proves nothing.");
        for (ProbeRun run : runs(context)) {
            out.heading("Run " + run.number() + ", " + utc(run.started()) + ": " + run.verdict());
            out.facts(List.of(new String[] {"Target", run.host()}, new String[] {"Analyst", run.analyst()},
                    new String[] {"Scope", scopeOf(run, context.subject().scope())}, new String[] {"Canary", run.canary()},
                    new String[] {"Duration", run.elapsed().toMillis() + " ms"}));
            out.paragraph(run.summary() + ".");
            List<String[]> rows = new ArrayList<>();
            List<String> explained = new ArrayList<>();
            for (ProbeRun.Recorded f : run.answered()) {
                rows.add(new String[] {Integer.toString(f.port()), f.protocol(), f.verdict().word(), f.service(),
                        f.detail() + (f.evidence().isPresent() ? "\ntranscript: evidence #" + f.evidence().getAsInt() : "")});
                explanation(f.verdict()).filter(e -> !explained.contains(e)).ifPresent(explained::add);
            }
            if (!rows.isEmpty()) {
                out.table(List.of("Port", "Protocol", "Verdict", "Service", "Detail"), new float[] {8, 12, 12, 16, 52}, rows);
            }
            List<Integer> refused = run.refusedPorts();
            if (!refused.isEmpty()) {
                out.paragraph(refused.size() + (refused.size() == 1 ? " port refused" : " ports refused") + " the connection: "
                        + PortRanges.of(refused) + ".");
            }
            List<Integer> silent = run.silentPorts();
            if (!silent.isEmpty()) {
                out.paragraph(silent.size() + (silent.size() == 1 ? " port" : " ports") + " never answered the connection (filtered): "
                        + PortRanges.of(silent) + ".");
            }
            for (String e : explained) {
                out.paragraph(e);
            }
            proofs(run, out);
        }
    }

    /**
     * What each relay of the run carried to the canary and what came back: the exchange, cut, beside the token's
     * arrival. The table above keeps to one line of detail per finding, as raw bytes in its narrow cells made a row
     * a dozen lines high; the appendix has every transcript whole.
     */
    private static void proofs(ProbeRun run, ReportWriter out) {
        for (ProbeRun.Recorded f : run.answered()) {
            if (f.verdict() != Verdict.OPEN) {
                continue;
            }
            out.emphasis(ProtocolNames.of(f.protocol()) + " on port " + f.port() + (f.service().isEmpty() ? "" : " (" + f.service() + ")")
                    + ": relayed to the canary");
            List<String[]> facts = new ArrayList<>();
            facts.add(new String[] {"Sent", cut(f.sent())});
            facts.add(new String[] {"Reply", cut(f.reply())});
            f.proof().ifPresent(p -> {
                facts.add(new String[] {"Canary token", p.token()});
                facts.add(new String[] {"Received", utc(p.at()) + " from " + p.from()});
            });
            f.evidence().ifPresent(n -> facts.add(new String[] {"Transcript", "evidence #" + n}));
            out.facts(facts);
        }
    }

    /**
     * The scope the run was checked against, in words. The case's scope may have changed since; the report's
     * scope section shows it as it is now, so a run must not be read against that.
     */
    private static String scopeOf(ProbeRun run, Scope now) {
        if (run.scope().isEmpty()) {
            return "not kept with this run; the custody log holds every change of the case's scope";
        }
        Scope then = Scope.parse(run.scope());
        return String.join("; ", then.entries().stream().map(e -> e.host() + (e.ports().equals(PortRanges.ALL) ? ", every port"
                : (e.ports().list().size() == 1 ? ", port " : ", ports ") + e.ports())).toList())
                + (run.scope().equals(now.toString()) ? "" : " (the case's scope has changed since)");
    }

    private static Optional<String> explanation(Verdict v) {
        return switch (v) {
            case UNVERIFIED -> Optional.of("Unverified: the service answered as if it relayed, but the canary never received the"
                    + " token. Such an answer is not proof; the port needs a second look (a re-test, or a capture).");
            case TIMEOUT -> Optional.of("Timeout: the port accepted the connection but gave no answer in time; nothing can be"
                    + " concluded from it.");
            case ERROR -> Optional.of("Error: the probe could not be run to its end; the detail says why.");
            case AUTH_REQUIRED -> Optional.of("Auth-required: a proxy that asks for credentials does not relay for strangers;"
                    + " it is not an open proxy, though it shows proxy software runs there.");
            case NOT_A_PROXY -> Optional.of("Not-a-proxy: the port answered, but as another service (the Service column names"
                    + " it where its replies tell) or by itself, not as a relay of that protocol.");
            default -> Optional.empty();
        };
    }

    private static String cut(String excerpt) {
        if (excerpt.isEmpty()) {
            return "nothing";
        }
        return excerpt.length() <= EXCERPT ? excerpt : excerpt.substring(0, EXCERPT) + " ...";
    }

    static String utc(Instant t) {
        return ReportTime.utc(t);
    }
}
