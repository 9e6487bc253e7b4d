package org.proxyscope.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the report writes times, for every section alike: always UTC, to the second, named as such. */
public final class ReportTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportTime() {
    }

    public static String utc(Instant t) {
        return SECONDS.format(t);
    }

    public static String span(Instant from, Instant to) {
        return utc(from) + " to " + utc(to);
    }
}
