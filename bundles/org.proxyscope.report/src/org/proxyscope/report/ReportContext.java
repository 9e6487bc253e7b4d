package org.proxyscope.report;

import java.time.Instant;
import java.util.List;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.CustodyEntry;
import org.proxyscope.core.model.Evidence;

/**
 * What a section may read while the report is made: the workspace, the case as it stands, its evidence
 * and custody log as read once at the start (so every section describes the same moment), when the report
 * is generated, and, once every section was asked, their contributions to the summary.
 */
public record ReportContext(Workspace workspace, Case subject, List<Evidence> evidence, List<CustodyEntry> custody,
        Instant generated, List<Contribution> contributions) {

    public ReportContext {
        evidence = List.copyOf(evidence);
        custody = List.copyOf(custody);
        contributions = List.copyOf(contributions);
    }

    /** The same moment, with the sections' contributions. */
    public ReportContext with(List<Contribution> gathered) {
        return new ReportContext(workspace, subject, evidence, custody, generated, gathered);
    }

    /** The strongest standing any section's evidence supports. */
    public Contribution.Standing standing() {
        return contributions.stream().map(Contribution::standing).max(Enum::compareTo).orElse(Contribution.Standing.NO_RELAY);
    }
}
