package org.proxyscope.cli;

import java.util.List;

/**
 * One verb of {@code proxyscope <command> ...}. Each plug-in area adds its own (case, probe, import).
 * A command writes results to {@link CommandContext#out()}, diagnostics to {@link CommandContext#err()}
 * and reports wrong arguments by throwing {@link UsageException}, so every command shares one exit-code rule.
 */
public interface Command {

    /** The word typed after {@code proxyscope}, e.g. {@code probe}. */
    String name();

    /** One line for {@code proxyscope --help}. */
    String summary();

    /** Arguments and options, shown by {@code proxyscope help <command>}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return {@link ExitCode#OK} or {@link ExitCode#FAILURE}
     * @throws UsageException when the arguments are wrong (exit status 2)
     * @throws Exception      when the command fails; its message, which must say what and where, is shown (exit 1)
     */
    int run(List<String> args, CommandContext context) throws Exception;
}
