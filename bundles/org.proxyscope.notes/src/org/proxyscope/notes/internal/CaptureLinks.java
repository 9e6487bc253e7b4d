package org.proxyscope.notes.internal;

import java.util.List;
import java.util.Optional;

import org.proxyscope.capture.CaptureRecords;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.notes.NoteLinks;

/**
 * Links to capture sessions, read from the sessions the case keeps: the search index holds one entry for many
 * sessions of a proxy, and a note may link any one of them. Apart, so that notes work without the capture plug-in:
 * without it, the first use of its classes fails, and each method answers that the case keeps no sessions.
 */
public final class CaptureLinks {

    private CaptureLinks() {
    }

    /** What the session {@code ref} ("evidence/flow") was, when the case keeps it. */
    public static Optional<String> title(Workspace workspace, CaseId id, String ref) throws WorkspaceException {
        try {
            return CaptureRecords.of(workspace).session(id, ref).map(CaptureRecords.SessionLink::title);
        } catch (NoClassDefFoundError absent) {
            return Optional.empty();
        }
    }

    /**
     * For each of {@code placings} (case, the session {@code ref} a search entry is named after, an address searched
     * for), the session of that address among the entry's sessions, when there is one.
     */
    public static List<Optional<String>> sessionsOf(Workspace workspace, List<Placing> placings) throws WorkspaceException {
        try {
            return CaptureRecords.of(workspace).sessionsOf(placings.stream()
                    .map(p -> new CaptureRecords.Placing(p.caseId(), p.ref(), p.address())).toList());
        } catch (NoClassDefFoundError absent) {
            return placings.stream().map(p -> Optional.<String>empty()).toList();
        }
    }

    /**
     * A search result to place: the entry named after the session {@code ref}, found by searching {@code address}.
     * The notes' own, not the capture plug-in's {@code CaptureRecords.Placing}: a caller must not touch that plug-in's
     * classes, which may be absent.
     */
    public record Placing(CaseId caseId, String ref, String address) {
    }

    /** Links to the kept sessions whose ref begins with {@code refPrefix}, in the order the case gained them. */
    public static List<NoteLinks.Link> completions(Workspace workspace, CaseId id, String refPrefix, int limit) throws WorkspaceException {
        try {
            return CaptureRecords.of(workspace).sessions(id, refPrefix, limit).stream()
                    .map(s -> NoteLinks.Link.to("session", s.ref(), s.title())).toList();
        } catch (NoClassDefFoundError absent) {
            return List.of();
        }
    }
}
