package org.proxyscope.report.internal;

import java.io.IOException;
import java.io.InputStream;

import org.librepdf.openpdf.fonts.Liberation;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * The report's fonts: Liberation Sans and Mono (Latin, Greek, Cyrillic, Hebrew), embedded as subsets with
 * Unicode maps, so every glyph prints the same everywhere and text stays searchable and copyable. The
 * standard PDF fonts are never used: they are not embedded and know only Latin-1. A character they have no
 * glyph for is written as its code point ({@link #shown}).
 */
final class ReportFonts {

    final BaseFont sans;
    final BaseFont sansBold;
    final BaseFont mono;

    ReportFonts() throws IOException {
        sans = load("LiberationSans-Regular.ttf");
        sansBold = load("LiberationSans-Bold.ttf");
        mono = load("LiberationMono-Regular.ttf");
    }

    /** Read from the fonts bundle ourselves: OpenPDF's own lookup by name cannot see into another bundle. */
    private static BaseFont load(String file) throws IOException {
        try (InputStream in = Liberation.class.getResourceAsStream("/liberation/" + file)) {
            if (in == null) {
                throw new IOException("the font " + file + " is missing from the OpenPDF fonts bundle");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        }
    }

    /**
     * {@code text} with each character that {@code font} has no glyph for written as its code point, "<U+4E2D>"
     * for 中: the PDF would leave it out without a trace, and a spam subject in Chinese, an Arabic name or an
     * emoji in a note would vanish from the report.
     */
    static String shown(String text, BaseFont font) {
        StringBuilder out = null;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean missing = c > 0x7e && !Character.isWhitespace(c) && !font.charExists(c);
            if (missing && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (missing) {
                    out.append(String.format("<U+%04X>", c));
                } else {
                    out.append(text, i, next);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    Font body(float size) {
        return new Font(sans, size);
    }

    Font bold(float size) {
        return new Font(sansBold, size);
    }

    Font fixed(float size) {
        return new Font(mono, size);
    }
}
