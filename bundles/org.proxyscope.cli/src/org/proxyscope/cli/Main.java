package org.proxyscope.cli;

import org.proxyscope.cli.internal.CommandLine;
import org.proxyscope.core.NetworkThreads;

/**
 * Entry point of the headless command line on a plain class path, which is how the launcher runs it:
 * without an OSGi framework a command starts in a fraction of the time, and analysts call it once per host.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty(NetworkThreads.PLATFORM, "true"); // see NetworkThreads: a quick exit
        System.exit(CommandLine.withBuiltInCommands().run(args, new CommandContext(System.out, System.err)));
    }
}
