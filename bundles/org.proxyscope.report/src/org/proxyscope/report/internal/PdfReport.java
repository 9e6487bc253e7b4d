package org.proxyscope.report.internal;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfOutline;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.proxyscope.report.BarChart;
import org.proxyscope.report.ReportWriter;

/**
 * The report as a PDF, typeset by OpenPDF: A4 pages with a running header naming the case, "page N of M"
 * footers, an outline (bookmarks) of sections and sub-headings, tables that repeat their header row on every
 * page, embedded fonts and bidirectional text. Every string goes through {@link SafeText}.
 */
final class PdfReport implements ReportWriter, AutoCloseable {

    static final Color INK = new Color(0x20, 0x24, 0x2a);
    static final Color RULE = new Color(0xc8, 0xcd, 0xd3);
    static final Color SHADE = new Color(0xee, 0xf1, 0xf4);
    static final Color ACCENT = new Color(0x8a, 0x1c, 0x1c);

    private final Document document = new Document(PageSize.A4, 56, 56, 64, 60);
    private final PdfWriter writer;
    private final ReportFonts fonts;
    private final Decorations decorations;
    private int anchors;
    private PdfOutline section;

    /** Starts a report on {@code out}; {@code header} is the running header's text (the case id and title). */
    PdfReport(OutputStream out, ReportFonts fonts, String header, Metadata metadata) throws DocumentException {
        this.fonts = fonts;
        writer = PdfWriter.getInstance(document, out);
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        decorations = new Decorations(fonts.sans, SafeText.of(header, false, fonts.sans::charExists));
        writer.setPageEvent(decorations);
        writer.setFullCompression();
        document.addTitle(SafeText.of(metadata.title(), false));
        document.addAuthor(SafeText.of(metadata.author(), false));
        document.addSubject(SafeText.of(metadata.subject(), false));
        document.addKeywords(SafeText.of(metadata.keywords(), false));
        document.addCreator(metadata.creator());
        document.addCreationDate();
        document.open();
    }

    /** What the document's information dictionary says. */
    record Metadata(String title, String author, String subject, String keywords, String creator) {
    }

    /**
     * The page count, as the footers give it: known once the document is closed. While it is written, the writer's
     * page number counts a page begun by content that ended at the foot of the one before, which stays empty and is
     * dropped (a report said "4 pages" of a 3-page file).
     */
    int pages() {
        if (decorations.pages < 0) {
            throw new IllegalStateException("the page count is known once the document is closed");
        }
        return decorations.pages;
    }

    // ---- the cover ----

    void coverTitle(String kicker, String title, String verdict, boolean relays) {
        Font kickerFont = fonts.body(11);
        add(spaced(new Paragraph(SafeText.of(kicker, false, kickerFont.getBaseFont()::charExists), kickerFont), 80, 6));
        PdfPTable t = block(SafeText.of(title, false), fonts.bold(22), 0);
        add(t);
        Font verdictFont = fonts.bold(14);
        verdictFont.setColor(relays ? ACCENT : INK);
        add(spaced(new Paragraph(" ", fonts.body(6)), 6, 0));
        add(block(SafeText.of(verdict, false), verdictFont, 0));
        add(spaced(new Paragraph(" ", fonts.body(6)), 12, 0));
    }

    void newPage() {
        document.newPage();
    }

    // ---- sections ----

