package org.proxyscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.CaseId;

/** What every command working on a workspace shares: {@code --workspace}, {@code --analyst}, and case ids. */
public final class WorkspaceArguments {

    public static final Set<String> VALUED = Set.of("--workspace", "--analyst");
    public static final String USAGE = "[--workspace DIR|postgresql://USER@HOST:PORT/DB?evidence=DIR] [--analyst NAME]";

    private WorkspaceArguments() {
    }

    /**
     * The workspace named by --workspace, or the workbench's default, which must exist: a mistyped folder is
     * refused, not made an empty workspace that then says it has no such case. A team workspace's password
     * comes from PGPASSWORD or ~/.pgpass, as for PostgreSQL's own tools.
     */
    public static Workspace open(Arguments args) throws WorkspaceException, UsageException {
        WorkspaceLocation location = location(args);
        requireExisting(location);
        return open(location, args);
    }

    /** The workspace named by --workspace, or the workbench's default; created when absent (a first case). */
    public static Workspace openOrCreate(Arguments args) throws WorkspaceException, UsageException {
        return open(location(args), args);
    }

    /** Refuses a folder that holds no workspace (a team workspace's server says for itself). */
    public static void requireExisting(WorkspaceLocation location) throws WorkspaceException {
        if (location instanceof WorkspaceLocation.Folder f && !Files.isDirectory(f.folder().resolve(WorkspaceFolder.METADATA))) {
            throw new WorkspaceException("There is no workspace at " + f.folder() + (Files.isDirectory(f.folder())
                    ? ": the folder has no " + WorkspaceFolder.METADATA + " folder" : ": no such folder")
                    + ". 'proxyscope case new --workspace " + f.folder() + "' makes one.");
        }
    }

    /**
     * The workspace at {@code location}, created when absent, opened as the analyst --analyst,
     * PROXYSCOPE_ANALYST or the login names.
     */
    public static Workspace open(WorkspaceLocation location, Arguments args) throws WorkspaceException {
        String analyst = args.option("--analyst").or(() -> java.util.Optional.ofNullable(System.getenv("PROXYSCOPE_ANALYST")))
                .filter(a -> !a.isBlank()).orElse(System.getProperty("user.name"));
        return Workspace.open(location, analyst, null);
    }

    /** Where the workspace named by --workspace is, or the workbench's default; nothing is opened or created. */
    public static WorkspaceLocation location(Arguments args) throws WorkspaceException, UsageException {
        if (args.option("--workspace").isEmpty()) {
            return new WorkspaceLocation.Folder(WorkspaceFolder.defaultLocation());
        }
        return location(args.option("--workspace").get());
    }

    /** A workspace as typed: a team workspace's address, or a folder. */
    public static WorkspaceLocation location(String typed) throws WorkspaceException, UsageException {
        if (typed.regionMatches(true, 0, WorkspaceLocation.TEAM_SCHEME, 0, WorkspaceLocation.TEAM_SCHEME.length())) {
            try {
                return WorkspaceLocation.parse(typed);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new WorkspaceLocation.Folder(WorkspaceFolder.resolve(typed));
    }

    /**
     * The folder of the workspace named by --workspace (a team workspace's shared evidence folder), or of the
     * workbench's default; nothing is opened or created.
     */
    public static Path folder(Arguments args) throws WorkspaceException, UsageException {
        return switch (location(args)) {
            case WorkspaceLocation.Folder f -> f.folder();
            case WorkspaceLocation.Team t -> t.evidence();
        };
    }

    public static CaseId caseId(String text) throws UsageException {
        try {
            return CaseId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** An evidence number as the analyst writes it: "3" or "#3". */
    public static int evidenceNumber(String text) throws UsageException {
        try {
            return Integer.parseInt(text.replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("\"" + text + "\" is not an evidence number");
        }
    }

    public static Set<String> with(Set<String> more) {
        java.util.Set<String> all = new java.util.HashSet<>(VALUED);
        all.addAll(more);
        return all;
    }
}
