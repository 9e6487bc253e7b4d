package org.proxyscope.app.ui.internal;

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
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.WorkspaceLock;

/**
 * The workbench application: settles the workspace first, as the Eclipse IDE does, then runs the e4
 * workbench on it. Choosing before the workbench exists means no part ever sees a half-open workspace.
 */
public final class ProxyscopeApplication implements IApplication {

    /**
     * The installation's settings node (recent workspaces, how to choose one): named after the bundle as it was
     * called before it became org.proxyscope.app.ui, so that an analyst's settings carry over.
     */
    public static final String SETTINGS = "org.proxyscope.app";

    private final E4Application workbench = new E4Application();

    /** The workspace settled on before the workbench starts: a folder, locked to this window, or a team workspace, open. */
    private sealed interface Chosen {
    }

    private record Local(WorkspaceLock lock) implements Chosen {
    }

    private record Team(Workspace workspace) implements Chosen {
    }

    @Override
    public Object start(IApplicationContext context) throws Exception {
        Display.setAppName("Proxyscope");
        Location instance = Platform.getInstanceLocation();
        RecentWorkspaces recent = recentWorkspaces();
        Optional<String> teamAddress = teamArgument(context);
        Optional<Chosen> chosen = teamAddress.isPresent() ? openTeamGiven(teamAddress.get(), recent)
                : instance.isSet() ? openGiven(workspaceOf(instance), recent).map(Local::new) : choose(instance, recent);
        if (chosen.isEmpty()) {
            return EXIT_OK;
        }
        if (chosen.get() instanceof Team team) {
            // the workbench keeps its layout in a folder of this machine's, one per team workspace and window
            setInstance(instance, freeStateFolder(teamState(team.workspace().location())));
            return run(context, team.workspace());
        }
        try (WorkspaceLock held = ((Local) chosen.get()).lock()) {
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
            return run(context, workspace);
        }
    }

