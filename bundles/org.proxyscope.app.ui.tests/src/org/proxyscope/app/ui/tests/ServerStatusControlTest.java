package org.proxyscope.app.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxyscope.app.ui.tests.support.Widgets.one;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.proxyscope.app.ui.internal.ServerStatusControl;
import org.proxyscope.app.ui.tests.support.Widgets;

/** The status bar's word on a team workspace's server, on a real display. */
class ServerStatusControlTest {

    private final Display display = Display.getDefault();
    private Shell shell;
    private ServerStatusControl control;

    @BeforeEach
    void openStatusBar() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        control = new ServerStatusControl();
        control.createControls(shell);
        shell.setSize(1100, 40);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    @Test
    void saysSinceWhenTheServerIsAwayAndNothingOnceItAnswers() throws Exception {
        assertEquals("", control.shown(), "nothing while the server answers");
        control.serverChanged("Connection to 127.0.0.1:25432 refused.");
        assertTrue(control.shown().startsWith("The team workspace's server does not answer since "), control.shown());
        assertTrue(control.shown().endsWith("; trying again every second. Actions wait for it 5 s, then fail without writing anything."),
                control.shown());
        Label label = one(shell, Label.class, l -> true);
        assertEquals("Connection to 127.0.0.1:25432 refused.", label.getToolTipText(), "what went wrong, when pointed at");
        assertTrue(label.getSize().x > 300, "it has room to be read");
        Widgets.screenshot(shell, "server-status");
        String first = control.shown();
        control.serverChanged("another failed attempt");
        assertEquals(first, control.shown(), "it keeps saying since when it was lost");
        control.serverChanged("");
        assertEquals("", control.shown(), "nothing once it answers again");
    }
}
