package org.proxyscope.plugins.internal.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.OperationCanceledException;
import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.plugins.Installation;
import org.proxyscope.plugins.internal.p2.P2Installer;
import org.proxyscope.plugins.internal.p2.P2Progress;

/**
 * A command that works on the installation with p2. The fast command line and the workbench run without p2, so
 * there the command checks its arguments and runs itself again in the installer process of the same installation
 * (see {@link Installation}); there p2 does the work. An interrupt (Ctrl+C, or the workbench's Cancel) cancels p2's
 * work, which then rolls back, and the process ends when the installation is as it was.
 */
abstract class InstallerCommand implements Command {

    /** The arguments' form; a wrong one is said before any process starts. */
    abstract Arguments parse(List<String> args) throws UsageException;

    /** Whether the command, with these arguments, changes the installation, which must then be writable by whoever runs it. */
    boolean changesInstallation(Arguments args) {
        return false;
    }

    /** Does the work with p2, in the installer process. */
    abstract int work(Arguments args, P2Installer p2, P2Progress progress, CommandContext io) throws Exception;

    @Override
    public final int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = parse(raw);
        if (!inInstaller()) {
            Installation installation = Installation.current();
            if (changesInstallation(args)) {
                installation.checkWritable(); // said here: without write permission, the installer's runtime would not even start
            }
            Process child = installation.startInstaller(name(), raw, true);
            Thread waiter = new Thread(() -> waitQuietly(child));
            Runtime.getRuntime().addShutdownHook(waiter); // Ctrl+C reaches both: wait while the child rolls back
            int status = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(waiter);
            return status;
        }
        return InProcess.run(this, args, io);
    }

    /**
     * The installer process's half, a class of its own: the fast command line loads the commands without p2 and
     * Equinox's runtime classes, so nothing that names them may be in the command's own code.
     */
    private static final class InProcess {

        static int run(InstallerCommand command, Arguments args, CommandContext io) throws Exception {
            if (command.changesInstallation(args)) {
                Installation.current().checkWritable(); // again: the installer may have been started directly
            }
            P2Progress monitor = new P2Progress(args.flag("--progress") ? io.err() : null);
            Thread canceller = new Thread(monitor::cancelAndWait);
            Runtime.getRuntime().addShutdownHook(canceller);
            try (P2Installer p2 = P2Installer.open()) {
                return command.work(args, p2, monitor, io);
            } catch (OperationCanceledException e) {
                io.err().println("Cancelled: the installation is as it was");
                return ExitCode.FAILURE;
            } finally {
                monitor.finished();
                try {
                    Runtime.getRuntime().removeShutdownHook(canceller);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook is waiting for this
                }
            }
        }
    }

    private static void waitQuietly(Process child) {
        try {
            child.waitFor(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether p2 runs in this process (the installer); not on the plain class path, not in the workbench. */
    static boolean inInstaller() {
        try {
            Class.forName("org.eclipse.equinox.p2.operations.ProvisioningSession", false, InstallerCommand.class.getClassLoader());
            return P2Installer.available();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The update site of {@code --repository}, when given. */
    static Optional<URI> repositoryOption(Arguments args) throws UsageException {
        return args.option("--repository").isPresent() ? Optional.of(repository(args.option("--repository").get())) : Optional.empty();
    }

    /**
     * An update site as the analyst names it: {@code http(s)://} or {@code file:} URLs, a folder, or a zipped
     * site ({@code site.zip}, read by p2 through a {@code jar:} URL).
     */
    static URI repository(String text) throws UsageException {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("jar:")) {
                return new URI(s);
            }
            Path path = lower.startsWith("file:") ? Path.of(new URI(s)) : Path.of(s).toAbsolutePath();
            if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return new URI("jar:" + path.normalize().toUri() + "!/");
            }
            if (!Files.isDirectory(path)) {
                throw new UsageException("--repository: " + path + " is neither a folder nor a zipped update site");
            }
            return path.normalize().toUri();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new UsageException("--repository: \"" + s + "\" is not an update site's URL (http://, https://, file:) or path");
        }
    }
}
