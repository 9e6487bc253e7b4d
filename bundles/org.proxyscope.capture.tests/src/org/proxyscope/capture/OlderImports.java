package org.proxyscope.capture;

import java.sql.PreparedStatement;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;

/** Makes a case's imports look as an older version kept them, for tests of what a newer one does with them. */
public final class OlderImports {

    private OlderImports() {
    }

    /** As an import before capture schema 3: no listening sockets kept. */
    public static void withoutListeningSockets(Workspace workspace, CaseId id) throws WorkspaceException {
        workspace.store(CaptureRecords.SCHEMA).write(id, "forget the listening sockets of " + id, tx -> {
            try (PreparedStatement s = tx.connection().prepareStatement("DELETE FROM capture_listening WHERE case_id = ?")) {
                s.setString(1, id.toString());
                s.executeUpdate();
            }
            return null;
        });
    }
}
