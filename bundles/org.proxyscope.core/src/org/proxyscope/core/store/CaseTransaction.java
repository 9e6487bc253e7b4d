package org.proxyscope.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.CustodyEntry;

/**
 * A write to one case in progress: a plug-in's rows and the custody entry that records them commit
 * together, or neither does.
 */
public interface CaseTransaction {

    Connection connection();

    CaseId caseId();

    /** When the action happens (UTC); the same instant for every row and the custody entry. */
    Instant now();

    /** Who acts: the workspace's analyst. */
    String analyst();

    /** Appends an entry to the case's custody log, chained to the one before. */
    CustodyEntry custody(CustodyAction action, String details) throws SQLException;

    /**
     * Puts one of the plug-in's records into the workspace-wide search, replacing what it said before; it is
     * found at once, and never after a rollback.
     *
     * @param kind  what it is ({@code note}, {@code finding}, {@code session}, ...)
     * @param ref   which one within the case, as the plug-in names it
     */
    void index(String kind, String ref, String title, String body) throws SQLException;

    /**
     * Puts many records of one kind, their refs distinct, into the workspace-wide search, in their order, as
     * {@link #index} does for each; where the database allows, in a few statements rather than several per record
     * (a capture's thousands of sessions).
     */
    void index(String kind, List<SearchEntry> entries) throws SQLException;

    /** Puts entries made ready ahead ({@link WorkspaceStore#searchBatch}) into the search, as {@link #index(String, List)} does. */
    void index(String kind, SearchBatch batch) throws SQLException;

    /** Takes a record out of the workspace-wide search (a deleted note). */
    void unindex(String kind, String ref) throws SQLException;
}
