package org.proxyscope.app.ui.tests;

import org.proxyscope.app.ui.internal.JobProgressControl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.button;
import static org.proxyscope.app.ui.tests.support.Widgets.click;
import static org.proxyscope.app.ui.tests.support.Widgets.one;
import static org.proxyscope.app.ui.tests.support.Widgets.spinUntil;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.proxyscope.app.ui.tests.support.DisplaySync;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobProgressControlTest {

    private final Display display = Display.getDefault();
    private Shell shell;
    private JobProgressControl control;

    @BeforeEach
    void openStatusBar() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        control = new JobProgressControl();
        control.createControls(shell, new DisplaySync(display));
        shell.setSize(700, 40);
        shell.open();
    }

    @AfterEach
    void close() {
        control.dispose();
        shell.dispose();
    }

    private String status() {
        return one(shell, Label.class, l -> true).getText();
    }

    /** A job that reports 40 of 100 units of one task, then waits to be released or cancelled. */
    private static final class HashingJob extends Job {
        final CountDownLatch reported = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HashingJob() {
            super("Hashing evidence");
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            monitor.beginTask("capture-2026-11-28.pcapng", 100);
            monitor.worked(40);
            reported.countDown();
            try {
                while (!release.await(20, TimeUnit.MILLISECONDS)) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor.done();
            return Status.OK_STATUS;
        }
    }

    @Test
    void idleStatusBarSaysReadyWithoutProgressOrCancel() {
        assertEquals("Ready", status());
        assertFalse(one(shell, ProgressBar.class, b -> true).getVisible());
        assertFalse(button(shell, "Cancel").getVisible());
    }

    @Test
    void showsARunningJobWithItsTaskAndProgress() throws Exception {
        HashingJob job = new HashingJob();
        job.schedule();
        assertTrue(job.reported.await(10, TimeUnit.SECONDS));
        spinUntil(display, () -> status().equals("Hashing evidence: capture-2026-11-28.pcapng"), "the job is shown");
        spinUntil(display, () -> one(shell, ProgressBar.class, b -> true).getSelection() == 400, "40% is shown");
        assertTrue(button(shell, "Cancel").getVisible());
        job.release.countDown();
        job.join(10_000, null);
        spinUntil(display, () -> status().equals("Ready"), "the finished job is gone");
        assertEquals(IStatus.OK, job.getResult().getSeverity());
    }

    @Test
    void cancelStopsTheShownJob() throws Exception {
        HashingJob job = new HashingJob();
        job.schedule();
        assertTrue(job.reported.await(10, TimeUnit.SECONDS));
        spinUntil(display, () -> status().startsWith("Hashing evidence"), "the job is shown");
        click(button(shell, "Cancel"));
        assertTrue(job.join(10_000, null), "the job ends after Cancel");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
        spinUntil(display, () -> status().equals("Ready"), "the cancelled job is gone");
    }

    @Test
    void countsFurtherJobsAndIgnoresSystemJobs() throws Exception {
        HashingJob first = new HashingJob();
        HashingJob second = new HashingJob();
        HashingJob system = new HashingJob();
        system.setSystem(true);
        first.schedule();
        assertTrue(first.reported.await(10, TimeUnit.SECONDS));
        second.schedule();
        system.schedule();
        assertTrue(second.reported.await(10, TimeUnit.SECONDS) && system.reported.await(10, TimeUnit.SECONDS));
        spinUntil(display, () -> status().endsWith("(and 1 more)"), "the second job is counted, the system job not");
        first.release.countDown();
        second.release.countDown();
        system.release.countDown();
        first.join(10_000, null);
        second.join(10_000, null);
        system.join(10_000, null);
        spinUntil(display, () -> status().equals("Ready"), "all jobs are gone");
    }
}
