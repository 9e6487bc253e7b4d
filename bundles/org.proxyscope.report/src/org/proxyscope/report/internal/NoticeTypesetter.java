package org.proxyscope.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.openpdf.text.DocumentException;
import org.proxyscope.core.ProxyscopeVersion;

/**
 * Lays out the customer notice, a letter of a page or two: the filled template's first paragraph as its
 * subject line, then its paragraphs and list items, in the report's fonts and page frame.
 */
public final class NoticeTypesetter {

    private NoticeTypesetter() {
    }

    /** Writes the letter to {@code out}; returns its page count. */
    public static int typeset(String letter, String header, String author, String title, OutputStream out) throws IOException {
        try {
            PdfReport pdf = new PdfReport(out, new ReportFonts(), header, new PdfReport.Metadata(title, author, title,
                    "customer notice, open proxy", ProxyscopeVersion.current().toString()));
            try (pdf) {
                List<String> blocks = blocks(letter);
                for (int i = 0; i < blocks.size(); i++) {
                    String block = blocks.get(i);
                    if (i == 0) {
                        pdf.emphasis(block);
                    } else if (block.startsWith("- ")) {
                        for (String item : block.split("\n")) {
                            pdf.paragraph("•  " + (item.startsWith("- ") ? item.substring(2) : item).strip());
                        }
                    } else {
                        pdf.paragraph(block);
                    }
                }
            }
            return pdf.pages(); // counted as the document closes
        } catch (DocumentException e) {
            throw new IOException("the PDF library refused the letter: " + e.getMessage(), e);
        }
    }

    /** Paragraphs split at blank lines; line breaks within one are kept (an address, a signature). */
    static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            if (!block.isBlank()) {
                blocks.add(block.strip());
            }
        }
        return blocks;
    }
}
