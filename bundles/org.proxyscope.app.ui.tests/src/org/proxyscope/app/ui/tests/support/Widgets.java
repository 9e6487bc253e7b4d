package org.proxyscope.app.ui.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.proxyscope.core.Workspace;

/** Finds and drives real SWT widgets in tests, the way a user would reach them. */
public final class Widgets {

    private Widgets() {
    }

    /** Runs the event loop until the condition holds, failing after the timeout. */
    public static void spinUntil(Display display, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { /* wakes the loop to re-check the condition */ });
                display.sleep();
            }
        }
    }

    /** A window whose one child fills it, as a part's composite fills its place in the workbench. */
    public static Shell partShell(Display display) {
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        return shell;
    }

    /** A context to make a part in, as the workbench makes it: the open workspace and the composite to draw in. */
    public static IEclipseContext partContext(Workspace workspace, Composite parent) {
        IEclipseContext context = EclipseContextFactory.create("test");
        context.set(Workspace.class, workspace);
        context.set(Composite.class, parent);
        return context;
    }

    public static <T extends Control> List<T> find(Composite root, Class<T> type, Predicate<T> matching) {
        List<T> found = new ArrayList<>();
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && matching.test(type.cast(child))) {
                found.add(type.cast(child));
            }
            if (child instanceof Composite composite) {
                found.addAll(find(composite, type, matching));
            }
        }
        return found;
    }

    public static <T extends Control> T one(Composite root, Class<T> type, Predicate<T> matching) {
        List<T> found = find(root, type, matching);
        if (found.size() != 1) {
            fail("Expected one " + type.getSimpleName() + " but found " + found.size());
        }
        return found.get(0);
    }

    public static Button button(Composite root, String text) {
        return one(root, Button.class, b -> b.getText().equals(text));
    }

    public static void click(Button button) {
        if ((button.getStyle() & (SWT.CHECK | SWT.RADIO | SWT.TOGGLE)) != 0) {
            button.setSelection(!button.getSelection());
        }
        button.notifyListeners(SWT.Selection, null);
    }

    /** All text the user can read in the tree: labels (a tooltip's too) and text fields. */
    public static String visibleText(Composite root) {
        StringBuilder all = new StringBuilder();
        find(root, Label.class, l -> true).forEach(l -> all.append(l.getText()).append('\n'));
        find(root, org.eclipse.swt.custom.CLabel.class, l -> true).forEach(l -> all.append(l.getText()).append('\n'));
        find(root, Text.class, t -> true).forEach(t -> all.append(t.getText()).append('\n'));
        return all.toString();
    }

    /**
     * Saves what {@code shell} shows as a PNG under {@code target/screenshots/}, after letting it paint, for
     * the developer to look at: a test proves the widgets work, the picture shows how they read.
     */
    public static void screenshot(Shell shell, String name) throws java.io.IOException {
        Display display = shell.getDisplay();
        long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < until) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        java.nio.file.Path file = java.nio.file.Path.of("target", "screenshots", name + ".png");
        java.nio.file.Files.createDirectories(file.getParent());
        org.eclipse.swt.graphics.Rectangle area = shell.getClientArea();
        org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(display, area.width, area.height);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            org.eclipse.swt.graphics.ImageLoader saver = new org.eclipse.swt.graphics.ImageLoader();
            saver.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            saver.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
