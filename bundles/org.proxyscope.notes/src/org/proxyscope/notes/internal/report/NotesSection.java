package org.proxyscope.notes.internal.report;

import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.notes.Note;
import org.proxyscope.notes.NoteLinks;
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

    private static final Parser MARKDOWN = Parser.builder().build();

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
            MARKDOWN.parse(text).accept(new Typesetter(out));
        }
    }

    /** Walks the Markdown tree, writing each block as the report writer's own element. */
    private static final class Typesetter extends AbstractVisitor {

        private final ReportWriter out;
        private int listDepth;

        Typesetter(ReportWriter out) {
            this.out = out;
        }

        @Override
        public void visit(Heading heading) {
            out.emphasis(inline(heading));
        }

        @Override
        public void visit(Paragraph paragraph) {
            if (listDepth == 0) {
                out.paragraph(inline(paragraph));
            }
        }

        @Override
        public void visit(BulletList list) {
            items(list, false);
        }

        @Override
        public void visit(OrderedList list) {
            items(list, true);
        }

        private void items(Node list, boolean numbered) {
            listDepth++;
            int n = 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    String indent = "    ".repeat(listDepth - 1);
                    out.paragraph(indent + (numbered ? (++n) + ". " : "•  ") + inline(item));
                    for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                        if (child instanceof BulletList || child instanceof OrderedList) {
                            child.accept(this);
                        }
                    }
                }
            }
            listDepth--;
        }

        @Override
        public void visit(BlockQuote quote) {
            out.paragraph("“" + inline(quote) + "”");
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.preformatted(code.getLiteral().stripTrailing());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.preformatted(code.getLiteral().stripTrailing());
        }

        @Override
        public void visit(ThematicBreak rule) {
            out.paragraph("");
        }

        /** The text of a block's inlines (paragraphs of a list item or quote joined), links as "text (address)". */
        private static String inline(Node block) {
            StringBuilder text = new StringBuilder();
            block.accept(new AbstractVisitor() {
                @Override
                public void visit(Text t) {
                    text.append(t.getLiteral());
                }

                @Override
                public void visit(Code c) {
                    text.append(c.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak b) {
                    text.append(' ');
                }

                @Override
                public void visit(HardLineBreak b) {
                    text.append('\n');
                }

                @Override
                public void visit(Paragraph p) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    visitChildren(p);
                }

                @Override
                public void visit(StrongEmphasis s) {
                    visitChildren(s);
                }

                @Override
                public void visit(Link l) {
                    visitChildren(l);
                    text.append(" (").append(l.getDestination()).append(')');
                }

                @Override
                public void visit(BulletList l) {
                    // nested lists are their own paragraphs
                }

                @Override
                public void visit(OrderedList l) {
                    // likewise
                }
            });
            return text.toString().strip();
        }
    }
}
