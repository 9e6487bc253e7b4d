package org.proxyscope.app.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.proxyscope.app.ui.ProxyscopeModel;

/** Window &gt; Perspective and Ctrl+Alt+1..4: show the perspective named by the command's parameter. */
public final class SwitchPerspectiveHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(ProxyscopeModel.PARAMETER_PERSPECTIVE_ID) String id, MApplication application,
            EModelService models) {
        return find(id, application, models) != null;
    }

    @Execute
    void execute(@Named(ProxyscopeModel.PARAMETER_PERSPECTIVE_ID) String id, MApplication application,
            EModelService models, EPartService parts) {
        MPerspective perspective = find(id, application, models);
        if (perspective != null) {
            parts.switchPerspective(perspective);
        }
    }

    private static MPerspective find(String id, MApplication application, EModelService models) {
        return id == null ? null
                : models.findElements(application, id, MPerspective.class).stream().findFirst().orElse(null);
    }
}
