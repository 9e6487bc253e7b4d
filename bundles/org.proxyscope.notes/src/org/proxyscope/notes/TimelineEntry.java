package org.proxyscope.notes;

import java.time.Instant;

/**
 * One moment of a case's timeline.
 *
 * @param kind {@code custody} (status changes, evidence, probe runs, imports, exports), {@code finding} (a probe
 *             finding that was not a refused port), {@code session} (the first or last relayed session of a
 *             capture) or {@code note}
 * @param ref  which one, as links name it: a custody sequence number, "run/position", "evidence/flow", a note
 */
public record TimelineEntry(Instant at, String kind, String ref, String text) {
}
