package org.proxyscope.notes;

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

/**
 * A note's Markdown as the blocks a page shows: headings, paragraphs, list items, quotes, code. commonmark-java
 * parses it; the PDF report and the workbench's preview each lay the blocks out in their own way.
 */
public final class NoteMarkdown {

    private static final Parser MARKDOWN = Parser.builder().build();

    /** Receives a note's blocks in reading order; inline text comes flat, links as "text (address)". */
    public interface Blocks {

        void heading(int level, String text);

        void paragraph(String text);

        /** One list item, {@code depth} from 1, {@code marker} "•" or its number with a dot. */
        void item(int depth, String marker, String text);

        void quote(String text);

        void code(String text);

        void rule();
    }

    private NoteMarkdown() {
    }

    public static void read(String markdown, Blocks out) {
        MARKDOWN.parse(markdown).accept(new Walker(out));
    }

    private static final class Walker extends AbstractVisitor {

        private final Blocks out;
        private int listDepth;

        Walker(Blocks out) {
            this.out = out;
        }

        @Override
        public void visit(Heading heading) {
            out.heading(heading.getLevel(), inline(heading));
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
            int n = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() - 1 : 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    out.item(listDepth, numbered ? (++n) + "." : "•", inline(item));
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
            out.quote(inline(quote));
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.code(code.getLiteral().stripTrailing());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.code(code.getLiteral().stripTrailing());
        }

        @Override
        public void visit(ThematicBreak rule) {
            out.rule();
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
                    // nested lists are their own items
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
