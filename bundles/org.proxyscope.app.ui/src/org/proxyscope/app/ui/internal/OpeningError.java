package org.proxyscope.app.ui.internal;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * Why a dialog was opened again (a workspace that could not be opened), said as it opens. The title area shows
 * two lines of message: the dialog is widened, within the screen, until the message fits them. Set before the
 * dialog took its size, the message widened it to its whole length on one line; set after without this, a
 * third line was cut off.
 */
final class OpeningError {

    /** The error icon, its gap and the dialog's margins beside the message. */
    private static final int BESIDE = 80;

    private OpeningError() {
    }

    /** Says {@code message} in the opened (created) dialog's title area. */
    static void say(TitleAreaDialog dialog, String message) {
        Shell shell = dialog.getShell();
        GC gc = new GC(shell);
        int length;
        try {
            gc.setFont(JFaceResources.getDialogFont());
            length = gc.textExtent(message).x;
        } finally {
            gc.dispose();
        }
        // half the message a line, and a tenth more for the words the wrap moves down
        int wanted = length * 6 / 10 + BESIDE;
        Rectangle screen = shell.getMonitor().getClientArea();
        Rectangle bounds = shell.getBounds();
        int width = Math.min(Math.max(bounds.width, wanted), screen.width * 9 / 10);
        if (width > bounds.width) {
            int x = Math.max(screen.x, bounds.x - (width - bounds.width) / 2);
            shell.setBounds(x, bounds.y, width, bounds.height);
        }
        dialog.setErrorMessage(message);
    }
}
