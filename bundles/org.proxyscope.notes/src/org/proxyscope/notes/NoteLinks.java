package org.proxyscope.notes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;
import org.proxyscope.core.model.SearchHit;
import org.proxyscope.notes.internal.CaptureLinks;

/**
 * Links inside a note's text to what else the case holds: {@code [[evidence:3]]}, {@code [[note:2]]},
 * {@code [[finding:1/4]]} (probe run 1, finding 4) and {@code [[session:2/812]]} (capture evidence 2, flow
 * 812). A link resolves to a description of its target; one to something purged, deleted or never there says
 * so instead of breaking.
 */
public final class NoteLinks {

    /** A link as it appears in the text. */
    public static final Pattern LINK = Pattern.compile("\\[\\[(evidence|note|finding|session):([0-9]+(?:/[0-9]+)?)]]");

    /**
     * One link and what it leads to.
     *
     * @param target what it names, e.g. "evidence #3, netstat.txt"
     * @param found  false when the target is missing, purged or deleted (the description says which)
     */
    public record Link(String kind, String ref, String text, String target, boolean found) {

        /** A link to a record the case holds, {@code title} saying what it is: as completion offers it. */
        public static Link to(String kind, String ref, String title) {
            return new Link(kind, ref, "[[" + kind + ":" + ref + "]]", SearchHit.place(kind, ref) + ", " + title, true);
        }
    }

    private NoteLinks() {
    }

    public static List<Link> resolve(Workspace workspace, CaseId id, String text) throws WorkspaceException {
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        List<Evidence> evidence = null;
        while (m.find()) {
            String kind = m.group(1);
            String ref = m.group(2);
            String name = SearchHit.place(kind, ref);
            if (kind.equals("evidence")) {
                if (evidence == null) {
                    evidence = workspace.evidence(id);
                }
                Optional<Evidence> e = evidence.stream().filter(x -> Integer.toString(x.number()).equals(ref)).findFirst();
                links.add(e.map(x -> new Link(kind, ref, m.group(), name + ", " + x.originalName()
                        + (x.isPurged() ? " (purged; its hash stays on record)" : ""), !x.isPurged()))
                        .orElse(new Link(kind, ref, m.group(), name + " (no such evidence in " + id + ")", false)));
            } else {
                Optional<String> title = title(workspace, id, kind, ref);
                links.add(title.map(t -> new Link(kind, ref, m.group(), name + ", " + t, true))
                        .orElse(new Link(kind, ref, m.group(), name + " (missing or deleted)", false)));
            }
        }
        return links;
    }

    /**
     * What a link being typed can lead to, in the order the case gained it: {@code typed} is what follows
     * "[[" so far, e.g. "", "fin" or "session:2/8".
     */
    public static List<Link> completions(Workspace workspace, CaseId id, String typed, int limit) throws WorkspaceException {
        int colon = typed.indexOf(':');
        String kind = colon < 0 ? typed : typed.substring(0, colon);
        String ref = colon < 0 ? "" : typed.substring(colon + 1);
        // "s" on names sessions alone: they are the case's rows, as links resolve them, not the index's entries
        if (!kind.isEmpty() && "session".startsWith(kind)) {
            return CaptureLinks.completions(workspace, id, ref, limit);
        }
        List<Link> links = new ArrayList<>();
        for (SearchHit record : workspace.indexedRecords(id, kind, ref, limit)) {
            Link link = Link.to(record.kind(), record.ref(), record.title());
            if (LINK.matcher(link.text()).matches()) {
                links.add(link);
            }
        }
        return links;
    }

    /** What a link to {@code kind} and {@code ref} leads to, from the record's own plug-in where the index holds no entry per record. */
    private static Optional<String> title(Workspace workspace, CaseId id, String kind, String ref) throws WorkspaceException {
        if (kind.equals("session")) {
            return CaptureLinks.title(workspace, id, ref);
        }
        return workspace.indexedTitle(id, kind, ref);
    }

    /** The text with every link replaced by its description in brackets, as a printed page shows it. */
    public static String spelledOut(Workspace workspace, CaseId id, String text) throws WorkspaceException {
        String out = text;
        for (Link link : resolve(workspace, id, text)) {
            out = out.replace(link.text(), "[" + link.target() + "]");
        }
        return out;
    }
}
