package org.proxyscope.report.internal;

/**
 * Makes untrusted text (banners, names, notes) safe to typeset: control characters and the invisible
 * characters that reorder text (bidirectional overrides and isolates) are shown as {@code <U+202E>} instead
 * of acting on the layout; line breaks are kept where the caller allows them.
 */
public final class SafeText {

    private SafeText() {
    }

    public static String of(String text, boolean keepLineBreaks) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = (c < 0x20 && !(keepLineBreaks && c == '\n')) || c == 0x7f || (c >= 0x80 && c < 0xa0)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                    || c == 0xfeff || (Character.isSurrogate(c) && !validPair(text, i));
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (unsafe) {
                    out.append(c == '\t' ? "    " : String.format("<U+%04X>", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
