package org.proxyscope.app.ui.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

/**
 * Lays the windows out once more when the workbench has started. The first layout is made before GTK has
 * settled the window's sizes; where no window manager resizes the window afterwards (a bare X server), it
 * was the only one, and the status bar sat below the window's edge.
 */
public final class WindowLayoutAddon {

    // The event arrives on the event admin's thread. A workbench closed at once may have disposed its display
    // by then, which @UIEventTopic would report as an error; there is simply nothing left to lay out.
    @Inject
    @Optional
    void started(@EventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application,
            UISynchronize sync) {
        try {
            sync.asyncExec(() -> {
                for (MWindow window : application.getChildren()) {
                    if (window.getWidget() instanceof Shell shell && !shell.isDisposed()) {
                        shell.layout(true, true);
                    }
                }
            });
        } catch (SWTException e) {
            if (e.code != SWT.ERROR_DEVICE_DISPOSED) {
                throw e;
            }
        }
    }
}
