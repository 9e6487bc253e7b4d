package org.proxyscope.app.ui.internal;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.proxyscope.app.ui.ProxyscopeModel;

/**
 * A part whose plug-in has declared it in its fragment but not built it yet. It shows the analyst what the
 * view will hold, taken from the part's persisted state, so one class serves every plug-in's placeholders.
 */
public final class PlaceholderPart {

    private Composite area;

    @PostConstruct
    void createControls(Composite parent, MPart part) {
        area = parent;
        GridLayoutFactory.swtDefaults().margins(12, 12).applyTo(parent);
        Label text = new Label(parent, SWT.WRAP);
        text.setText(part.getPersistedState().getOrDefault(ProxyscopeModel.PLACEHOLDER_TEXT, part.getLabel()));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(text);
    }

    @Focus
    void focus() {
        // a label cannot hold the focus; without a focus owner the window would ignore key bindings
        area.forceFocus();
    }
}
