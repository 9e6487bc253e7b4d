package org.proxyscope.capture.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.MonitorProgress;
import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.capture.CaptureReport;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.Evidence;

/**
 * Reads a capture in the background with progress and Cancel: into the selected case when there is one, or again
 * from a case's stored evidence, to show it or to analyse it again with this version.
 */
final class ImportCaptureJob extends Job {

    private final Path file;
    private final Workspace workspace;
    private final CaseId caseId;
    private final String knownSha256;
    /** The case's capture evidence to analyse again from its stored copy, or 0. */
    private final int again;
    private final IEventBroker broker;
    private volatile CaptureReport report;

    private ImportCaptureJob(String name, Path file, Workspace workspace, CaseId caseId, String knownSha256, int again,
            IEventBroker broker) {
        super(name);
        this.file = file;
        this.workspace = workspace;
        this.caseId = caseId;
        this.knownSha256 = knownSha256;
        this.again = again;
        this.broker = broker;
        setUser(true);
    }

    /** Reads {@code file}, and keeps it as evidence of {@code caseId} when that is not null. */
    static ImportCaptureJob importing(Path file, Workspace workspace, CaseId caseId, IEventBroker broker) {
        return new ImportCaptureJob(caseId == null ? "Reading " + file.getFileName() : "Importing " + file.getFileName() + " into " + caseId,
                file, workspace, caseId, null, 0, broker);
    }

    /**
     * Reads a case's stored capture again without hashing it: it was hashed as it was stored and is read-only
     * since ({@code case verify} checks it), and on a big capture the hash would take a core from the analysis.
     */
    static ImportCaptureJob rereading(Path stored, Evidence evidence, IEventBroker broker) {
        return new ImportCaptureJob("Reading " + evidence.originalName() + " (" + evidence.caseId() + " evidence #" + evidence.number() + ")",
                stored, null, null, evidence.sha256(), 0, broker);
    }

    /** Analyses a case's capture again from its stored copy, with this version, and keeps what it finds (see {@link CaptureEvidence#analyseAgain}). */
    static ImportCaptureJob analysingAgain(Workspace workspace, Evidence evidence, IEventBroker broker) {
        return new ImportCaptureJob("Analysing " + evidence.originalName() + " (" + evidence.caseId() + " evidence #" + evidence.number()
                + ") again", workspace.storedFile(evidence), workspace, evidence.caseId(), evidence.sha256(), evidence.number(), broker);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        MonitorProgress progress = new MonitorProgress(monitor);
        try {
            CaptureImporter importer = new CaptureImporter();
            report = again > 0 ? CaptureEvidence.analyseAgain(workspace, caseId, again, importer, progress).report()
                    : caseId == null || workspace == null ? importer.read(file, knownSha256, progress)
                    : CaptureEvidence.keep(workspace, caseId, file, importer, progress).report();
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            if (broker != null) {
                broker.post(CaptureEvents.IMPORTED, report);
                if (caseId != null) {
                    broker.post(CaseEvents.CHANGED, caseId);
                }
            }
            if (report.partial()) {
                return Status.warning(file.getFileName() + " is damaged; what came before the damage was read: " + report.problem().get());
            }
            return report.leftOut().map(p -> Status.warning(file.getFileName() + ": " + p)).orElse(Status.OK_STATUS);
        } catch (Exception e) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS; // what was cancelled left nothing to report
            }
            return Status.error("Could not read " + file + ": " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    CaptureReport report() {
        return report;
    }
}
