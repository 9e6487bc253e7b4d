package org.proxyscope.core.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.MonitorProgress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;

/**
 * Adds files to a case as evidence in the background, with progress and Cancel in the status bar. Each
 * file is all or nothing; the files added before a failure or a cancel stay, and the analyst is told which
 * ones were not added and why.
 */
final class EvidenceImportJob extends Job {

    private final Workspace workspace;
    private final CaseId caseId;
    private final List<Path> files;
    private final String source;
    private final UISynchronize sync;
    private final IEventBroker broker;
    private final Shell shell;
    private final List<String> problems = new ArrayList<>();

    EvidenceImportJob(Workspace workspace, CaseId caseId, List<Path> files, String source, UISynchronize sync,
            IEventBroker broker, Shell shell) {
        super("Adding evidence to " + caseId);
        this.workspace = workspace;
        this.caseId = caseId;
        this.files = List.copyOf(files);
        this.source = source;
        this.sync = sync;
        this.broker = broker;
        this.shell = shell;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, files.size());
        int added = 0;
        for (Path file : files) {
            if (progress.isCanceled()) {
                problems.add(file.getFileName() + ": not added, cancelled");
                continue;
            }
            try {
                workspace.addEvidence(caseId, file, source, new MonitorProgress(progress.split(1)));
                added++;
            } catch (WorkspaceException e) {
                problems.add(e.getMessage());
            }
        }
        if (added > 0 && broker != null) {
            broker.post(CaseEvents.CHANGED, caseId);
        }
        if (!problems.isEmpty()) {
            String message = String.join("\n\n", problems);
            sync.asyncExec(() -> {
                if (!shell.isDisposed()) {
                    MessageDialog.openError(shell, "Evidence not added", message);
                }
            });
        }
        return monitor.isCanceled() ? Status.CANCEL_STATUS : Status.OK_STATUS;
    }

    /** Why files were not added; empty when every file was. */
    List<String> problems() {
        return List.copyOf(problems);
    }
}
