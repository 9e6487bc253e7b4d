package org.proxyscope.notes;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

/**
 * What changed between two versions of a note, line by line: every line of both texts in reading order, each
 * marked as kept, removed (only in the earlier version) or added (only in the later one).
 */
public record NoteDiff(int note, NoteVersion from, NoteVersion to, List<Line> lines) {

    /** How a line fared, and the mark a diff puts before it. */
    public enum Change {
        SAME("  "), REMOVED("- "), ADDED("+ ");

        private final String marker;

        Change(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return marker;
        }
    }

    public record Line(Change change, String text) {
    }

    public NoteDiff {
        lines = List.copyOf(lines);
    }

    /** Compares two versions of one note; java-diff-utils finds the shortest edit (Myers). */
    public static NoteDiff of(NoteVersion from, NoteVersion to) {
        List<String> before = from.text().lines().toList();
        List<String> after = to.text().lines().toList();
        List<Line> lines = new ArrayList<>();
        int kept = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            int at = delta.getSource().getPosition();
            while (kept < at) {
                lines.add(new Line(Change.SAME, before.get(kept++)));
            }
            delta.getSource().getLines().forEach(l -> lines.add(new Line(Change.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> lines.add(new Line(Change.ADDED, l)));
            kept += delta.getSource().size();
        }
        while (kept < before.size()) {
            lines.add(new Line(Change.SAME, before.get(kept++)));
        }
        return new NoteDiff(from.note(), from, to, lines);
    }

    public boolean titleChanged() {
        return !from.title().equals(to.title());
    }

    /** The diff as text, each line after its change's marker: "- " removed, "+ " added, two spaces kept. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("--- note ").append(note).append(" version ").append(from.version()).append(", ").append(from.saved())
                .append(", ").append(from.author()).append('\n');
        out.append("+++ note ").append(note).append(" version ").append(to.version()).append(", ").append(to.saved())
                .append(", ").append(to.author()).append('\n');
        if (titleChanged()) {
            out.append(Change.REMOVED.marker()).append("title: ").append(from.title()).append('\n');
            out.append(Change.ADDED.marker()).append("title: ").append(to.title()).append('\n');
        }
        for (Line l : lines) {
            out.append(l.change().marker()).append(l.text()).append('\n');
        }
        return out.toString();
    }
}
