package org.proxyscope.report.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.MonitorProgress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.report.CaseReport;
import org.proxyscope.report.Complaints;
import org.proxyscope.report.CustomerNotice;
import org.proxyscope.report.ExportRequest;
import org.proxyscope.report.ReportException;
import org.proxyscope.report.ReportSections;

/** Writes a case's report in the background with progress and Cancel; a cancelled or failed export leaves nothing. */
final class ExportReportJob extends Job {

    private final Workspace workspace;
    private final CaseId caseId;
    private final ReportSections sections;
    private final ExportRequest request;
    private final Companions companions;
    private final IEventBroker broker;
    private volatile CaseReport.Exported result;

    ExportReportJob(Workspace workspace, CaseId caseId, ReportSections sections, ExportRequest request, Companions companions,
            IEventBroker broker) {
        super("Exporting the report of " + caseId);
        this.workspace = workspace;
        this.caseId = caseId;
        this.sections = sections;
        this.request = request;
        this.companions = companions;
        this.broker = broker;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            result = CaseReport.export(workspace, caseId, sections, request, new MonitorProgress(monitor));
            // each companion is whole and kept as evidence before the next; the first failure is the job's message
            if (companions.notice().isPresent()) {
                CustomerNotice.export(workspace, caseId, sections, companions.notice().get(), request.overwrite());
            }
            if (companions.arf().isPresent()) {
                Complaints.arf(workspace, caseId, sections, companions.arf().get(), request.overwrite());
            }
            if (companions.xarf().isPresent()) {
                Complaints.xarf(workspace, caseId, sections, companions.xarf().get(), request.overwrite());
            }
            if (broker != null) {
                broker.post(CaseEvents.CHANGED, caseId);
            }
            return Status.OK_STATUS;
        } catch (ReportException e) {
            if (result != null && broker != null) {
                broker.post(CaseEvents.CHANGED, caseId); // the report itself was kept
            }
            return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.error(e.getMessage());
        } catch (WorkspaceException e) {
            return Status.error("The report of " + caseId + " was written but could not be kept as its evidence: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    CaseReport.Exported result() {
        return result;
    }
}
