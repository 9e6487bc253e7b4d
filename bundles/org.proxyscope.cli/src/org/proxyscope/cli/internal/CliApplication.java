package org.proxyscope.cli.internal;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.proxyscope.cli.CommandContext;

/** The command line as an Equinox application, for use inside an OSGi runtime. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        return CommandLine.withBuiltInCommands().run(args, new CommandContext(System.out, System.err));
    }

    @Override
    public void stop() {
        // commands are short and run to completion
    }
}
