package org.proxyscope.app.ui.tests;

import org.proxyscope.app.ui.internal.AboutDialog;
import org.proxyscope.app.ui.internal.LifeCycle;
import org.proxyscope.app.ui.tests.support.Widgets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.button;
import static org.proxyscope.app.ui.tests.support.Widgets.click;

import java.nio.file.Path;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.proxyscope.core.ProxyscopeVersion;

class AboutDialogTest {

    @Test
    void showsVersionBuildJavaAndWorkspace() {
        Display.getDefault();
        Path workspace = Path.of("/srv/abuse/proxyscope-workspace");
        AboutDialog dialog = new AboutDialog(null, workspace);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertEquals("About Proxyscope", dialog.getShell().getText());
            String shown = Widgets.visibleText(dialog.getShell());
            ProxyscopeVersion version = ProxyscopeVersion.current();
            assertTrue(shown.contains("Version:\n") && shown.contains(version.version() + "\n"), shown);
            assertTrue(shown.contains(version.build() + "\n"), shown);
            assertTrue(shown.contains(System.getProperty("java.version")), shown);
            assertTrue(shown.contains(workspace.toString()), shown);
            click(button(dialog.getShell(), IDialogConstants.CLOSE_LABEL));
            assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed());
        } finally {
            dialog.close();
        }
    }

    @Test
    void titleNamesTheWorkspace() {
        assertEquals("Proxyscope - /home/analyst/cases", LifeCycle.title(Path.of("/home/analyst/cases")));
    }
}
