package org.proxyscope.app.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;

/**
 * Lays the windows out once more when the workbench has started. The first layout is made before GTK has
 * settled the window's sizes; where no window manager resizes the window afterwards (a bare X server), it
 * was the only one, and the status bar sat below the window's edge.
 */
public final class WindowLayoutAddon {

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application,
            UISynchronize sync) {
        sync.asyncExec(() -> {
            for (MWindow window : application.getChildren()) {
                if (window.getWidget() instanceof Shell shell && !shell.isDisposed()) {
                    shell.layout(true, true);
                }
            }
        });
    }
}
