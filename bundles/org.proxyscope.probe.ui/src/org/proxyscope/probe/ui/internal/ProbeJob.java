package org.proxyscope.probe.ui.internal;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.probe.Canary;
import org.proxyscope.probe.CanarySettings;
import org.proxyscope.probe.ProbeEvidence;
import org.proxyscope.probe.ProbeReport;
import org.proxyscope.probe.ProbeRequest;
import org.proxyscope.probe.ProbeRun;
import org.proxyscope.probe.Prober;

/**
 * Runs a probe in the background with progress (one unit a finding) and Cancel; findings are posted as
 * they arrive, and the transcripts become the case's evidence when the run ends.
 */
final class ProbeJob extends Job {

    private final Workspace workspace;
    private final CaseId caseId;
    private final Prober prober;
    private final ProbeRequest request;
    private final CanarySettings canarySettings;
    private final IEventBroker broker;
    private volatile ProbeRun result;

    ProbeJob(Workspace workspace, CaseId caseId, Prober prober, ProbeRequest request, CanarySettings canarySettings, IEventBroker broker) {
        super("Probing " + request.host() + " for " + caseId);
        this.workspace = workspace;
        this.caseId = caseId;
        this.prober = prober;
        this.request = request;
        this.canarySettings = canarySettings;
        this.broker = broker;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        monitor.beginTask("Probing " + request.host(), request.ports().size() * request.protocols().size());
        post(ProbeEvents.STARTED, request);
        Thread worker = Thread.currentThread();
        try (Canary canary = canarySettings.start(request.host().name())) {
            String where = canary.describe();
            ProbeReport report = prober.run(request, canary, f -> {
                monitor.worked(1);
                post(ProbeEvents.FINDING, f);
                if (monitor.isCanceled()) {
                    worker.interrupt(); // ends the run's waits; unfinished probes report the cancel
                }
            });
            result = ProbeEvidence.keep(workspace, caseId, report, where);
            post(ProbeEvents.FINISHED, result);
            post(CaseEvents.CHANGED, caseId);
            return Status.OK_STATUS;
        } catch (InterruptedException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception e) {
            return Status.error("Probing " + request.host() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    ProbeRun result() {
        return result;
    }

    private void post(String topic, Object data) {
        if (broker != null) {
            broker.post(topic, data);
        }
    }
}
