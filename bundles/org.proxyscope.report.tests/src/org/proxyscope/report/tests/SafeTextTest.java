package org.proxyscope.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.proxyscope.report.internal.SafeText;

/** Untrusted text made safe to typeset: what acts on the layout, and what the font cannot draw, is written as its code point. */
class SafeTextTest {

    @Test
    void controlAndReorderingCharactersAreWrittenOutAndTextWithoutThemIsLeftAlone() {
        String plain = "Offener SOCKS-Proxy bei \u05d9\u05e2\u05dc \u2014 \u043a\u043b\u0438\u0435\u043d\u0442";
        assertSame(plain, SafeText.of(plain, false), "nothing to change, nothing copied");
        assertEquals("squid/5.7<U+202E><U+0007>", SafeText.of("squid/5.7\u202e\u0007", false));
        assertEquals("two<U+000A>lines", SafeText.of("two\nlines", false));
        assertEquals("two\nlines    tabbed", SafeText.of("two\nlines\ttabbed", true));
        assertEquals("", SafeText.of(null, true));
    }

    @Test
    void aSurrogateWithoutItsOtherHalfIsWrittenOutAndAPairIsOneCharacter() {
        assertEquals("a<U+D83D>b", SafeText.of("a\ud83db", false));
        assertEquals("a<U+DE80>", SafeText.of("a\ude80", false));
        assertEquals("rocket \ud83d\ude80", SafeText.of("rocket \ud83d\ude80", false), "an emoji the caller can draw stays");
    }

    @Test
    void whatTheFontCannotDrawIsWrittenAsItsCodePoint() {
        String text = "Betreff: \u4e2d\u6587 \ud83d\ude80 \u0440\u0435\u043a\u043b\u0430\u043c\u0430";
        assertEquals("Betreff: <U+4E2D><U+6587> <U+1F680> \u0440\u0435\u043a\u043b\u0430\u043c\u0430",
                SafeText.of(text, false, c -> c < 0x3000), "a font with Latin and Cyrillic only");
        assertEquals(text, SafeText.of(text, false, c -> true));
    }
}
