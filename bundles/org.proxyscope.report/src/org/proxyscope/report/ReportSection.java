package org.proxyscope.report;

import java.util.Optional;

import org.proxyscope.core.WorkspaceException;

/**
 * One section of the PDF case report. Plug-ins add sections by registering this interface as an OSGi service
 * (Declarative Services) and, for the headless command line, by listing the class in
 * {@code META-INF/services/org.proxyscope.report.ReportSection}. The probe and capture plug-ins add theirs
 * this way; a section whose plug-in is not installed is simply absent.
 * <p>
 * A section reads what the case keeps in the workspace, never reruns anything, and writes through the
 * {@link ReportWriter} so that it knows nothing of the PDF library.
 */
public interface ReportSection {

    /** A stable id, e.g. {@code org.proxyscope.probe.findings}: the analyst turns sections on and off by it. */
    String id();

    /** The section's heading, and its entry in the report outline. */
    String title();

    /**
     * Where it goes: sections are written in ascending order. The built-in ones use 100 (summary), 200
     * (scope), 300 (probe findings), 400 (capture findings), 500 (timeline and notes), 600 (remediation),
     * 700 (evidence), 800 (custody log) and 900 and above (appendices).
     */
    int order();

    /**
     * What the section adds to the cover, the executive summary and the remediation; read before any
     * section is written. Empty when the section has nothing to say for this case.
     */
    default Optional<Contribution> contribute(ReportContext context) throws WorkspaceException {
        return Optional.empty();
    }

    /** Whether the case holds anything for this section; an empty section is left out of the report. */
    boolean hasContent(ReportContext context) throws WorkspaceException;

    /** Writes the section's body; the heading is already written. */
    void write(ReportContext context, ReportWriter out) throws WorkspaceException;
}
