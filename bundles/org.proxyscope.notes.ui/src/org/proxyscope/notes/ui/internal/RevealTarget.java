package org.proxyscope.notes.ui.internal;

import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.proxyscope.app.ui.Reveal;

/** What the Search and Timeline views need to open what a row names: the window's services, when there are any. */
final class RevealTarget {

    @Inject
    @Optional
    MApplication application;
    @Inject
    @Optional
    EModelService models;
    @Inject
    @Optional
    EPartService parts;
    @Inject
    @Optional
    IEventBroker broker;

    void show(Reveal reveal) {
        if (application != null) {
            reveal.show(application, models, parts, broker);
        }
    }
}
