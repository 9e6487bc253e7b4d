package org.proxyscope.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.notes.internal.CaptureTimeline;
import org.proxyscope.notes.internal.ProbeTimeline;

/**
 * One chronological view of a case: its custody log, the probe findings, the first and last relayed session
 * of each imported capture ("since when does it relay") and its notes. The probe and capture plug-ins are
 * optional: without one, its entries are simply absent (their parts live in classes of their own, so this one
 * links without them).
 */
public final class CaseTimeline {

    private CaseTimeline() {
    }

    /** Every entry, oldest first. */
    public static List<TimelineEntry> of(Workspace workspace, CaseId id) throws WorkspaceException {
        List<TimelineEntry> entries = new ArrayList<>();
        for (CustodyEntry e : workspace.custody(id)) {
            if (e.action() != CustodyAction.NOTE_EDITED) { // the notes stand for themselves below
                entries.add(new TimelineEntry(e.at(), "custody", Integer.toString(e.sequence()), e.actionWord() + ": " + e.details()));
            }
        }
        for (Note n : Notes.of(workspace).list(id)) {
            entries.add(new TimelineEntry(n.created(), "note", Integer.toString(n.number()), n.title() + " (by " + n.createdBy()
                    + (n.version() > 1 ? ", version " + n.version() + " of " + n.updated() : "") + ")"));
        }
        ProbeTimeline.add(workspace, id, entries);
        CaptureTimeline.add(workspace, id, entries);
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind));
        return entries;
    }
}
