package org.proxyscope.notes.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Phrases;
import org.proxyscope.notes.TimelineEntry;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.ProbeRuns;
import org.proxyscope.probe.Verdict;

/**
 * The case timeline's probe findings, at their proof's time or their run's start: every finding but refused ports,
 * and a port's "not a proxy" findings as one entry. A port that answered as one service was tried with every
 * protocol, and eight lines saying it speaks none of the others buried the findings that matter. Apart, so that the
 * timeline works without the probe plug-in: without it, there are no findings to add.
 */
public final class ProbeTimeline {

    private ProbeTimeline() {
    }

    public static void add(Workspace workspace, CaseId id, List<TimelineEntry> entries) throws WorkspaceException {
        List<ProbeRun> runs;
        try {
            runs = ProbeRuns.of(workspace).list(id);
        } catch (NoClassDefFoundError absent) {
            return;
        }
        for (ProbeRun run : runs) {
            Map<Integer, List<Integer>> notAProxy = new LinkedHashMap<>(); // port: positions
            List<ProbeRun.Recorded> findings = run.findings();
            for (int i = 0; i < findings.size(); i++) {
                ProbeRun.Recorded f = findings.get(i);
                if (f.verdict() == Verdict.NOT_A_PROXY) {
                    notAProxy.computeIfAbsent(f.port(), p -> new ArrayList<>()).add(i + 1);
                } else if (f.verdict() != Verdict.NO_SERVICE) {
                    entries.add(entry(run, f.proof().map(p -> p.at()).orElse(run.started()), i + 1, f));
                }
            }
            notAProxy.forEach((port, positions) -> {
                ProbeRun.Recorded first = findings.get(positions.get(0) - 1);
                if (positions.size() == 1) {
                    entries.add(entry(run, run.started(), positions.get(0), first));
                } else {
                    List<String> protocols = positions.stream().map(p -> findings.get(p - 1).protocol()).toList();
                    entries.add(new TimelineEntry(run.started(), "finding", run.number() + "/" + positions.get(0), Phrases.and(protocols)
                            + " on " + run.host() + ":" + port + ": " + Verdict.NOT_A_PROXY.word() + " (" + (first.service().isEmpty()
                                    ? "the port answered, but relayed none of them" : first.service() + " answered") + ")"));
                }
            });
        }
    }

    private static TimelineEntry entry(ProbeRun run, Instant at, int position, ProbeRun.Recorded f) {
        return new TimelineEntry(at, "finding", run.number() + "/" + position, f.protocol() + " on " + run.host() + ":" + f.port() + ": "
                + f.verdict().word() + " (" + f.detail() + ")");
    }
}
