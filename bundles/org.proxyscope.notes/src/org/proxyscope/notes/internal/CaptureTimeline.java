package org.proxyscope.notes.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.capture.ProxySession;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.TimelineEntry;

/** The case timeline's capture sessions: the first and the last relayed session of each imported capture. */
public final class CaptureTimeline {

    private CaptureTimeline() {
    }

    public static void add(Workspace workspace, CaseId id, List<TimelineEntry> entries) throws WorkspaceException {
        for (KeptCapture c : CaptureRecords.of(workspace).list(id)) {
            List<KeptCapture.Session> relayed = c.sessions().stream()
                    .filter(s -> s.outcome() == ProxySession.Outcome.ESTABLISHED && s.startedNanos() > 0)
                    .sorted(Comparator.comparingLong(KeptCapture.Session::startedNanos)).toList();
            if (relayed.isEmpty()) {
                continue;
            }
            KeptCapture.Session first = relayed.get(0);
            KeptCapture.Session last = relayed.get(relayed.size() - 1);
            entries.add(session(c, first, "first relayed session of " + relayed.size()));
            if (last != first) {
                entries.add(session(c, last, "last relayed session of " + relayed.size()));
            }
        }
    }

    private static TimelineEntry session(KeptCapture c, KeptCapture.Session s, String which) {
        return new TimelineEntry(Instant.ofEpochSecond(0, s.startedNanos()), "session", c.evidence() + "/" + s.flow(), which + " in "
                + c.fileName() + ": " + s.protocol() + " from " + s.clientHost() + " through " + s.proxyHost() + ":" + s.proxyPort()
                + " to " + (s.destination().isEmpty() ? "an unnamed destination" : s.destination()));
    }
}
