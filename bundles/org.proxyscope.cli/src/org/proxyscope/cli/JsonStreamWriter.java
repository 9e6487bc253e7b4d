package org.proxyscope.cli;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * The command line's JSON (see {@link JsonText}), written item by item as UTF-8 bytes: indented two spaces, nulls
 * written out, quotes, backslashes, control characters and the two JavaScript line separators escaped and nothing
 * else, byte for byte what Gson's streaming writer writes with those settings. Written by hand because the
 * commands run on C1 alone (see the launcher), where each name, quote and indent through Gson's writer is a call
 * through a {@link java.io.Writer} and then a char-to-byte conversion: for the 74,000 sessions of a capture dense
 * in proxy sessions, Gson's writer took 0.58 s, Jackson's generator 0.32 s and this one 0.2 s.
 */
public final class JsonStreamWriter implements Flushable {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final int BUFFER = 1 << 16;

    /** Where a writer's bytes go: the stream, or for a branch null. */
    private final OutputStream out;
    /** What a branch wrote, in order, held until it is appended; null for a writer to a stream. */
    private final List<Piece> pieces;
    /** The buffers of branches appended, for later branches: shared by a writer and all its branches. */
    private Queue<byte[]> spareBuffers;
    private final boolean ascii;
    private byte[] buffer;
    private int used;
    private char[] chars = new char[256];
    private int depth;
    /** Nothing is written yet in the innermost object or array. */
    private boolean empty = true;
    /** A name is written and its value comes next. */
    private boolean named;

    public JsonStreamWriter(OutputStream out) {
        this(out, false);
    }

    /** With {@code ascii}, every character past ASCII is written as its {@code \\uXXXX} escape: for a terminal that is not UTF-8. */
    public JsonStreamWriter(OutputStream out, boolean ascii) {
        this.out = java.util.Objects.requireNonNull(out);
        this.pieces = null;
        this.ascii = ascii;
        this.buffer = new byte[BUFFER];
    }

    private JsonStreamWriter(Queue<byte[]> spareBuffers, boolean ascii, int depth) {
        this.out = null;
        this.pieces = new ArrayList<>();
        this.spareBuffers = spareBuffers;
        this.ascii = ascii;
        this.buffer = spareBuffer();
        this.depth = depth;
        this.empty = false;
    }

    public JsonStreamWriter beginObject() throws IOException {
        return open('{');
    }

    public JsonStreamWriter endObject() throws IOException {
        return close('}');
    }

    public JsonStreamWriter beginArray() throws IOException {
        return open('[');
    }

    public JsonStreamWriter endArray() throws IOException {
        return close(']');
    }

    public JsonStreamWriter name(String name) throws IOException {
        separate();
        string(name);
        room(2);
        buffer[used++] = ':';
        buffer[used++] = ' ';
        named = true;
        return this;
    }

    /** A string, or null for {@code null}. */
    public JsonStreamWriter value(String value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        separate();
        string(value);
        return this;
    }

    /** Written digit by digit: a String per number was a tenth of what a large import's JSON allocated. */
    public JsonStreamWriter value(long value) throws IOException {
        if (value == Long.MIN_VALUE) {
            return literal(Long.toString(value)); // the one long whose negation is no long
        }
        separate();
        digits(value);
        return this;
    }

    /**
     * A string value written in parts, {@link #part(String)} and {@link #part(long)} until {@link #endString()}, with
     * nothing else in between: text made of several pieces (an address and its port) without making it first.
     */
    public JsonStreamWriter beginString() throws IOException {
        separate();
        room(1);
        buffer[used++] = '"';
        return this;
    }

    /** Text of a string begun by {@link #beginString()}. */
    public JsonStreamWriter part(String text) throws IOException {
        characters(text);
        return this;
    }

    /** A number's digits in a string begun by {@link #beginString()}. */
    public JsonStreamWriter part(long number) throws IOException {
        if (number == Long.MIN_VALUE) {
            return part(Long.toString(number));
        }
        digits(number);
        return this;
    }

