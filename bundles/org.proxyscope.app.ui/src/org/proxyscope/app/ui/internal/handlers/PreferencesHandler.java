package org.proxyscope.app.ui.internal.handlers;

import jakarta.inject.Named;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Shell;
import org.proxyscope.app.ui.internal.preferences.PreferencePages;

/** Window &gt; Preferences: the pages every installed plug-in contributes. */
public final class PreferencesHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IExtensionRegistry registry, IEclipseContext context) {
        PreferenceDialog dialog = new PreferenceDialog(shell, PreferencePages.fromRegistry(registry, context));
        dialog.create();
        dialog.getShell().setText("Preferences");
        dialog.open();
    }
}
