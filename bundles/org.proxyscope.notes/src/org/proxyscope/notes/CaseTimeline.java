package org.proxyscope.notes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /** How close evidence added one file after another must follow to be one entry. */
    private static final Duration TOGETHER = Duration.ofMinutes(1);

    private CaseTimeline() {
    }

    /** Every entry, oldest first. */
    public static List<TimelineEntry> of(Workspace workspace, CaseId id) throws WorkspaceException {
        List<TimelineEntry> entries = new ArrayList<>();
        List<CustodyEntry> added = new ArrayList<>();
        for (CustodyEntry e : workspace.custody(id)) {
            if (e.action() == CustodyAction.EVIDENCE_ADDED) {
                if (!added.isEmpty() && added.get(added.size() - 1).at().plus(TOGETHER).isBefore(e.at())) {
                    addedTogether(added, entries);
                }
                added.add(e);
                continue;
            }
            addedTogether(added, entries);
            if (e.action() != CustodyAction.NOTE_EDITED) { // the notes stand for themselves below
                entries.add(custody(e));
            }
        }
        addedTogether(added, entries);
        for (Note n : Notes.of(workspace).list(id)) {
            entries.add(new TimelineEntry(n.created(), "note", Integer.toString(n.number()), n.title() + " (by " + n.createdBy()
                    + (n.version() > 1 ? ", version " + n.version() + " of " + n.updated() : "") + ")"));
        }
        ProbeTimeline.add(workspace, id, entries);
        CaptureTimeline.add(workspace, id, entries);
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind));
        return entries;
    }

    private static TimelineEntry custody(CustodyEntry e) {
        return new TimelineEntry(e.at(), "custody", Integer.toString(e.sequence()), e.actionWord() + ": " + e.details());
    }

    /**
     * Evidence added one file after another, each within a minute of the one before, as one entry: a probe run keeps
     * a transcript per finding, 27 custody entries for three ports that answered, which buried the rest of the
     * timeline. The custody log keeps each.
     */
    private static void addedTogether(List<CustodyEntry> added, List<TimelineEntry> entries) {
        if (added.size() == 1) {
            entries.add(custody(added.get(0)));
        } else if (added.size() > 1) {
            CustodyEntry first = added.get(0);
            CustodyEntry last = added.get(added.size() - 1);
            Set<String> sources = new LinkedHashSet<>();
            added.forEach(e -> sources.add(source(e.details())));
            entries.add(new TimelineEntry(first.at(), "custody", Integer.toString(first.sequence()), first.actionWord() + ": "
                    + added.size() + " files, " + number(first.details()) + " to " + number(last.details())
                    + (sources.size() == 1 && !sources.contains("") ? ", source: " + sources.iterator().next() : "")
                    + " (custody entries " + first.sequence() + " to " + last.sequence() + ")"));
        }
        added.clear();
    }

    /** "#3" of "#3 netstat.txt, 12 bytes, sha256 ..." */
    private static String number(String details) {
        int space = details.indexOf(' ');
        return space < 0 ? details : details.substring(0, space);
    }

    /** "probe transcript" of "..., source: probe transcript, socks5 on port 1080"; empty without a source. */
    private static String source(String details) {
        int at = details.indexOf(", source: ");
        if (at < 0) {
            return "";
        }
        String source = details.substring(at + ", source: ".length());
        int comma = source.indexOf(", ");
        return comma < 0 ? source : source.substring(0, comma);
    }
}
