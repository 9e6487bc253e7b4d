package org.proxyscope.report.internal;

import java.util.function.IntPredicate;

/**
 * Makes untrusted text (banners, names, notes) safe to typeset: control characters and the invisible
 * characters that reorder text (bidirectional overrides and isolates) are shown as {@code <U+202E>} instead
 * of acting on the layout; line breaks are kept where the caller allows them.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String of(String text, boolean keepLineBreaks) {
        return of(text, keepLineBreaks, c -> true);
    }

    /**
     * As {@link #of(String, boolean)}, and each character that {@code drawable} says the font has no glyph for is
     * written the same way, "<U+4E2D>" for 中: a PDF would leave it out without a trace, and a spam subject in
     * Chinese, an Arabic name or an emoji in a note would vanish from the report.
     */
    public static String of(String text, boolean keepLineBreaks, IntPredicate drawable) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i); // a surrogate without its other half comes back as itself
            int next = i + Character.charCount(c);
            boolean unsafe = (c < 0x20 && !(keepLineBreaks && c == '\n')) || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                    || c == 0xfeff || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
                    || (c > 0x7e && !Character.isWhitespace(c) && !drawable.test(c));
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(c == '\t' ? "    " : String.format("<U+%04X>", c));
                } else {
                    out.append(text, i, next);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }
}
