package org.proxyscope.core.ui.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.app.ui.MonitorProgress;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.Evidence;

/**
 * Hands a copy of one evidence file over: where to, and why, for the custody log. The copy is checked against the
 * recorded SHA-256 as it is made ({@link Workspace#exportEvidence}). The copy runs as a Job while the dialog shows its
 * progress and stays open, so that Cancel stops it and a refusal (a file already there, a full disk) is said where the
 * analyst can choose again; the window is never frozen by a big capture.
 */
public final class ExportEvidenceDialog extends TitleAreaDialog {

    private static final String PURPOSE = "A read-only copy, checked against its SHA-256. Where it went and why go to the custody log.";

    private final Workspace workspace;
    private final Evidence chosen;
    private Text to;
    private Text reason;
    private Button browse;
    private ProgressBar copied;
    private Job running;
    private Path exported;

    public ExportEvidenceDialog(Shell parent, Workspace workspace, Evidence chosen) {
        super(parent);
        this.workspace = workspace;
        this.chosen = chosen;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Export Evidence");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Export evidence #" + chosen.number() + " of " + chosen.caseId() + ": " + chosen.originalName());
        setMessage(PURPOSE);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(body);
        // the reason first: it is what the analyst must write, and the first field takes the focus
        new Label(body, SWT.NONE).setText("&Reason:");
        reason = new Text(body, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        reason.setMessage("e.g. requested by the police, their file 2026/4711");
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(380, 70).applyTo(reason);
        new Label(body, SWT.NONE).setText("&To:");
        to = new Text(body, SWT.BORDER);
        to.setText(Path.of(System.getProperty("user.home"), chosen.originalName()).toString());
        to.setMessage("a new file, or a folder to hold it under its own name");
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(to);
        browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
            dialog.setFileName(chosen.originalName());
            dialog.setOverwrite(false); // an export never replaces a file; the workspace refuses it anyway
            String path = dialog.open();
            if (path != null) {
                to.setText(path);
            }
        });
        to.addModifyListener(e -> enableOk());
        reason.addModifyListener(e -> enableOk());
        copied = new ProgressBar(body, SWT.HORIZONTAL | SWT.SMOOTH);
        copied.setMaximum(1000);
        copied.setVisible(false);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(copied);
        return area;
    }

    private void enableOk() {
        getButton(IDialogConstants.OK_ID).setEnabled(!to.getText().isBlank() && !reason.getText().isBlank());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Export", true).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        Path target;
        try {
            target = Path.of(to.getText().strip());
        } catch (InvalidPathException e) {
            setErrorMessage(e.getMessage());
            return;
        }
        String why = reason.getText();
        Display display = getShell().getDisplay();
        Copying progress = new Copying();
        Job job = Job.create("Exporting evidence #" + chosen.number() + " of " + chosen.caseId(), monitor -> {
            progress.monitor = new MonitorProgress(monitor);
            try {
                progress.exported = workspace.exportEvidence(chosen.caseId(), chosen.number(), target, why, progress);
            } catch (WorkspaceException e) {
                progress.failure = e.getMessage();
            }
            return Status.OK_STATUS;
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus result = event.getResult();
                String failure = progress.exported != null || progress.failure != null ? progress.failure
                        // a job cancelled before it ran never called the export
                        : result.matches(IStatus.CANCEL) ? "The export was cancelled. Nothing was exported."
                        // the export removes what it wrote whatever stopped it
                        : "The export failed: " + (result.getException() != null ? result.getException() : result.getMessage())
                                + ". Nothing was exported.";
                display.asyncExec(() -> finished(progress.exported, failure));
            }
        });
        running = job;
        setErrorMessage(null);
        enableFields(false);
        setMessage("Copying " + chosen.originalName() + " and checking it against its SHA-256. Cancel stops the copy and leaves"
                + " nothing behind.");
        copied.setSelection(0);
        copied.setVisible(true);
        showProgress(job, progress);
        job.schedule();
    }

    private void showProgress(Job job, Copying progress) {
        if (running != job || copied.isDisposed()) {
            return;
        }
        copied.setSelection((int) (progress.done.get() * copied.getMaximum() / progress.total));
        copied.getDisplay().timerExec(100, () -> showProgress(job, progress));
    }

    private void finished(Path copy, String failure) {
        running = null;
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        if (copy != null) {
            exported = copy;
            super.okPressed();
            return;
        }
        copied.setVisible(false);
        enableFields(true);
        setMessage(PURPOSE);
        setErrorMessage(failure);
    }

    private void enableFields(boolean enabled) {
        to.setEnabled(enabled);
        reason.setEnabled(enabled);
        browse.setEnabled(enabled);
        getButton(IDialogConstants.OK_ID).setEnabled(enabled);
    }

    /** While the copy runs, Cancel (the button, Escape or the window's close) stops it and the dialog stays to say so. */
    @Override
    protected void cancelPressed() {
        if (running != null) {
            running.cancel();
        } else {
            super.cancelPressed();
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        cancelPressed();
    }

    /**
     * The Job's side of the export: bytes copied for the dialog's bar (and the status bar's, through the Job's monitor),
     * the Cancel, and the outcome.
     */
    private static final class Copying implements Progress {
        final AtomicLong done = new AtomicLong();
        volatile long total = 1;
        volatile Progress monitor;
        volatile Path exported;
        volatile String failure;

        @Override
        public void begin(String task, long bytes) {
            total = Math.max(1, bytes);
            monitor.begin(task, bytes);
        }

        @Override
        public void advance(long bytes) {
            done.addAndGet(bytes);
            monitor.advance(bytes);
        }

        @Override
        public boolean cancelled() {
            return monitor.cancelled();
        }
    }

    /** Where the copy went, once exported. */
    public Path exported() {
        return exported;
    }
}
