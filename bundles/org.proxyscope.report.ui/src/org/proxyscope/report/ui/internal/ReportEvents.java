package org.proxyscope.report.ui.internal;

/** Event broker topics of the Reporting perspective. */
final class ReportEvents {

    /** A report was exported and kept as evidence; the data is the {@code CaseReport.Exported}. */
    static final String EXPORTED = "org/proxyscope/report/exported";

    private ReportEvents() {
    }
}
