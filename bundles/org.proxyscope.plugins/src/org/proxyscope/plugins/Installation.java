package org.proxyscope.plugins;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The installed product this code runs from, and its installer. Commands and the workbench start without p2, for
 * speed; installing, removing and listing plug-ins runs p2 in a child process of the same installation
 * ({@code proxyscope -application org.proxyscope.cli.application COMMAND ...}), as the p2 director would, and p2
 * works there on the installation's own configuration.
 */
public final class Installation {

    /** The OSGi application that runs the command line inside the installation's own runtime, p2 included. */
    public static final String INSTALLER_APPLICATION = "org.proxyscope.cli.application";

    private final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** The launcher, {@code HOME/proxyscope}. */
    public Path launcher() {
        return home.resolve("proxyscope");
    }

    /**
     * The installation this code was loaded from: the folder above {@code plugins/}, as the OSGi runtime names it
     * ({@code osgi.install.area}) or as the jar's own place says on the command line's plain class path.
     *
     * @throws PluginException when this code does not run from an installed product (a build, a test runtime)
     */
    public static Installation current() throws PluginException {
        Optional<Path> home = fromProperty(System.getProperty("osgi.install.area")).or(Installation::fromJar);
        if (home.isEmpty() || !Files.isExecutable(home.get().resolve("proxyscope"))
                || !Files.isDirectory(home.get().resolve("configuration"))) {
            throw new PluginException("Plug-ins are managed in an installed product, and this runs from "
                    + home.map(Path::toString).orElse("no installation") + ", which has no launcher 'proxyscope' and 'configuration' folder");
        }
        return new Installation(home.get());
    }

    private static Optional<Path> fromProperty(String area) {
        if (area == null || area.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(new URI(area.replace(" ", "%20"))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> fromJar() {
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path plugins = jar.getParent();
            return plugins != null && plugins.getFileName().toString().equals("plugins") ? Optional.of(plugins.getParent())
                    : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this process can change the installation: its folders for plug-ins, features, configuration and p2's
     * records must be writable.
     *
     * @throws PluginException naming the first folder that is not
     */
    public void checkWritable() throws PluginException {
        for (String folder : List.of("plugins", "features", "configuration", "p2")) {
            Path path = home.resolve(folder);
            if (!Files.isWritable(path)) {
                throw new PluginException("No permission to change the installation in " + home + ": " + path
                        + " is not writable; run this as the user who installed Proxyscope");
            }
        }
    }

    /** The installer's log: {@code STATE/proxyscope/installer.log}, its folder made when missing. */
    private static String log(String state) {
        Path folder = Path.of(state, "proxyscope");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            // Equinox then logs where it can; the install itself does not need the log
        }
        return folder.resolve("installer.log").toString();
    }

    /**
     * Starts {@code command args} in the installer process. The caller reads its output or lets it through.
     *
     * @param inherit whether the child writes to this process's own output and error streams
     */
    public Process startInstaller(String command, List<String> args, boolean inherit) throws PluginException {
        List<String> line = new ArrayList<>(List.of(launcher().toString(), "-application", INSTALLER_APPLICATION, command));
        line.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().remove("DISPLAY"); // headless: the installer never opens a window
        // Equinox would leave a log file per run in the installation's configuration folder; one log, beside the
        // workbench's state, says what p2 did and why a change failed
        String state = Optional.ofNullable(System.getenv("XDG_STATE_HOME")).filter(s -> !s.isBlank())
                .orElse(System.getProperty("user.home") + "/.local/state");
        String options = Optional.ofNullable(System.getenv("PROXYSCOPE_JAVA_OPTS")).orElse("");
        builder.environment().put("PROXYSCOPE_JAVA_OPTS", (options + " -Dosgi.logfile=" + log(state)).strip());
        if (inherit) {
            builder.inheritIO();
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new PluginException("Cannot start the installer " + launcher() + ": " + e.getMessage(), e);
        }
    }
}