    /** Ends a string begun by {@link #beginString()}. */
    public JsonStreamWriter endString() throws IOException {
        room(1);
        buffer[used++] = '"';
        return this;
    }

    /** A number's decimal digits, with its sign; any long but {@link Long#MIN_VALUE}. */
    private void digits(long value) throws IOException {
        room(20);
        long rest = value;
        if (rest < 0) {
            buffer[used++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long tens = rest / 10; tens > 0; tens /= 10) {
            digits++;
        }
        for (int i = used + digits - 1; i >= used; i--) {
            buffer[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        used += digits;
    }

    public JsonStreamWriter value(boolean value) throws IOException {
        return literal(value ? "true" : "false");
    }

    /** A number as its {@code toString()} gives it, or null for {@code null}. */
    public JsonStreamWriter value(Number value) throws IOException {
        if (value == null) {
            return nullValue();
        }
        String text = value.toString();
        if (text.equals("NaN") || text.endsWith("Infinity")) {
            throw new IllegalArgumentException("JSON has no number " + text);
        }
        return literal(text);
    }

    public JsonStreamWriter nullValue() throws IOException {
        return literal("null");
    }

    /**
     * A writer into memory that goes on from where this one is, inside the same array or object, for items written
     * on another thread while this one writes those before them; {@link #append} then puts them here. The branch's
     * first item follows at least one item written here after the branch was made: a large array is written in
     * parts at once, every other part in a branch. It may close what is open here and go on after it. A branch of a
     * branch goes on from where that one is; branches may be made on any thread.
     */
    public JsonStreamWriter branch() {
        synchronized (this) {
            if (spareBuffers == null) {
                spareBuffers = new java.util.concurrent.ConcurrentLinkedQueue<>();
            }
        }
        return new JsonStreamWriter(spareBuffers, ascii, depth);
    }

    /**
     * Writes here what {@code branch} (made by {@link #branch()}) wrote, and goes on from where it ended. The branch is
     * spent: its buffers serve later branches, so that a large array written in many parts reuses a few of them
     * rather than holding each part's bytes anew (each new page of memory is a page fault).
     */
    public JsonStreamWriter append(JsonStreamWriter branch) throws IOException {
        if (branch.pieces == null || out == null) {
            throw new IllegalArgumentException("not a branch of a writer to a stream");
        }
        if (branch.buffer == null) {
            throw new IllegalStateException("the branch is appended already");
        }
        if (empty || named) {
            throw new IllegalStateException("a branch's items follow an item written here");
        }
        out.write(buffer, 0, used);
        used = 0;
        for (Piece piece : branch.pieces) {
            out.write(piece.bytes(), 0, piece.length());
            branch.giveBack(piece.bytes());
        }
        out.write(branch.buffer, 0, branch.used);
        branch.giveBack(branch.buffer);
        branch.buffer = null;
        depth = branch.depth;
        empty = branch.empty;
        named = branch.named;
        return this;
    }

    /** A buffer a branch filled, and how far. */
    private record Piece(byte[] bytes, int length) {
    }

    private byte[] spareBuffer() {
        byte[] spare = spareBuffers.poll();
        return spare != null ? spare : new byte[BUFFER];
    }

    private void giveBack(byte[] bytes) {
        if (bytes.length == BUFFER) { // not one grown for a long string
            spareBuffers.add(bytes);
        }
    }

    /** Passes the buffer on: to the stream, or for a branch into its pieces, taking another buffer. */
    private void pass() throws IOException {
        if (pieces == null) {
            out.write(buffer, 0, used);
        } else {
            pieces.add(new Piece(buffer, used));
            buffer = spareBuffer();
        }
        used = 0;
    }

    /** Passes what is written on to the stream and flushes it; the stream stays open. */
    @Override
    public void flush() throws IOException {
        if (out == null) {
            throw new IllegalStateException("a branch is appended, not flushed");
        }
        pass();
        out.flush();
    }

    private JsonStreamWriter open(char bracket) throws IOException {
        separate();
        room(1);
        buffer[used++] = (byte) bracket;
        depth++;
        empty = true;
        return this;
    }

    private JsonStreamWriter close(char bracket) throws IOException {
        depth--;
        if (!empty) {
            newline();
        }
        room(1);
        buffer[used++] = (byte) bracket;
        empty = false;
        return this;
    }

    /** What comes before a value or a name: the comma and new line between items, nothing after a name. */
    private void separate() throws IOException {
        if (named) {
            named = false;
            return;
        }
        if (depth > 0) {
            if (!empty) {
                room(1);
                buffer[used++] = ',';
            }
            newline();
        }
        empty = false;
    }

    private void newline() throws IOException {
        room(1 + 2 * depth);
        buffer[used++] = '\n';
        for (int i = 2 * depth; i > 0; i--) {
            buffer[used++] = ' ';
        }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): ASCII, as it is here, without a copy
    private JsonStreamWriter literal(String text) throws IOException {
        separate();
        room(text.length());
        text.getBytes(0, text.length(), buffer, used); // ASCII only: digits, letters, a sign and a point
        used += text.length();
        return this;
    }

    /** A quoted string. */
    private void string(String s) throws IOException {
        room(1);
        buffer[used++] = '"';
        characters(s);
        room(1);
        buffer[used++] = '"';
    }

    /** A string's characters as JSON writes them between quotes: printable ASCII copied as it is, the rest from the first character that is not. */
    private void characters(String s) throws IOException {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        s.getChars(0, n, chars, 0);
        room(n);
        byte[] b = buffer;
        int u = used;
        int i = 0;
        for (; i < n; i++) {
            char c = chars[i];
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                break;
            }
            b[u++] = (byte) c;
        }
        used = u;
        for (; i < n; i++) {
            i = escaped(chars, i, n);
        }
    }

    /** Writes {@code chars[i]} as JSON needs it; returns the index of the last character used (a surrogate pair uses two). */
    private int escaped(char[] chars, int i, int n) throws IOException {
        char c = chars[i];
        room(12);
        byte[] b = buffer;
        if (c == '"' || c == '\\') {
            b[used++] = '\\';
            b[used++] = (byte) c;
        } else if (c < 0x20) {
            int shorthand = switch (c) {
                case '\t' -> 't';
                case '\b' -> 'b';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\f' -> 'f';
                default -> 0;
            };
            if (shorthand == 0) {
                unicodeEscape(c);
            } else {
                b[used++] = '\\';
                b[used++] = (byte) shorthand;
            }
        } else if (c < 0x80) {
            b[used++] = (byte) c;
        } else if (ascii || c == '\u2028' || c == '\u2029') {
            unicodeEscape(c);
        } else if (c < 0x800) {
            b[used++] = (byte) (0xc0 | c >> 6);
            b[used++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
                int p = Character.toCodePoint(c, chars[++i]);
                b[used++] = (byte) (0xf0 | p >> 18);
                b[used++] = (byte) (0x80 | p >> 12 & 0x3f);
                b[used++] = (byte) (0x80 | p >> 6 & 0x3f);
                b[used++] = (byte) (0x80 | p & 0x3f);
            } else {
                b[used++] = '?'; // a lone surrogate, as Java's UTF-8 encoder writes it
            }
        } else {
            b[used++] = (byte) (0xe0 | c >> 12);
            b[used++] = (byte) (0x80 | c >> 6 & 0x3f);
            b[used++] = (byte) (0x80 | c & 0x3f);
        }
        return i;
    }

    private void unicodeEscape(char c) {
        byte[] b = buffer;
        b[used++] = '\\';
        b[used++] = 'u';
        b[used++] = HEX[c >> 12];
        b[used++] = HEX[c >> 8 & 0xf];
        b[used++] = HEX[c >> 4 & 0xf];
        b[used++] = HEX[c & 0xf];
    }

    /** Makes room for {@code n} more bytes: passes the buffer on, and grows it for a string longer than it. */
    private void room(int n) throws IOException {
        if (used + n > buffer.length) {
            pass();
            if (n > buffer.length) {
                buffer = new byte[n];
            }
        }
    }
}
