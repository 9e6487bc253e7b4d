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

    /** The session of {@code address} among those of the search entry named after the session {@code ref}. */
    public static Optional<String> sessionOf(Workspace workspace, CaseId id, String ref, String address) throws WorkspaceException {
        try {
            return CaptureRecords.of(workspace).sessionOf(id, ref, address);
        } catch (NoClassDefFoundError absent) {
            return Optional.empty();
        }
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
