package org.proxyscope.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.proxyscope.core.WorkspaceException;
import org.proxyscope.core.model.CaseId;

/**
 * A plug-in's access to its own tables in the workspace database (see {@link StoreSchema}). Every write
 * belongs to a case and commits in one transaction with its custody entry.
 */
public interface WorkspaceStore {

    /** Work on the database connection that may fail with a database or workspace error. */
    @FunctionalInterface
    interface Work<T, C> {
        T run(C context) throws SQLException, WorkspaceException;
    }

    /**
     * Reads with a consistent snapshot.
     *
     * @param what what is being read, for the error message ("read the probe runs of PX-2026-0001")
     */
    <T> T read(String what, Work<T, Connection> work) throws WorkspaceException;

    /**
     * Writes to one case in one transaction, together with the custody entries the work appends.
     *
     * @throws org.proxyscope.core.UnknownCaseException when the case does not exist; nothing is written
     */
    <T> T write(CaseId id, String what, Work<T, CaseTransaction> work) throws WorkspaceException;

    /**
     * Makes many records' search entries ready for {@link CaseTransaction#index(String, SearchBatch)}, their refs
     * distinct. Touches no database, so it may run on a thread of its own before or while the transaction runs (a
     * capture's sessions are made into entries while their rows are written).
     */
    SearchBatch searchBatch(List<SearchEntry> entries);
}