    /** Runs the workbench on an open workspace, and closes it after. */
    private Object run(IApplicationContext context, Workspace workspace) throws Exception {
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

    /** {@code -team ADDRESS} (the launcher's restart into a team workspace, or a desk's own start script). */
    private static Optional<String> teamArgument(IApplicationContext context) {
        if (context.getArguments().get(IApplicationContext.APPLICATION_ARGS) instanceof String[] args) {
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals(TEAM_ARGUMENT)) {
                    return Optional.of(args[i + 1]);
                }
            }
        }
        return Optional.empty();
    }

    /** The argument that starts the workbench on a team workspace. */
    public static final String TEAM_ARGUMENT = "-team";

    /**
     * {@code -team ADDRESS} was given: open it with the password kept in the secure storage, or PGPASSWORD's, or
     * ~/.pgpass's, or ask for it.
     */
    private static Optional<Chosen> openTeamGiven(String address, RecentWorkspaces recent) throws WorkspaceException {
        WorkspaceLocation.Team team;
        try {
            team = (WorkspaceLocation.Team) WorkspaceLocation.parse(address);
        } catch (IllegalArgumentException | ClassCastException e) {
            refuse(new WorkspaceException(address + " is not a team workspace's address: " + e.getMessage()));
            return Optional.empty();
        }
        try {
            return Optional.of(new Team(openTeam(team, null, recent)));
        } catch (WorkspaceException e) {
            // a password that is not kept anywhere yet, or a server away: the dialog says which, and takes it
            Display.getDefault();
            return askTeam(null, Optional.of(team), recent, e.getMessage()).map(Team::new);
        }
    }

    /** Opens a team workspace with the password typed, or else the one kept (then PGPASSWORD's, then ~/.pgpass's). */
    private static Workspace openTeam(WorkspaceLocation.Team team, String password, RecentWorkspaces recent) throws WorkspaceException {
        String given = password != null ? password : TeamPasswords.ofUser().kept(team).orElse(null);
        Workspace workspace = Workspace.open(team, System.getProperty("user.name"), given);
        recent.openedTeam(team.toString());
        return workspace;
    }

    /** The Team Workspace dialog, starting from {@code proposed} or the team workspace opened last. */
    public static Optional<Workspace> askTeam(org.eclipse.swt.widgets.Shell parent, Optional<WorkspaceLocation.Team> proposed,
            RecentWorkspaces recent) {
        return askTeam(parent, proposed, recent, null);
    }

    private static Optional<Workspace> askTeam(org.eclipse.swt.widgets.Shell parent, Optional<WorkspaceLocation.Team> proposed,
            RecentWorkspaces recent, String error) {
        Optional<WorkspaceLocation.Team> start = proposed.or(() -> recent.lastTeam().flatMap(ProxyscopeApplication::team));
        TeamWorkspaceDialog dialog = new TeamWorkspaceDialog(parent, start, (t, password) -> openTeam(t, password, recent),
                TeamPasswords.ofUser()).withError(error);
        return dialog.open() == Window.OK ? dialog.workspace() : Optional.empty();
    }

    /**
     * {@code base}, or when another window on this machine holds it (two windows on one team workspace are
     * allowed, unlike a folder), {@code base-2}, {@code base-3}, ...: the first whose lock the workbench can take.
     */
    private static Path freeStateFolder(Path base) throws IOException {
        for (int n = 1; ; n++) {
            Path candidate = n == 1 ? base : base.resolveSibling(base.getFileName() + "-" + n);
            Path lockFile = java.nio.file.Files.createDirectories(candidate.resolve(".metadata")).resolve(".lock");
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock held = channel.tryLock()) {
                if (held != null) {
                    return candidate; // released at once: the workbench takes it as it starts
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                // held in this process: not free either
            }
        }
    }

    private static Optional<WorkspaceLocation.Team> team(String address) {
        try {
            return WorkspaceLocation.parse(address) instanceof WorkspaceLocation.Team t ? Optional.of(t) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Where the workbench keeps its own state for a team workspace: a folder of this machine's, named by the address. */
    static Path teamState(WorkspaceLocation location) {
        String home = System.getenv("XDG_STATE_HOME");
        Path state = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".local", "state");
        return state.resolve("proxyscope").resolve("team").resolve(location.toString().replaceAll("[^A-Za-z0-9._-]", "_"));
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
        return new RecentWorkspaces(ConfigurationScope.INSTANCE.getNode(SETTINGS));
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

    private static Optional<Chosen> choose(Location instance, RecentWorkspaces recent) throws IOException {
        String error = null;
        Optional<Path> remembered = recent.openWithoutAsking();
        if (remembered.isPresent()) {
            try {
                return Optional.of(new Local(setInstance(instance, WorkspaceLock.acquire(remembered.get()))));
            } catch (WorkspaceException e) {
                error = e.getMessage(); // fall back to asking, and say why
            }
        }
        Path proposed = recent.list().stream().findFirst().orElse(WorkspaceFolder.defaultLocation());
        Display.getDefault(); // JFace dialogs need the display to exist already
        WorkspaceChooserDialog dialog = new WorkspaceChooserDialog(null, recent.list(), proposed, WorkspaceLock::acquire,
                error, true, parent -> askTeam(parent, Optional.empty(), recent));
        if (dialog.open() != Window.OK) {
            return Optional.empty();
        }
        if (dialog.team().isPresent()) {
            return Optional.of(new Team(dialog.team().get()));
        }
        WorkspaceLock lock = dialog.lock().orElseThrow();
        remember(recent, lock.workspace(), dialog.askNextTime());
        return Optional.of(new Local(setInstance(instance, lock)));
    }

    private static void refuse(WorkspaceException e) {
        Display.getDefault(); // JFace dialogs need the display to exist already
        MessageDialog.openError(null, "Workspace cannot be opened", e.getMessage());
    }

    private static WorkspaceLock setInstance(Location instance, WorkspaceLock lock) throws IOException {
        setInstance(instance, lock.workspace());
        return lock;
    }

    @SuppressWarnings("deprecation") // the URL constructor keeps the path unencoded, as Eclipse locations expect
    private static void setInstance(Location instance, Path folder) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        instance.set(new URL("file", null, folder.toString() + File.separator), false);
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
