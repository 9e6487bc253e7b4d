package org.proxyscope.app.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;

/**
 * Hands the open workspace to the workbench: into the context for injection, and into the window title; and
 * makes other processes' changes to a case events of the workbench, as its own are.
 */
public final class LifeCycle {

    /** How long an action in the workbench waits for a team workspace's server to come back. */
    public static final java.time.Duration SERVER_PATIENCE = java.time.Duration.ofSeconds(5);

    @PostContextCreate
    void publishWorkspace(IEclipseContext context) {
        context.set(ProxyscopeModel.WORKSPACE, ProxyscopeApplication.workspaceOf(Platform.getInstanceLocation()));
    }

    /**
     * Titles the window with the workspace. And as every view showing a case follows {@link CaseEvents#CHANGED},
     * a case another analyst or the command line changed is posted there too, as the change is noticed. (e4
     * calls one method of a life cycle per annotation.)
     */
    @ProcessAdditions
    void processAdditions(MApplication application, EModelService models, IEclipseContext context, IEventBroker broker) {
        Workspace open = context.get(Workspace.class);
        Object named = open != null ? open.location() : context.get(ProxyscopeModel.WORKSPACE);
        if (models.find(ProxyscopeModel.MAIN_WINDOW, application) instanceof MWindow window) {
            window.setLabel(title(named));
        }
        if (open != null) {
            // an action waits seconds, not the command line's minute, for a server that went away: the window waits
            // with it; the status bar says what is happening meanwhile
            open.waitForServer(SERVER_PATIENCE);
            try {
                open.watchOthers(id -> broker.post(CaseEvents.CHANGED, id), problem -> broker.post(CaseEvents.SERVER, problem.orElse("")));
            } catch (WorkspaceException e) {
                // the views still show what they read; they miss only others' changes until the next start
                Platform.getLog(LifeCycle.class).warn("Other processes' changes will not be followed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * "Proxyscope - /home/analyst/proxyscope-workspace", or a team workspace's address, so several windows can be
     * told apart.
     */
    public static String title(Object workspace) {
        return "Proxyscope - " + workspace;
    }
}
