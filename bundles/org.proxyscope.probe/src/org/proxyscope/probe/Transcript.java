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

    private final Instant start = Instant.now();
    private final List<Segment> segments = new ArrayList<>();

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

    /** "> " for what was sent, "< " for what was received, "# " for notes; non-printable bytes as \xNN. */
    public synchronized String text() {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            if (s.direction() == Direction.NOTE) {
                out.append(String.format("[%6d ms] # %s%n", s.at().toMillis(), new String(s.bytes(), StandardCharsets.UTF_8)));
                continue;
            }
            out.append(String.format("[%6d ms] %s ", s.at().toMillis(), s.direction() == Direction.SENT ? ">" : "<"));
            for (byte b : s.bytes()) {
                int c = b & 0xff;
                if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c >= 0x20 && c < 0x7f && c != '\\') {
                    out.append((char) c);
                } else {
                    out.append(String.format("\\x%02x", c));
                }
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The same exchanges as hex, 16 bytes a line. */
    public synchronized String hex() {
        StringBuilder out = new StringBuilder();
        HexFormat hex = HexFormat.ofDelimiter(" ");
        for (Segment s : segments) {
            if (s.direction() == Direction.NOTE) {
                continue;
            }
            out.append(String.format("[%6d ms] %s %d bytes%n", s.at().toMillis(),
                    s.direction() == Direction.SENT ? "sent" : "received", s.bytes().length));
            for (int i = 0; i < s.bytes().length; i += 16) {
                out.append("  ").append(hex.formatHex(s.bytes(), i, Math.min(i + 16, s.bytes().length)))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

}
