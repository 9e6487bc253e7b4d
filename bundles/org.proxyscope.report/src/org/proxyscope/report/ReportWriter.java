package org.proxyscope.report;

import java.util.List;

/**
 * How a section writes: headings (which become bookmarks), paragraphs, fact lists, tables that break across
 * pages with their header repeated, preformatted text and charts. Every string may hold any Unicode text,
 * right-to-left included, and control characters: the writer makes them visible instead of obeying them.
 */
public interface ReportWriter {

    /** A sub-heading within the section, with an entry in the outline below the section's. */
    void heading(String text);

    void paragraph(String text);

    /** A paragraph in bold, for what the reader must not miss. */
    void emphasis(String text);

    /** Label and value pairs, e.g. {"Target", "192.0.2.7"}. */
    void facts(List<String[]> pairs);

    /**
     * A table with a header row that repeats on every page the table spans.
     *
     * @param widths relative column widths, one per header
     */
    void table(List<String> headers, float[] widths, List<String[]> rows);

    /** Text in a fixed-width font, lines kept as they are (transcripts, hex dumps). */
    void preformatted(String text);

    void chart(BarChart chart);
}
