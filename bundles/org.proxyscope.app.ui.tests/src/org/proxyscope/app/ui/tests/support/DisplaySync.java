package org.proxyscope.app.ui.tests.support;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Display;

/** The UISynchronize the workbench injects, for parts created by tests on their own display. */
public final class DisplaySync extends UISynchronize {

    private final Display display;

    public DisplaySync(Display display) {
        this.display = display;
    }

    @Override
    public void syncExec(Runnable runnable) {
        display.syncExec(runnable);
    }

    @Override
    public void asyncExec(Runnable runnable) {
        display.asyncExec(runnable);
    }

    @Override
    protected boolean isUIThread(Thread thread) {
        return display.getThread() == thread;
    }

    @Override
    protected void showBusyWhile(Runnable runnable) {
        runnable.run();
    }

    @Override
    protected boolean dispatchEvents() {
        return display.readAndDispatch();
    }
}
