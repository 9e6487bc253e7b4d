package org.proxyscope.app.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.proxyscope.core.Progress;

/** Lets headless core work report to an Eclipse Job's progress monitor, and see its Cancel. */
public final class MonitorProgress implements Progress {

    private static final int UNIT = 1 << 16; // monitors count in ints; 64 KiB units fit any file

    private final IProgressMonitor monitor;
    private long pending;

    public MonitorProgress(IProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void begin(String task, long total) {
        monitor.beginTask(task, (int) Math.max(1, total / UNIT));
    }

    @Override
    public void advance(long amount) {
        pending += amount;
        if (pending >= UNIT) {
            monitor.worked((int) (pending / UNIT));
            pending %= UNIT;
        }
    }

    @Override
    public boolean cancelled() {
        return monitor.isCanceled();
    }
}
