package org.proxyscope.cli.internal.commands;

import java.util.List;
import java.util.Set;

import org.proxyscope.cli.Arguments;
import org.proxyscope.cli.Command;
import org.proxyscope.cli.CommandContext;
import org.proxyscope.cli.ExitCode;
import org.proxyscope.cli.UsageException;
import org.proxyscope.cli.WorkspaceArguments;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.Case;
import org.proxyscope.core.model.VerificationReport;

/**
 * {@code proxyscope workspace copy FROM TO}: a local workspace into a team one, or back, cases, evidence and
 * custody intact; every case of the copy is verified as {@code case verify} would.
 */
public final class WorkspaceCommand implements Command {

    @Override
    public String name() {
        return "workspace";
    }

    @Override
    public String summary() {
        return "copy a workspace into a new one: a local workspace into a team workspace, or back";
    }

    @Override
    public String usage() {
        return """
                copy FROM TO [--analyst NAME]
                  FROM, TO  a folder, or a team workspace: postgresql://USER@HOST:PORT/DB?evidence=DIR
                            (the password from PGPASSWORD or ~/.pgpass); TO must be new and empty
                Every case of the copy is verified afterwards: its evidence files against their SHA-256,
                its custody log as one unbroken chain. Exit status 1 when any is not intact.""";
    }

    @Override
    public int run(List<String> raw, CommandContext io) throws Exception {
        Arguments args = Arguments.parse(raw, Set.of("--analyst"), Set.of());
        List<String> words = args.positional("ACTION", "FROM", "TO");
        if (!words.get(0).equals("copy")) {
            throw new UsageException("unknown action '" + words.get(0) + "' (workspace copy FROM TO)");
        }
        WorkspaceLocation from = WorkspaceArguments.location(words.get(1));
        WorkspaceLocation to = WorkspaceArguments.location(words.get(2));
        if (from.equals(to)) {
            throw new UsageException("FROM and TO are the same workspace");
        }
        WorkspaceArguments.requireExisting(from);
        try (Workspace source = WorkspaceArguments.open(from, args); Workspace target = WorkspaceArguments.open(to, args)) {
            Workspace.CopyReport copied = source.copyTo(target, Progress.NONE);
            io.out().printf("Copied %s, %s, %,d records and %,d search entries from %s to %s%n", count(copied.cases(), "case"),
                    count(copied.evidenceFiles(), "evidence file"), copied.rows(), copied.indexEntries(), from, to);
            boolean intact = true;
            for (Case c : target.cases(true)) {
                VerificationReport report = target.verify(c.id(), Progress.NONE);
                io.out().printf("  %s: %s%n", c.id(), report.intact() ? "intact, " + report.evidenceChecked() + " evidence files and "
                        + report.custodyEntriesChecked() + " custody entries" : String.join("; ", report.problems()));
                intact &= report.intact();
            }
            return intact ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
