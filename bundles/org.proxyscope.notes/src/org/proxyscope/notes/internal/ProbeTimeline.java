package org.proxyscope.notes.internal;

import java.time.Instant;
import java.util.List;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.TimelineEntry;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.ProbeRuns;
import org.proxyscope.probe.Verdict;

/**
 * The case timeline's probe findings: every finding but refused ports, at its proof's time or its run's start. Apart,
 * so that the timeline works without the probe plug-in: without it, there are no findings to add.
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
            int position = 0;
            for (ProbeRun.Recorded f : run.findings()) {
                position++;
                if (f.verdict() == Verdict.NO_SERVICE) {
                    continue;
                }
                Instant at = f.proof().map(p -> p.at()).orElse(run.started());
                entries.add(new TimelineEntry(at, "finding", run.number() + "/" + position, f.protocol() + " on " + run.host() + ":"
                        + f.port() + ": " + f.verdict().word() + " (" + f.detail() + ")"));
            }
        }
    }
}
