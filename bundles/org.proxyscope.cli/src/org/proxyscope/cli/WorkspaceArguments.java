package org.proxyscope.cli;

import java.nio.file.Path;
import java.util.Set;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.WorkspaceFolder;
import org.proxyscope.core.model.CaseId;

/** What every command working on a workspace shares: {@code --workspace}, {@code --analyst}, and case ids. */
public final class WorkspaceArguments {

    public static final Set<String> VALUED = Set.of("--workspace", "--analyst");
    public static final String USAGE = "[--workspace DIR] [--analyst NAME]";

    private WorkspaceArguments() {
    }

    /** The workspace named by --workspace, or the workbench's default; created when absent. */
    public static Workspace open(Arguments args) throws WorkspaceException {
        Path folder = folder(args);
        String analyst = args.option("--analyst").or(() -> java.util.Optional.ofNullable(System.getenv("PROXYSCOPE_ANALYST")))
                .filter(a -> !a.isBlank()).orElse(System.getProperty("user.name"));
        return Workspace.open(folder, analyst);
    }

    /** The folder of the workspace named by --workspace, or of the workbench's default; nothing is opened or created. */
    public static Path folder(Arguments args) throws WorkspaceException {
        return args.option("--workspace").isPresent() ? WorkspaceFolder.resolve(args.option("--workspace").get())
                : WorkspaceFolder.defaultLocation();
    }

    public static CaseId caseId(String text) throws UsageException {
        try {
            return CaseId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public static Set<String> with(Set<String> more) {
        java.util.Set<String> all = new java.util.HashSet<>(VALUED);
        all.addAll(more);
        return all;
    }
}
