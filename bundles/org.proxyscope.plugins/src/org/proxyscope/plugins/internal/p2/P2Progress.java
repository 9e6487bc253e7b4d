package org.proxyscope.plugins.internal.p2;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * p2's progress, on the error stream as {@code progress PERCENT WHAT} lines when asked for (the workbench reads them),
 * and its cancel. The commands hand it to {@link P2Installer} as this type, never as Equinox's interface: the fast
 * command line loads the commands without Equinox's classes.
 */
public final class P2Progress extends NullProgressMonitor {

    private final PrintStream out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private double total;
    private double done;
    private String task = "";
    private int shown = -1;

    /** @param out where progress lines go; null for none */
    public P2Progress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        if (total == 0 && totalWork > 0) {
            total = totalWork;
        }
        setTaskName(name);
    }

    @Override
    public void setTaskName(String name) {
        if (name != null && !name.isBlank() && !name.strip().equals(task)) {
            task = name.strip().replace('\n', ' ');
            shown = -1;
            show();
        }
    }

    @Override
    public void subTask(String name) {
        setTaskName(name);
    }

    @Override
    public void internalWorked(double work) {
        done += work;
        show();
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    private void show() {
        int percent = total <= 0 ? 0 : (int) Math.min(99, 100 * done / total);
        if (out != null && percent != shown) {
            out.println("progress " + percent + " " + task);
            shown = percent;
        }
    }

    /** The work is over, done, failed or cancelled. */
    public void finished() {
        finished.countDown();
    }

    /** Cancels p2's work and waits, within reason, until it has rolled back. */
    public void cancelAndWait() {
        setCanceled(true);
        try {
            finished.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
