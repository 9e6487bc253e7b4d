package org.proxyscope.cli.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.core.ProxyscopeVersion;

/** Parses {@code proxyscope [--version | --help | COMMAND ARGS...]} and runs the command. */
public final class CommandLine {

    private final Map<String, Command> commands = new TreeMap<>();

    public CommandLine(List<Command> commands) {
        for (Command command : commands) {
            Command clash = this.commands.putIfAbsent(command.name(), command);
            if (clash != null) {
                throw new IllegalStateException("Two commands are named " + command.name() + ": "
                        + clash.getClass().getName() + " and " + command.getClass().getName());
            }
        }
    }

    /** The commands shipped on the class path, each announced in META-INF/services. */
    public static CommandLine withBuiltInCommands() {
        return new CommandLine(ServiceLoader.load(Command.class, CommandLine.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** The names of the installed commands, in order. */
    public Set<String> commandNames() {
        return Collections.unmodifiableSet(commands.keySet());
    }

    /** Runs one command line and returns its exit status; never throws for bad input. */
    public int run(String[] args, CommandContext io) {
        if (args.length == 0) {
            return usage(io, "no command given");
        }
        String first = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (first) {
            case "--version", "-V", "version" -> {
                io.out().println(ProxyscopeVersion.current());
                return ExitCode.OK;
            }
            case "--help", "-h", "help" -> {
                return help(rest, io);
            }
            default -> {
                if (first.startsWith("-")) {
                    return usage(io, "unknown option '" + first + "'");
                }
                Optional<Command> command = Optional.ofNullable(commands.get(first));
                if (command.isEmpty()) {
                    return usage(io, "unknown command '" + first + "'");
                }
                if (asksForHelp(rest)) {
                    return help(List.of(first), io);
                }
                try {
                    return command.get().run(rest, io);
                } catch (UsageException e) {
                    io.err().println("proxyscope " + first + ": " + e.getMessage()
                            + " (see 'proxyscope help " + first + "')");
                    return ExitCode.USAGE;
                } catch (RuntimeException e) {
                    io.err().println("proxyscope " + first + ": failed unexpectedly: " + e);
                    return ExitCode.FAILURE;
                } catch (Exception e) {
                    io.err().println("proxyscope " + first + ": " + e.getMessage());
                    return ExitCode.FAILURE;
                }
            }
        }
    }

    /**
     * Whether a command's arguments ask for its help, as most command lines take it: {@code --help} anywhere
     * (typed at the end of a command that went wrong), or {@code -h} first.
     */
    private static boolean asksForHelp(List<String> args) {
        return args.contains("--help") || !args.isEmpty() && args.get(0).equals("-h");
    }

    private int help(List<String> rest, CommandContext io) {
        if (rest.isEmpty()) {
            io.out().print(overview());
            return ExitCode.OK;
        }
        Command command = commands.get(rest.get(0));
        if (command == null) {
            return usage(io, "no help for unknown command '" + rest.get(0) + "'");
        }
        io.out().println("Usage: proxyscope " + command.name() + " " + command.usage());
        io.out().println();
        io.out().println(command.summary());
        return ExitCode.OK;
    }

    private static int usage(CommandContext io, String problem) {
        io.err().println("proxyscope: " + problem + " (see 'proxyscope --help')");
        return ExitCode.USAGE;
    }

    String overview() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: proxyscope [-data WORKSPACE]         open the workbench\n");
        text.append("       proxyscope COMMAND [ARGUMENTS...]     run a command headless, without a display\n\n");
        text.append("Options:\n");
        text.append(String.format("  %-12s %s%n", "--version", "print the version and build, then exit"));
        text.append(String.format("  %-12s %s%n", "--help", "print this help, then exit"));
        text.append("\nCommands:\n");
        text.append(String.format("  %-12s %s%n", "help CMD", "explain one command"));
        commands.values().forEach(c -> text.append(String.format("  %-12s %s%n", c.name(), c.summary())));
        text.append("\nExit status: 0 done, 1 failed (the reason is on stderr), 2 wrong command line.\n");
        return text.toString();
    }
}
