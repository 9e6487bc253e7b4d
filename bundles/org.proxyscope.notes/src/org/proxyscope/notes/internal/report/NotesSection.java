package org.proxyscope.notes.internal.report;

import java.util.List;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.NoteLinks;
import org.proxyscope.notes.NoteMarkdown;
import org.proxyscope.notes.Notes;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportTime;
import org.proxyscope.report.ReportWriter;

/**
 * The report's narrative: the notes the analyst marked for the report, in their order, with their Markdown
 * typeset (headings, paragraphs, lists, quotes, code) and their links spelled out.
 */
public final class NotesSection implements ReportSection {

    @Override
    public String id() {
        return "org.proxyscope.notes.notes";
    }

    @Override
    public String title() {
        return "Analyst's notes";
    }

    @Override
    public int order() {
        return 500;
    }

    private static List<Note> notes(ReportContext context) throws WorkspaceException {
        return Notes.of(context.workspace()).forReport(context.subject().id());
    }

    @Override
    public boolean hasContent(ReportContext context) throws WorkspaceException {
        return !notes(context).isEmpty();
    }

    @Override
    public void write(ReportContext context, ReportWriter out) throws WorkspaceException {
        for (Note note : notes(context)) {
            out.heading(note.title());
            out.facts(List.<String[]>of(new String[] {"Note " + note.number() + ", version " + note.version(),
                    "by " + note.updatedBy() + ", " + ReportTime.utc(note.updated())}));
            String text = NoteLinks.spelledOut(context.workspace(), context.subject().id(), note.text());
            NoteMarkdown.read(text, new Typesetter(out));
        }
    }

    /** Lays the note's blocks out as the report writer's own elements. */
    private record Typesetter(ReportWriter out) implements NoteMarkdown.Blocks {

        @Override
        public void heading(int level, String text) {
            out.emphasis(text);
        }

        @Override
        public void paragraph(String text) {
            out.paragraph(text);
        }

        @Override
        public void item(int depth, String marker, String text) {
            out.paragraph("    ".repeat(depth - 1) + marker + "  " + text);
        }

        @Override
        public void quote(String text) {
            out.paragraph("“" + text + "”");
        }

        @Override
        public void code(String text) {
            out.preformatted(text);
        }

        @Override
        public void rule() {
            out.paragraph("");
        }
    }
}
