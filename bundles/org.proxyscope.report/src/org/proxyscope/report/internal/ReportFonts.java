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
 * glyph for is written as its code point ({@link SafeText#of(String, boolean, java.util.function.IntPredicate)}).
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
