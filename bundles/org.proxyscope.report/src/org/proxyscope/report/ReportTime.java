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

    /** "2026-12-04 10:15:30 UTC to 2026-12-05 09:00:00 UTC", or the one time when both read the same to the second. */
    public static String span(Instant from, Instant to) {
        String first = utc(from);
        String last = utc(to);
        return first.equals(last) ? first : first + " to " + last;
    }

    /** "Relaying was seen from 2026-12-04 10:15:30 UTC to 2026-12-05 09:00:00 UTC.", or "at" the one time. */
    public static String relayingSeen(Instant first, Instant last) {
        String from = utc(first);
        String to = utc(last);
        return from.equals(to) ? "Relaying was seen at " + from + "." : "Relaying was seen from " + from + " to " + to + ".";
    }
}
