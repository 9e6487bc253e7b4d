package org.proxyscope.app.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * The status bar's progress area: the newest running user job with its task and progress, how many more
 * are running, and a Cancel button. Pure e4 has no progress service, so this installs the job manager's
 * progress provider and keeps one record per job; the UI is refreshed at most once per pending change.
 */
public final class JobProgressControl {

    /** What a job last reported; written by the job's thread, read by the UI thread. */
    private static final class Tracked {
        final Job job;
        volatile String task = "";
        volatile int total = IProgressMonitor.UNKNOWN;
        volatile double worked;

        Tracked(Job job) {
            this.job = job;
        }
    }

    private final List<Tracked> running = new ArrayList<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final JobChangeAdapter finished = new JobChangeAdapter() {
        @Override
        public void done(IJobChangeEvent event) {
            synchronized (running) {
                running.removeIf(t -> t.job == event.getJob());
            }
            requestRefresh();
        }
    };

    private UISynchronize sync;
    private Composite area;
    private Label status;
    private ProgressBar bar;
    private Button cancel;

    @PostConstruct
    public void createControls(Composite parent, UISynchronize sync) {
        this.sync = sync;
        area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 2).applyTo(area);
        status = new Label(area, SWT.NONE);
        GridDataFactory.fillDefaults().hint(360, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(status);
        bar = new ProgressBar(area, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(1000);
        GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(bar);
        cancel = new Button(area, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Cancel the task shown; work already saved is kept");
        cancel.addListener(SWT.Selection, e -> newest().ifPresent(t -> t.job.cancel()));

        Job.getJobManager().setProgressProvider(new ProgressProvider() {
            @Override
            public IProgressMonitor createMonitor(Job job) {
                return job.isSystem() ? new NullProgressMonitor() : track(job);
            }
        });
        Job.getJobManager().addJobChangeListener(finished);
        refresh();
    }

    @PreDestroy
    public void dispose() {
        Job.getJobManager().removeJobChangeListener(finished);
        Job.getJobManager().setProgressProvider(null);
    }

    private IProgressMonitor track(Job job) {
        Tracked tracked = new Tracked(job);
        synchronized (running) {
            running.add(tracked);
        }
        requestRefresh();
        return new IProgressMonitor() {
            private volatile boolean canceled;

            @Override
            public void beginTask(String name, int totalWork) {
                tracked.task = name == null ? "" : name;
                tracked.total = totalWork;
                requestRefresh();
            }

            @Override
            public void internalWorked(double work) {
                tracked.worked += work;
                requestRefresh();
            }

            @Override
            public void worked(int work) {
                internalWorked(work);
            }

            @Override
            public void setTaskName(String name) {
                tracked.task = name == null ? "" : name;
                requestRefresh();
            }

            @Override
            public void subTask(String name) {
                // the status bar has room for the job and its task only
            }

            @Override
            public void done() {
                tracked.worked = Math.max(tracked.worked, tracked.total);
                requestRefresh();
            }

            @Override
            public boolean isCanceled() {
                return canceled;
            }

            @Override
            public void setCanceled(boolean value) {
                canceled = value;
            }
        };
    }

    private Optional<Tracked> newest() {
        synchronized (running) {
            return running.isEmpty() ? Optional.empty() : Optional.of(running.get(running.size() - 1));
        }
    }

    private int count() {
        synchronized (running) {
            return running.size();
        }
    }

    private void requestRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            sync.asyncExec(() -> {
                refreshPending.set(false);
                refresh();
            });
        }
    }

    private void refresh() {
        if (area.isDisposed()) {
            return;
        }
        Optional<Tracked> shown = newest();
        boolean busy = shown.isPresent();
        bar.setVisible(busy);
        cancel.setVisible(busy);
        if (!busy) {
            status.setText("Ready");
            return;
        }
        Tracked t = shown.get();
        int others = count() - 1;
        String text = t.job.getName() + (t.task.isEmpty() || t.task.equals(t.job.getName()) ? "" : ": " + t.task)
                + (others > 0 ? " (and " + others + " more)" : "");
        status.setText(text);
        status.setToolTipText(text);
        if (t.total == IProgressMonitor.UNKNOWN || t.total <= 0) {
            bar.setSelection(0);
        } else {
            bar.setSelection((int) Math.min(1000, Math.round(t.worked * 1000 / t.total)));
        }
        cancel.setEnabled(t.job.getState() == Job.RUNNING);
    }
}
