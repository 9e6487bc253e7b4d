package org.proxyscope.app.ui.internal;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.osgi.service.event.Event;
import org.proxyscope.app.ui.ProxyscopeModel;

/**
 * One button per analyst perspective in the window's top trim, the selected one pressed. Pure e4 has no
 * perspective switcher (the IDE's lives in the 3.x layer), so this small one follows the perspective stack,
 * including perspectives that installed plug-ins add.
 */
public final class PerspectiveSwitcher {

    private ToolBar bar;
    private MPerspectiveStack stack;
    private EPartService parts;

    @PostConstruct
    void createControls(Composite parent, MWindow window, EModelService models, EPartService parts) {
        this.parts = parts;
        this.stack = models.findElements(window, ProxyscopeModel.PERSPECTIVE_STACK, MPerspectiveStack.class).stream()
                .findFirst().orElseThrow(() -> new IllegalStateException("The main window has no perspective stack"));
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new FillLayout());
        bar = new ToolBar(holder, SWT.FLAT | SWT.RIGHT);
        rebuild();
    }

    private void rebuild() {
        for (ToolItem item : bar.getItems()) {
            item.dispose();
        }
        for (MPerspective perspective : stack.getChildren()) {
            if (!perspective.isToBeRendered()) {
                continue;
            }
            ToolItem item = new ToolItem(bar, SWT.RADIO);
            item.setText(perspective.getLabel());
            item.setToolTipText(perspective.getTooltip());
            item.setData(perspective);
            item.setSelection(perspective == stack.getSelectedElement());
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection() && stack.getSelectedElement() != perspective) {
                    parts.switchPerspective(perspective);
                }
            });
        }
        bar.getParent().getParent().layout(true, true);
    }

    @Inject
    @Optional
    void selectionChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_SELECTEDELEMENT) Event event) {
        if (bar != null && !bar.isDisposed() && event.getProperty(UIEvents.EventTags.ELEMENT) == stack) {
            for (ToolItem item : bar.getItems()) {
                item.setSelection(item.getData() == stack.getSelectedElement());
            }
        }
    }

    @Inject
    @Optional
    void perspectivesChanged(@UIEventTopic(UIEvents.ElementContainer.TOPIC_CHILDREN) Event event) {
        if (bar != null && !bar.isDisposed() && event.getProperty(UIEvents.EventTags.ELEMENT) == stack) {
            rebuild();
        }
    }
}
