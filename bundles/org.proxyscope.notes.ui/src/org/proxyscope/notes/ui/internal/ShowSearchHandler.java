package org.proxyscope.notes.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Ctrl+H: the Search view in the perspective shown, opened at the bottom if it is not there yet, its field focused. */
public final class ShowSearchHandler {

    @Execute
    void execute(EPartService parts) {
        parts.showPart(SearchPart.ID, PartState.ACTIVATE);
    }
}
