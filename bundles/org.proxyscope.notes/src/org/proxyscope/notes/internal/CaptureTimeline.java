package org.proxyscope.notes.internal;

import java.time.Instant;
import java.util.List;

import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.capture.KeptCapture;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.TimelineEntry;

/**
 * The case timeline's capture sessions: the first and the last relayed session of each imported capture. Apart, so
 * that the timeline works without the capture plug-in: without it, there are no sessions to add.
 */
public final class CaptureTimeline {

    private CaptureTimeline() {
    }

    public static void add(Workspace workspace, CaseId id, List<TimelineEntry> entries) throws WorkspaceException {
        List<CaptureRecords.RelaySpan> spans;
        try {
            spans = CaptureRecords.of(workspace).relaySpans(id);
        } catch (NoClassDefFoundError absent) {
            return;
        }
        for (CaptureRecords.RelaySpan span : spans) {
            entries.add(session(span, span.first(), "first relayed session of " + span.relayed()));
            if (span.relayed() > 1) {
                entries.add(session(span, span.last(), "last relayed session of " + span.relayed()));
            }
        }
    }

    private static TimelineEntry session(CaptureRecords.RelaySpan span, KeptCapture.Session s, String which) {
        return new TimelineEntry(Instant.ofEpochSecond(0, s.startedNanos()), "session", span.evidence() + "/" + s.flow(), which + " in "
                + span.fileName() + ": " + s.description());
    }
}
