package org.proxyscope.report.internal;

import java.util.Set;

import org.proxyscope.core.CaseVerdicts;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.Contribution;
import org.proxyscope.report.ReportContext;
import org.proxyscope.report.ReportSections;

/** The report's verdict for other plug-ins (a Declarative Services component): gathered as an export gathers it. */
public final class ReportVerdicts implements CaseVerdicts {

    private volatile ReportSections sections;

    void bind(ReportSections catalog) {
        sections = catalog;
    }

    @Override
    public Verdict of(Workspace workspace, CaseId id) throws WorkspaceException {
        ReportContext c = CaseReport.gather(workspace, id, sections, Set.of()).context();
        return new Verdict(c.standing() == Contribution.Standing.RELAYS, c.verdictAndWhen());
    }
}
