package org.proxyscope.core;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another Proxyscope window holds the workspace. */
public final class WorkspaceLockedException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    private final transient Path workspace;
    private final long holderPid;

    public WorkspaceLockedException(Path workspace, OptionalLong holderPid) {
        super("The workspace " + workspace + " is already open in another Proxyscope window"
                + (holderPid.isPresent() ? " (process " + holderPid.getAsLong() + ")" : "")
                + ". Close that window or choose a different workspace.");
        this.workspace = workspace;
        this.holderPid = holderPid.orElse(-1);
    }

    public Path workspace() {
        return workspace;
    }

    /** The process id written by the holder, when it could be read. */
    public OptionalLong holderPid() {
        return holderPid < 0 ? OptionalLong.empty() : OptionalLong.of(holderPid);
    }
}
