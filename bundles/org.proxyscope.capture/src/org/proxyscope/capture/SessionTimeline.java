package org.proxyscope.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Proxy sessions over time, counted in buckets of a round width (a millisecond up to a day) so that a
 * capture of any length fits in at most {@link #MAX_BUCKETS} bars, and at least {@link #MIN_BUCKETS} (empty
 * ones after the last session) so that a short burst reads as a burst: what the timeline chart draws, and
 * where an analyst reads since when a proxy relays and how busy it was.
 */
public final class SessionTimeline {

    public static final int MAX_BUCKETS = 60;
    public static final int MIN_BUCKETS = 12;

    private static final long[] WIDTHS_MILLIS = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
            60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000,
            86_400_000 };

    /** One bar: the sessions that began in {@code [startNanos, startNanos + width)}. */
    public record Bucket(long startNanos, Map<ProxySession.Outcome, Integer> counts, List<ProxySession> sessions) {

        public int total() {
            return sessions.size();
        }

        public int count(ProxySession.Outcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }
    }

    private final Duration width;
    private final List<Bucket> buckets;

    private SessionTimeline(Duration width, List<Bucket> buckets) {
        this.width = width;
        this.buckets = buckets;
    }

    /**
     * The timeline of a capture's sessions; empty when the capture has none or no time stamps (a netstat
     * listing).
     */
    public static SessionTimeline of(CaptureReport report) {
        List<ProxySession> timed = report.sessions().stream().filter(s -> s.flow().firstNanos() > 0).toList();
        if (timed.isEmpty()) {
            return new SessionTimeline(Duration.ofSeconds(1), List.of());
        }
        long first = timed.stream().mapToLong(s -> s.flow().firstNanos()).min().orElseThrow();
        long last = timed.stream().mapToLong(s -> s.flow().firstNanos()).max().orElseThrow();
        long widthNanos = WIDTHS_MILLIS[WIDTHS_MILLIS.length - 1] * 1_000_000L;
        for (long w : WIDTHS_MILLIS) {
            long candidate = w * 1_000_000L;
            if ((last - Math.floorDiv(first, candidate) * candidate) / candidate + 1 <= MAX_BUCKETS) {
                widthNanos = candidate;
                break;
            }
        }
        long origin = Math.floorDiv(first, widthNanos) * widthNanos; // buckets start on round times
        int count = Math.max(MIN_BUCKETS, (int) ((last - origin) / widthNanos) + 1);
        List<List<ProxySession>> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new ArrayList<>());
        }
        for (ProxySession s : timed) {
            members.get((int) ((s.flow().firstNanos() - origin) / widthNanos)).add(s);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<ProxySession.Outcome, Integer> counts = new EnumMap<>(ProxySession.Outcome.class);
            for (ProxySession s : members.get(i)) {
                counts.merge(s.outcome(), 1, Integer::sum);
            }
            buckets.add(new Bucket(origin + i * widthNanos, counts, List.copyOf(members.get(i))));
        }
        return new SessionTimeline(Duration.ofNanos(widthNanos), List.copyOf(buckets));
    }

    public Duration width() {
        return width;
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** The most sessions in one bucket: the chart's scale. */
    public int peak() {
        return buckets.stream().mapToInt(Bucket::total).max().orElse(0);
    }
}
