package org.proxyscope.app.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File &gt; Exit. */
public final class ExitHandler {

    @Execute
    void execute(IWorkbench workbench) {
        workbench.close();
    }
}
