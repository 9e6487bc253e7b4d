package org.proxyscope.notes.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.proxyscope.notes.NoteLinks;
import org.proxyscope.notes.NoteMarkdown;

/**
 * The note as the report will print it, in a read-only StyledText: headings in bold, list items indented with
 * their markers, quotes in italics, code in the text font, and each link as what it leads to, in blue, or in
 * red where it leads nowhere.
 */
final class MarkdownPreview implements NoteMarkdown.Blocks {

    private final StyledText view;
    private final List<NoteLinks.Link> links;
    private final StringBuilder text = new StringBuilder();
    private final List<StyleRange> styles = new ArrayList<>();

    private MarkdownPreview(StyledText view, List<NoteLinks.Link> links) {
        this.view = view;
        this.links = links;
    }

    /** Shows {@code markdown} in {@code view}, its links described as {@code links} resolve them. */
    static void show(StyledText view, String markdown, List<NoteLinks.Link> links) {
        MarkdownPreview preview = new MarkdownPreview(view, links);
        NoteMarkdown.read(markdown, preview);
        view.setText(preview.text.toString());
        view.setStyleRanges(preview.styles.toArray(StyleRange[]::new));
    }

    @Override
    public void heading(int level, String line) {
        StyleRange bold = new StyleRange();
        bold.fontStyle = SWT.BOLD;
        bold.underline = level == 1;
        block(line, bold);
    }

    @Override
    public void paragraph(String line) {
        block(line, null);
    }

    @Override
    public void item(int depth, String marker, String line) {
        block("    ".repeat(depth - 1) + marker + " " + line, null);
    }

    @Override
    public void quote(String line) {
        StyleRange italic = new StyleRange();
        italic.fontStyle = SWT.ITALIC;
        block("  " + line, italic);
    }

    @Override
    public void code(String line) {
        StyleRange mono = new StyleRange();
        mono.font = JFaceResources.getTextFont();
        block(line, mono);
    }

    @Override
    public void rule() {
        block("────────", null);
    }

    /** Appends one block, its links spelled out and coloured, all of it in {@code style} when given. */
    private void block(String line, StyleRange style) {
        Matcher m = NoteLinks.LINK.matcher(line);
        int done = 0;
        while (m.find()) {
            append(line.substring(done, m.start()), style, null);
            NoteLinks.Link link = links.stream().filter(l -> l.text().equals(m.group())).findFirst().orElse(null);
            append(link == null ? m.group() : "[" + link.target() + "]", style,
                    view.getDisplay().getSystemColor(link != null && link.found() ? SWT.COLOR_BLUE : SWT.COLOR_RED));
            done = m.end();
        }
        append(line.substring(done), style, null);
        text.append("\n\n");
    }

    /** StyledText wants its ranges in order and apart: each piece gets a range of its own. */
    private void append(String piece, StyleRange style, Color link) {
        if (piece.isEmpty()) {
            return;
        }
        if (style != null || link != null) {
            StyleRange range = style == null ? new StyleRange() : (StyleRange) style.clone();
            range.start = text.length();
            range.length = piece.length();
            if (link != null) {
                range.foreground = link;
                range.underline = true;
            }
            styles.add(range);
        }
        text.append(piece);
    }
}
