package org.proxyscope.app.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the views write times: always UTC, as the custody log and the evidence record them. */
public final class UtcTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** {@code 2026-11-28 14:03 UTC} */
    public static String minutes(Instant t) {
        return MINUTES.format(t);
    }

    /** {@code 2026-11-28 14:03:07 UTC} */
    public static String seconds(Instant t) {
        return SECONDS.format(t);
    }

    /** {@code 2026-11-28 14:03:07.125}, for a column headed "(UTC)"; empty for 0, an unknown time. */
    public static String millis(long epochNanos) {
        return epochNanos == 0 ? "" : MILLIS.format(Instant.ofEpochSecond(0, epochNanos));
    }

    /** A duration as an analyst says it: {@code 50 ms}, {@code 10 s}, {@code 5 min}, {@code 6 h}, {@code 1 day}. */
    public static String span(java.time.Duration d) {
        if (d.toMillis() < 1000 || d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + (s == 86400 ? " day" : " days");
        }
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }

    /** {@code 14:03:07}, a time of day for axis ticks and logs. */
    public static String clock(Instant t) {
        return CLOCK.format(t);
    }

    /** {@code 14:03:07.125}, a time of day to the millisecond. */
    public static String clockMillis(Instant t) {
        return CLOCK_MILLIS.format(t);
    }
}
