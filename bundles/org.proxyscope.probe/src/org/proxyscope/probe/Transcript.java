package org.proxyscope.probe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Every byte a probe sent and received, in order, with the time of each exchange: the evidence behind a
 * verdict. Rendered as text (control bytes escaped) or hex.
 */
public final class Transcript {

    public enum Direction {
        SENT, RECEIVED, NOTE
    }

    /** One block of bytes in one direction, or a note of what the probe did (connected, closed, timed out). */
    public record Segment(Direction direction, Duration at, byte[] bytes) {
    }

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final String RELAY_FOLLOWS = "the tunnel is open: what follows came through it";

    private final Instant start;
    private final List<Segment> segments = new ArrayList<>();

    public Transcript() {
        this(Instant.now());
    }

    private Transcript(Instant start) {
        this.start = start;
    }

    /** A transcript for another connection of the same probe, run alongside: its times count from the same start. */
    public synchronized Transcript fork() {
        return new Transcript(start);
    }

    /** Appends the segments of {@code other} (a {@link #fork()} of this one) after this one's. */
    public void append(Transcript other) {
        List<Segment> theirs = other.segments();
        synchronized (this) {
            segments.addAll(theirs);
        }
    }

    public synchronized void sent(byte[] bytes, int offset, int length) {
        add(Direction.SENT, bytes, offset, length);
    }

    public synchronized void received(byte[] bytes, int offset, int length) {
        add(Direction.RECEIVED, bytes, offset, length);
    }

    public synchronized void note(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        add(Direction.NOTE, bytes, 0, bytes.length);
    }

    private void add(Direction direction, byte[] bytes, int offset, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        segments.add(new Segment(direction, Duration.between(start, Instant.now()), copy));
    }

    public synchronized List<Segment> segments() {
        return List.copyOf(segments);
    }

    /**
     * Notes that what is received from now on comes through the target from the far end (the canary's reply
     * through a tunnel), not from the target itself.
     */
    public synchronized void relayFollows() {
        note(RELAY_FOLLOWS);
    }

    /**
     * Every byte the target itself sent, in order, as ISO-8859-1 text: what the service signatures read. What
     * came through a tunnel after {@link #relayFollows()} is left out: the canary's reply names the canary.
     */
    public synchronized String targetReplies() {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            if (s.direction() == Direction.NOTE && RELAY_FOLLOWS.equals(new String(s.bytes(), StandardCharsets.UTF_8))) {
                break;
            }
            if (s.direction() == Direction.RECEIVED) {
                out.append(new String(s.bytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out.toString();
    }

    /** "> " for what was sent, "< " for what was received, "# " for notes; non-printable bytes as \xNN. */
    public synchronized String text() {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            stamp(out, s);
            if (s.direction() == Direction.NOTE) {
                out.append("# ").append(new String(s.bytes(), StandardCharsets.UTF_8)).append(System.lineSeparator());
                continue;
            }
            out.append(s.direction() == Direction.SENT ? "> " : "< ");
            escape(out, s.bytes(), s.bytes().length);
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * The first {@code limit} bytes the probe sent or received, over all its exchanges, as escaped text:
     * what a report quotes of "what was sent" and "what came back". Empty when nothing went that way.
     */
    public synchronized String excerpt(Direction direction, int limit) {
        StringBuilder out = new StringBuilder();
        int left = limit;
        for (Segment s : segments) {
            if (s.direction() == direction && left > 0) {
                escape(out, s.bytes(), Math.min(left, s.bytes().length));
                left -= s.bytes().length;
            }
        }
        return left < 0 ? out.append(" ...").toString() : out.toString();
    }

    /** Printable ASCII as it is, CR and LF as \r and \n, every other byte (and the backslash) as \xNN. */
    private static void escape(StringBuilder out, byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append("\\x").append(HEX.toHexDigits((byte) c));
            }
        }
    }

    /** The same exchanges as hex, 16 bytes a line. */
    public synchronized String hex() {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            if (s.direction() == Direction.NOTE) {
                continue;
            }
            stamp(out, s);
            out.append(s.direction() == Direction.SENT ? "sent " : "received ").append(s.bytes().length).append(" bytes")
                    .append(System.lineSeparator());
            for (int i = 0; i < s.bytes().length; i += 16) {
                out.append("  ").append(HEX.formatHex(s.bytes(), i, Math.min(i + 16, s.bytes().length)))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /**
     * "[    12 ms] ": the segment's time, right-aligned in six places. Written out by hand, as is the rest of
     * the rendering: a run renders dozens of transcripts just before the command line exits, and
     * String.format's parsing of the pattern, cold, cost more than the rest of the writing.
     */
    private static void stamp(StringBuilder out, Segment s) {
        String millis = Long.toString(s.at().toMillis());
        out.append('[').append(" ".repeat(Math.max(0, 6 - millis.length()))).append(millis).append(" ms] ");
    }

}
