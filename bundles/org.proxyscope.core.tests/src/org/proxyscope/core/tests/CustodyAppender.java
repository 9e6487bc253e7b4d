package org.proxyscope.core.tests;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;

/**
 * Run in child JVMs by {@link TeamConcurrencyTest}: one analyst appending custody entries to a case of a team
 * workspace, as fast as the server takes them. Arguments: the workspace, the case, the analyst, how many.
 */
public final class CustodyAppender {

    private CustodyAppender() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[3]);
        try (Workspace ws = Workspace.open(WorkspaceLocation.parse(args[0]), args[2], null)) {
            CaseId id = CaseId.parse(args[1]);
            for (int i = 1; i <= count; i++) {
                ws.record(id, CustodyAction.PROBE_RUN, args[2] + " entry " + i);
            }
        }
    }
}
