package org.proxyscope.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;

/**
 * The command line as an Equinox application, for use inside an OSGi runtime. There a bundle sees only the
 * classes it imports, so {@link java.util.ServiceLoader} would find this bundle's commands alone; the
 * commands are read from every installed bundle's {@code META-INF/services} entry instead, the same
 * announcements the plain class path of the fast launcher uses.
 */
public final class CliApplication implements IApplication {

    private static final String SERVICES = "META-INF/services/" + Command.class.getName();

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        BundleContext bundles = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        return new CommandLine(commandsOf(bundles.getBundles())).run(args, new CommandContext(System.out, System.err));
    }

    /** The commands the given bundles announce, each loaded through its own bundle. */
    public static List<Command> commandsOf(Bundle[] bundles) throws IOException, ReflectiveOperationException {
        List<Command> commands = new ArrayList<>();
        for (Bundle bundle : bundles) {
            URL entry = bundle.getEntry(SERVICES);
            if (entry == null || bundle.getState() == Bundle.UNINSTALLED || bundle.getState() == Bundle.INSTALLED) {
                continue; // an unresolved bundle cannot load its classes
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(entry.openStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String name = line.replaceFirst("#.*", "").strip();
                    if (!name.isEmpty()) {
                        commands.add((Command) bundle.loadClass(name).getConstructor().newInstance());
                    }
                }
            }
        }
        return commands;
    }

    @Override
    public void stop() {
        // commands are short and run to completion
    }
}
