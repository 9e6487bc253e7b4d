package org.proxyscope.notes.internal.report;

import java.util.ArrayList;
import java.util.List;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.notes.CaseTimeline;
import org.proxyscope.notes.TimelineEntry;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSection;
import org.proxyscope.report.ReportTime;
import org.proxyscope.report.ReportWriter;

/** The report's case timeline: what happened when, from the first action to the last, relaying seen included. */
public final class TimelineSection implements ReportSection {

    @Override
    public String id() {
        return "org.proxyscope.notes.timeline";
    }

    @Override
    public String title() {
        return "Case timeline";
    }

    @Override
    public int order() {
        return 510;
    }

    @Override
    public boolean hasContent(ReportContext context) {
        return true; // every case has at least its opening
    }

    @Override
    public void write(ReportContext context, ReportWriter out) throws WorkspaceException {
        out.paragraph("The case's actions, its probe findings, the first and last relayed session of each capture, and its"
                + " notes, in time order (UTC).");
        List<String[]> rows = new ArrayList<>();
        for (TimelineEntry e : CaseTimeline.of(context.workspace(), context.subject().id())) {
            if (!e.at().isAfter(context.generated())) {
                rows.add(new String[] {ReportTime.utc(e.at()), e.kind(), e.text()});
            }
        }
        out.table(List.of("Time", "What", "Details"), new float[] {20, 10, 70}, rows);
    }
}