    /** A top-level section: a new heading with its own bookmark. */
    void section(String title) {
        PdfPTable t = block(null, null, 0);
        Phrase p = anchored(title, fonts.bold(16));
        PdfPCell cell = t.getRow(0).getCells()[0];
        cell.setPhrase(p);
        cell.setPaddingTop(18);
        cell.setPaddingBottom(8);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        t.setKeepTogether(true);
        add(t);
        section = new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(lastAnchor(), false), SafeText.of(title, false));
    }

    @Override
    public void heading(String text) {
        PdfPTable t = block(null, null, 0);
        PdfPCell cell = t.getRow(0).getCells()[0];
        cell.setPhrase(anchored(text, fonts.bold(12)));
        cell.setPaddingTop(10);
        cell.setPaddingBottom(4);
        add(t);
        PdfOutline parent = section == null ? writer.getRootOutline() : section;
        new PdfOutline(parent, PdfAction.gotoLocalPage(lastAnchor(), false), SafeText.of(text, false));
    }

    private Phrase anchored(String text, Font font) {
        Chunk chunk = new Chunk(SafeText.of(text, false, font.getBaseFont()::charExists), font);
        chunk.setLocalDestination("section-" + (++anchors));
        return new Phrase(chunk);
    }

    private String lastAnchor() {
        return "section-" + anchors;
    }

    @Override
    public void paragraph(String text) {
        add(block(SafeText.of(text, true), fonts.body(10), 3));
    }

    @Override
    public void emphasis(String text) {
        add(block(SafeText.of(text, true), fonts.bold(10), 3));
    }

    @Override
    public void facts(List<String[]> pairs) {
        PdfPTable t = new PdfPTable(new float[] {28, 72});
        t.setWidthPercentage(100);
        t.setSpacingBefore(2);
        t.setSpacingAfter(6);
        for (String[] pair : pairs) {
            t.addCell(cell(pair[0], fonts.bold(9.5f), null));
            t.addCell(cell(pair[1], fonts.body(9.5f), null));
        }
        add(t);
    }

    @Override
    public void table(List<String> headers, float[] widths, List<String[]> rows) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        t.setSplitLate(false);
        Font head = fonts.bold(8.5f);
        for (String h : headers) {
            PdfPCell c = cell(h, head, SHADE);
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(RULE);
            t.addCell(c);
        }
        Font body = fonts.body(8.5f);
        for (String[] row : rows) {
            for (int i = 0; i < headers.size(); i++) {
                PdfPCell c = cell(i < row.length ? row[i] : "", body, null);
                c.setBorder(Rectangle.BOTTOM);
                c.setBorderColor(SHADE);
                t.addCell(c);
            }
        }
        add(t);
    }

    @Override
    public void preformatted(String text) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(2);
        t.setSpacingAfter(6);
        t.setSplitLate(false);
        // one cell per line, so that a long transcript breaks across pages anywhere between lines
        Font mono = fonts.fixed(7.5f);
        for (String line : SafeText.of(text, true, mono.getBaseFont()::charExists).split("\n", -1)) {
            PdfPCell c = new PdfPCell(new Phrase(line.isEmpty() ? " " : line, mono));
            c.setBorder(Rectangle.NO_BORDER);
            c.setBackgroundColor(SHADE);
            c.setPadding(0);
            c.setPaddingLeft(4);
            c.setPaddingRight(4);
            c.setRunDirection(PdfWriter.RUN_DIRECTION_NO_BIDI);
            t.addCell(c);
        }
        add(t);
    }

    @Override
    public void chart(BarChart chart) {
        float width = document.right() - document.left();
        float height = 170;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        new ChartDrawing(template, fonts.sans, width, height).draw(chart);
        try {
            Image image = Image.getInstance(template);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setSpacingBefore(4);
            image.setSpacingAfter(8);
            add(image);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot place the chart \"" + chart.title() + "\": " + e.getMessage(), e);
        }
    }

    // ---- building blocks ----

    /** A one-cell, borderless table: the way to get bidirectional text and long-word breaking for a paragraph. */
    private PdfPTable block(String text, Font font, float after) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSpacingAfter(after);
        PdfPCell c = text == null ? new PdfPCell() : cell(text, font, null);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingLeft(0);
        c.setPaddingRight(0);
        t.addCell(c);
        return t;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(SafeText.of(text, true, font.getBaseFont()::charExists), font));
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(3);
        c.setLeading(0, 1.25f);
        // Unicode bidirectional algorithm, left-to-right base: Hebrew names read correctly
        c.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    private static Paragraph spaced(Paragraph p, float before, float after) {
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private void add(Element e) {
        try {
            document.add(e);
        } catch (DocumentException x) {
            throw new IllegalStateException("Cannot typeset the report: " + x.getMessage(), x);
        }
    }

    @Override
    public void close() {
        document.close();
    }

    /** The running header and the "page N of M" footer, M filled in when the document closes. */
    private static final class Decorations extends PdfPageEventHelper {

        private final BaseFont font;
        private final String header;
        private PdfTemplate total;
        private int pages = -1;

        Decorations(BaseFont font, String header) {
            this.font = font;
            this.header = header;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            cb.saveState();
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), document.top() + 14);
            cb.lineTo(document.right(), document.top() + 14);
            cb.stroke();
            cb.restoreState();
            Font small = new Font(font, 8);
            small.setColor(Color.GRAY);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(header, small), document.left(), document.top() + 20, 0,
                    PdfWriter.RUN_DIRECTION_LTR, 0);
            String page = "Page " + writer.getPageNumber() + " of";
            float x = document.right() - 40;
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(page, small), x, document.bottom() - 28, 0);
            cb.addTemplate(total, x, document.bottom() - 28);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, 8);
            total.setColorFill(Color.GRAY);
            pages = writer.getPageNumber() - 1; // the writer has moved past the last page
            total.showText(" " + pages);
            total.endText();
        }
    }
}
