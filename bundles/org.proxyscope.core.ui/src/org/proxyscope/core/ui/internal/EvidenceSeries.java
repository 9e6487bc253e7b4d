package org.proxyscope.core.ui.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.proxyscope.core.model.Evidence;

/**
 * Files a plug-in added to a case one after another, of one kind, shown as one row that opens to them: a probe run
 * keeps a transcript per finding (45 for five ports), which buried the case's other evidence in its lists. A series is
 * two or more files in a row whose sources name the same kind before their detail ("probe transcript, socks5 on port
 * 1080"), each added within a minute of the one before; the case timeline folds their custody entries alike. Files
 * the analyst added say no such kind, and stay rows of their own.
 */
record EvidenceSeries(String kind, List<Evidence> items) {

    private static final Duration TOGETHER = Duration.ofMinutes(1);

    /** The case's evidence in its order, each file an {@link Evidence} or, in a series, part of an {@link EvidenceSeries}. */
    static List<Object> fold(List<Evidence> evidence) {
        List<Object> rows = new ArrayList<>();
        List<Evidence> run = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!run.isEmpty() && !follows(run.get(run.size() - 1), e)) {
                close(run, rows);
            }
            run.add(e);
        }
        close(run, rows);
        return rows;
    }

    private static boolean follows(Evidence before, Evidence e) {
        String kind = kind(e);
        return !kind.isEmpty() && kind.equals(kind(before)) && !e.added().isAfter(before.added().plus(TOGETHER));
    }

    private static void close(List<Evidence> run, List<Object> rows) {
        if (run.size() > 1) {
            rows.add(new EvidenceSeries(kind(run.get(0)), List.copyOf(run)));
        } else {
            rows.addAll(run);
        }
        run.clear();
    }

    /** "probe transcript" of "probe transcript, socks5 on port 1080"; empty for a source with no detail. */
    private static String kind(Evidence e) {
        int comma = e.source().indexOf(", ");
        return comma <= 0 ? "" : e.source().substring(0, comma);
    }

    Evidence first() {
        return items.get(0);
    }

    /** "1–45": the numbers of its files */
    String range() {
        return first().number() + "–" + items.get(items.size() - 1).number();
    }

    /** Its files' bytes, all told. */
    long bytes() {
        return items.stream().mapToLong(Evidence::size).sum();
    }
}
