package org.proxyscope.capture.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.proxyscope.app.CaseEvents;
import org.proxyscope.app.MonitorProgress;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;

/** Reads a capture in the background with progress and Cancel; into the selected case when there is one. */
final class ImportCaptureJob extends Job {

    private final Path file;
    private final Workspace workspace;
    private final CaseId caseId;
    private final IEventBroker broker;
    private volatile CaptureReport report;

    ImportCaptureJob(Path file, Workspace workspace, CaseId caseId, IEventBroker broker) {
        super(caseId == null ? "Reading " + file.getFileName() : "Importing " + file.getFileName() + " into " + caseId);
        this.file = file;
        this.workspace = workspace;
        this.caseId = caseId;
        this.broker = broker;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        MonitorProgress progress = new MonitorProgress(monitor);
        try {
            CaptureImporter importer = new CaptureImporter();
            report = caseId == null || workspace == null ? importer.read(file, progress)
                    : CaptureEvidence.keep(workspace, caseId, file, importer, progress);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            if (broker != null) {
                broker.post(CaptureEvents.IMPORTED, report);
                if (caseId != null) {
                    broker.post(CaseEvents.CHANGED, caseId);
                }
            }
            return report.partial()
                    ? Status.warning(file.getFileName() + " is damaged; what came before the damage was read: " + report.problem().get())
                    : Status.OK_STATUS;
        } catch (Exception e) {
            return Status.error("Could not read " + file + ": " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    CaptureReport report() {
        return report;
    }
}
