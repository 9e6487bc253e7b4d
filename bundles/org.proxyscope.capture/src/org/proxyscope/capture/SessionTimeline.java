package org.proxyscope.capture;

import java.time.Duration;
import java.time.Instant;
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
        Plan plan = plan(timed.stream().mapToLong(s -> s.flow().firstNanos()).min().orElseThrow(),
                timed.stream().mapToLong(s -> s.flow().firstNanos()).max().orElseThrow());
        List<List<ProxySession>> members = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            members.add(new ArrayList<>());
        }
        for (ProxySession s : timed) {
            members.get(plan.index(s.flow().firstNanos())).add(s);
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < plan.count(); i++) {
            Map<ProxySession.Outcome, Integer> counts = new EnumMap<>(ProxySession.Outcome.class);
            for (ProxySession s : members.get(i)) {
                counts.merge(s.outcome(), 1, Integer::sum);
            }
            buckets.add(new Bucket(plan.start(i), counts, List.copyOf(members.get(i))));
        }
        return new SessionTimeline(Duration.ofNanos(plan.widthNanos()), List.copyOf(buckets));
    }

    /**
     * How sessions that began between {@code firstNanos} and {@code lastNanos} (epoch nanoseconds) fall into
     * buckets: the narrowest round width that fits them in {@link #MAX_BUCKETS}, buckets starting on round
     * times, at least {@link #MIN_BUCKETS} of them. The Sessions Timeline and the report's chart both count
     * this way.
     */
    public static Plan plan(long firstNanos, long lastNanos) {
        long widthNanos = WIDTHS_MILLIS[WIDTHS_MILLIS.length - 1] * 1_000_000L;
        for (long w : WIDTHS_MILLIS) {
            long candidate = w * 1_000_000L;
            if ((lastNanos - Math.floorDiv(firstNanos, candidate) * candidate) / candidate + 1 <= MAX_BUCKETS) {
                widthNanos = candidate;
                break;
            }
        }
        long origin = Math.floorDiv(firstNanos, widthNanos) * widthNanos; // buckets start on round times
        return new Plan(origin, widthNanos, Math.max(MIN_BUCKETS, (int) ((lastNanos - origin) / widthNanos) + 1));
    }

    /** Buckets of one round width from a round origin; see {@link SessionTimeline#plan}. */
    public record Plan(long originNanos, long widthNanos, int count) {

        /** The bucket a session that began at {@code nanos} belongs to. */
        public int index(long nanos) {
            return (int) ((nanos - originNanos) / widthNanos);
        }

        public long start(int index) {
            return originNanos + index * widthNanos;
        }

        /** A bucket's start as a bar's label: the time of day (UTC), with the date for buckets of a day or more. */
        public String label(int index) {
            String iso = Instant.ofEpochSecond(0, start(index)).toString(); // 2026-12-04T10:15:30Z, fractions in threes
            if (widthNanos >= 86_400_000_000_000L) {
                return iso.substring(0, 10);
            }
            String time = iso.substring(11, iso.length() - 1);
            if (widthNanos >= 1_000_000_000L) {
                return time.substring(0, 8);
            }
            return time.length() >= 12 ? time.substring(0, 12) : time.substring(0, 8) + ".000";
        }

        /** The width in words: "500 ms", "5 s", "15 min", "6 h", "1 day". */
        public String widthText() {
            long ms = widthNanos / 1_000_000L;
            if (ms < 1_000) {
                return ms + " ms";
            }
            if (ms < 60_000) {
                return ms / 1_000 + " s";
            }
            if (ms < 3_600_000) {
                return ms / 60_000 + " min";
            }
            return ms < 86_400_000 ? ms / 3_600_000 + " h" : ms / 86_400_000 + " day";
        }
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
