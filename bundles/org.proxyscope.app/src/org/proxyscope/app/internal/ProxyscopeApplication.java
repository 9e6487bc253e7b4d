package org.proxyscope.app.internal;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.WorkspaceLock;

/**
 * The workbench application: settles the workspace first, as the Eclipse IDE does, then runs the e4
 * workbench on it. Choosing before the workbench exists means no part ever sees a half-open workspace.
 */
public final class ProxyscopeApplication implements IApplication {

    static final String BUNDLE = "org.proxyscope.app";

    private final E4Application workbench = new E4Application();

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Display.setAppName("Proxyscope");
        Location instance = Platform.getInstanceLocation();
        RecentWorkspaces recent = recentWorkspaces();
        Optional<WorkspaceLock> lock = instance.isSet() ? openGiven(workspaceOf(instance), recent)
                : choose(instance, recent);
        if (lock.isEmpty()) {
            return EXIT_OK;
        }
        try (WorkspaceLock held = lock.get()) {
            FutureTask<Workspace> opening = new FutureTask<>(() -> Workspace.open(held.workspace(), System.getProperty("user.name")));
            Thread.ofPlatform().name("Workspace opening").daemon().start(opening);
            // the database opens while GTK starts (about 0.2 s each); the workbench reuses this display
            Display.getDefault();
            Workspace workspace;
            try {
                workspace = opened(opening);
            } catch (WorkspaceException e) {
                refuse(e);
                return EXIT_OK;
            }
            // as an OSGi service, the workspace reaches every part and handler by injection
            BundleContext bundle = FrameworkUtil.getBundle(getClass()).getBundleContext();
            ServiceRegistration<Workspace> registration = bundle.registerService(Workspace.class, workspace, null);
            try {
                return workbench.start(context);
            } finally {
                registration.unregister();
                workspace.close();
            }
        }
    }

    private static Workspace opened(FutureTask<Workspace> opening) throws WorkspaceException, InterruptedException {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkspaceException cause) {
                throw cause;
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void stop() {
        workbench.stop();
    }

    public static RecentWorkspaces recentWorkspaces() {
        return new RecentWorkspaces(ConfigurationScope.INSTANCE.getNode(BUNDLE));
    }

    /** The folder of an instance location that has been set. */
    public static Path workspaceOf(Location instance) {
        return new File(instance.getURL().getFile()).toPath().toAbsolutePath().normalize();
    }

    /** {@code -data DIR} was given: open exactly that, or say why not and stop. */
    private static Optional<WorkspaceLock> openGiven(Path workspace, RecentWorkspaces recent) {
        try {
            WorkspaceLock lock = WorkspaceLock.acquire(workspace);
            remember(recent, workspace, recent.askOnStartup());
            return Optional.of(lock);
        } catch (WorkspaceException e) {
            refuse(e);
            return Optional.empty();
        }
    }

    private static Optional<WorkspaceLock> choose(Location instance, RecentWorkspaces recent) throws IOException {
        String error = null;
        Optional<Path> remembered = recent.openWithoutAsking();
        if (remembered.isPresent()) {
            try {
                return Optional.of(setInstance(instance, WorkspaceLock.acquire(remembered.get())));
            } catch (WorkspaceException e) {
                error = e.getMessage(); // fall back to asking, and say why
            }
        }
        Path proposed = recent.list().stream().findFirst().orElse(WorkspaceFolder.defaultLocation());
        Display.getDefault(); // JFace dialogs need the display to exist already
        WorkspaceChooserDialog dialog = new WorkspaceChooserDialog(null, recent.list(), proposed, WorkspaceLock::acquire,
                error, true);
        if (dialog.open() != Window.OK) {
            return Optional.empty();
        }
        WorkspaceLock lock = dialog.lock().orElseThrow();
        remember(recent, lock.workspace(), dialog.askNextTime());
        return Optional.of(setInstance(instance, lock));
    }

    private static void refuse(WorkspaceException e) {
        Display.getDefault(); // JFace dialogs need the display to exist already
        MessageDialog.openError(null, "Workspace cannot be opened", e.getMessage());
    }

    @SuppressWarnings("deprecation") // the URL constructor keeps the path unencoded, as Eclipse locations expect
    private static WorkspaceLock setInstance(Location instance, WorkspaceLock lock) throws IOException {
        instance.set(new URL("file", null, lock.workspace().toString() + File.separator), false);
        return lock;
    }

    private static void remember(RecentWorkspaces recent, Path workspace, boolean askNextTime) {
        try {
            recent.opened(workspace, askNextTime);
        } catch (BackingStoreException e) {
            // the list of recent workspaces is a convenience; losing it must not stop the analyst
            Platform.getLog(ProxyscopeApplication.class).warn("Cannot save the list of recent workspaces", e);
        }
    }
}
