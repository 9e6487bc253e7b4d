package org.proxyscope.app.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.proxyscope.app.ProxyscopeModel;

/** Hands the open workspace to the workbench: into the context for injection, and into the window title. */
public final class LifeCycle {

    @PostContextCreate
    void publishWorkspace(IEclipseContext context) {
        context.set(ProxyscopeModel.WORKSPACE, ProxyscopeApplication.workspaceOf(Platform.getInstanceLocation()));
    }

    @ProcessAdditions
    void titleWindow(MApplication application, EModelService models, IEclipseContext context) {
        Path workspace = (Path) context.get(ProxyscopeModel.WORKSPACE);
        if (models.find(ProxyscopeModel.MAIN_WINDOW, application) instanceof MWindow window) {
            window.setLabel(title(workspace));
        }
    }

    /** "Proxyscope - /home/analyst/proxyscope-workspace", so several windows can be told apart. */
    public static String title(Path workspace) {
        return "Proxyscope - " + workspace;
    }
}
