package org.proxyscope.capture;

import java.nio.charset.StandardCharsets;

/**
 * The texts the content analysis reads from a capture's bytes (a mail server's banner, a request's method and
 * target, a SOCKS destination), each made once per import: a capture dense in proxy sessions repeats a few of them
 * across tens of thousands of flows, and a String for each (two for a banner, stripped) was a fifth of what its
 * reading allocated. Java's own {@link String#intern()} would make the String first. A table of fixed size: once
 * it is three-quarters full, a text not in it is made anew each time. Not for more than one thread.
 */
final class RepeatedTexts {

    private static final int SLOTS = 1 << 13;
    /** Longer texts are seldom the same twice. */
    private static final int LONGEST = 256;

    private final String[] table = new String[SLOTS];
    private int held;
    /**
     * For a text put together before it is looked up: an address and its port, a host name and its port. A SOCKS4a
     * name ends only where its request puts a zero byte, so the space grows for a longer one.
     */
    private byte[] scratch = new byte[512];
    private int scratchLength;

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code b} as ISO-8859-1 text, as {@link Bytes#ascii} makes it. */
    String ascii(Bytes b, int from, int to) {
        return text(b.array(), b.offset() + from, b.offset() + Math.max(from, to));
    }

    /** The same, without the white space around it, as {@link String#strip()} leaves it of ISO-8859-1 text. */
    String stripped(Bytes b, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && whiteSpace(b.at(start))) {
            start++;
        }
        while (end > start && whiteSpace(b.at(end - 1))) {
            end--;
        }
        return ascii(b, start, end);
    }

    /** White space as {@link String#strip()} sees it, for ISO-8859-1 text. */
    static boolean whiteSpace(byte b) {
        return b == ' ' || b >= '\t' && b <= '\r' || b >= 0x1c && b <= 0x1f;
    }

    /** Begins a text put together from pieces ({@link #add}), made or found by {@link #joined()}. */
    RepeatedTexts join() {
        scratchLength = 0;
        return this;
    }

    /** Bytes {@code from} to {@code to} of {@code b}, added to the text being joined. */
    RepeatedTexts add(Bytes b, int from, int to) {
        room(to - from);
        System.arraycopy(b.array(), b.offset() + from, scratch, scratchLength, to - from);
        scratchLength += to - from;
        return this;
    }

    /** A number's decimal digits (a port, a byte: not negative), added to the text being joined. */
    RepeatedTexts add(int number) {
        int digits = 1;
        for (int tens = number / 10; tens > 0; tens /= 10) {
            digits++;
        }
        room(digits);
        scratchLength += digits;
        for (int i = scratchLength - 1, rest = number; digits > 0; i--, digits--, rest /= 10) {
            scratch[i] = (byte) ('0' + rest % 10);
        }
        return this;
    }

    /** A character (ISO-8859-1) added to the text being joined. */
    RepeatedTexts add(char c) {
        return add((byte) c);
    }

    private RepeatedTexts add(byte b) {
        room(1);
        scratch[scratchLength++] = b;
        return this;
    }

    private void room(int more) {
        if (scratchLength + more > scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(2 * scratch.length, scratchLength + more));
        }
    }

    /** The text joined since {@link #join()}. */
    String joined() {
        return text(scratch, 0, scratchLength);
    }

    private String text(byte[] array, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (length > LONGEST) {
            return new String(array, from, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0; // as String.hashCode() computes it for ISO-8859-1 text
        for (int i = from; i < to; i++) {
            hash = 31 * hash + (array[i] & 0xff);
        }
        for (int slot = (hash ^ hash >>> 16) & SLOTS - 1;; slot = slot + 1 & SLOTS - 1) {
            String found = table[slot];
            if (found == null) {
                String made = new String(array, from, length, StandardCharsets.ISO_8859_1);
                if (held < SLOTS / 4 * 3) {
                    table[slot] = made;
                    held++;
                }
                return made;
            }
            if (found.hashCode() == hash && same(found, array, from, length)) {
                return found;
            }
        }
    }

    private static boolean same(String text, byte[] array, int from, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != (array[from + i] & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
