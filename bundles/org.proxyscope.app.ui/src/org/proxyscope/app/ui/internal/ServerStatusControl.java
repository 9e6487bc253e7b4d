package org.proxyscope.app.ui.internal;

import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.proxyscope.app.ui.CaseEvents;
import org.proxyscope.app.ui.UtcTime;

/**
 * The status bar's word on a team workspace's server: nothing while it answers; when it is lost, since when and
 * that it is tried again every second, in the error colour, until it answers again.
 */
public final class ServerStatusControl {

    private Composite area;
    private Label text;

    @PostConstruct
    public void createControls(Composite parent) {
        area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 2).applyTo(area);
        text = new Label(area, SWT.NONE);
        text.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().hint(0, SWT.DEFAULT).applyTo(text);
    }

    @Inject
    @Optional
    public void serverChanged(@UIEventTopic(CaseEvents.SERVER) String problem) {
        if (text == null || text.isDisposed()) {
            return;
        }
        if (problem.isEmpty()) {
            text.setText("");
            text.setToolTipText(null);
        } else if (text.getText().isEmpty()) {
            text.setText("The team workspace's server does not answer since " + UtcTime.seconds(Instant.now())
                    + "; trying again every second. Actions wait for it " + LifeCycle.SERVER_PATIENCE.toSeconds() + " s, then fail"
                    + " without writing anything.");
            text.setToolTipText(problem);
        }
        GridDataFactory.fillDefaults().hint(text.getText().isEmpty() ? 0 : SWT.DEFAULT, SWT.DEFAULT).applyTo(text);
        // the trim bar and the window around it make room: laying out the label's ancestors, as SWT does it
        text.getShell().layout(new org.eclipse.swt.widgets.Control[] { text });
    }

    /** What the status bar says about the server now; empty while it answers. */
    public String shown() {
        return text.getText();
    }
}
