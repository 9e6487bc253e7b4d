package org.proxyscope.app.ui.internal.handlers;

import java.nio.file.Path;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.ProxyscopeModel;
import org.proxyscope.app.ui.internal.AboutDialog;

/** Help &gt; About Proxyscope. */
public final class AboutHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Named(ProxyscopeModel.WORKSPACE) Path workspace) {
        new AboutDialog(shell, workspace).open();
    }
}
