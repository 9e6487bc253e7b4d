package org.proxyscope.core;

import org.proxyscope.core.model.CaseId;

/** No case of that id in the workspace. */
public final class UnknownCaseException extends WorkspaceException {

    private static final long serialVersionUID = 1L;

    public UnknownCaseException(CaseId id, java.nio.file.Path workspace) {
        super("There is no case " + id + " in the workspace " + workspace);
    }
}
