package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the databases a workspace can live in. Today only SQLite; the PostgreSQL server
 * that teams will share adds a second implementation here and nowhere else.
 */
interface Dialect {

    /** Statements that create the case search index over existing cases (schema version 2). */
    List<String> createCaseSearch();

    /** Brings one case's entry in the search index up to date, inside the caller's transaction. */
    void indexCase(Connection connection, String caseId, String searchableText) throws SQLException;

    /** A query returning the {@code case_id} of cases matching {@code ?}, best match first. */
    String searchCases();

    /** Turns what the analyst typed into the dialect's search syntax: every word must match, as a prefix. */
    String searchTerms(String typed);
}
