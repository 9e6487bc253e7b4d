package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the databases a workspace can live in. Today only SQLite; the PostgreSQL server
 * that teams will share adds a second implementation here and nowhere else.
 */
public interface Dialect {

    /** Statements that create the case search index over existing cases (schema version 2). */
    List<String> createCaseSearch();

    /** Brings one case's entry in the search index up to date, inside the caller's transaction. */
    void indexCase(Connection connection, String caseId, String searchableText) throws SQLException;

    /** A query returning the {@code case_id} of cases matching {@code ?}, best match first. */
    String searchCases();

    /** Turns what the analyst typed into the dialect's search syntax: every word must match, as a prefix. */
    String searchTerms(String typed);

    /**
     * Statements that create the workspace-wide search index (schema version 5) and fill it with the cases
     * and evidence records already there.
     */
    List<String> createSearchIndex();

    /**
     * Writes to the workspace-wide index in the caller's transaction, its statements prepared once: an import
     * indexes tens of thousands of sessions, and preparing four statements for each took most of its time.
     */
    interface Indexer extends AutoCloseable {

        /** Puts one thing into the index, replacing what it said before. */
        void index(String caseId, String kind, String ref, String title, String body) throws SQLException;

        /** Takes one thing out of the index. */
        void unindex(String caseId, String kind, String ref) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** An indexer on {@code connection}, to close before the transaction ends. */
    Indexer indexer(Connection connection) throws SQLException;

    /** A query for the title the index holds for one thing; parameters: case id, kind, ref. */
    String indexedTitle();

    /**
     * A query for what the index holds of one case whose kind and ref begin as given, in the order indexed,
     * returning kind, ref and title; parameters: case id, kind prefix, ref prefix (both LIKE patterns), limit.
     */
    String indexedRecords();

    /**
     * A query for the id of the N-th most recently indexed match, counting from 0: where the ranked window of a
     * search begins; no row when fewer match. Parameters: the match expression, the case id when {@code oneCase},
     * then N.
     */
    String searchWindowStart(boolean oneCase);

    /**
     * A query over the workspace-wide index returning case_id, kind, ref, title and a snippet, best first, among
     * the matches indexed from a given id on; parameters: the match expression, then the case id when
     * {@code oneCase}, then the first id of the window, then the limit.
     */
    String searchIndex(boolean oneCase);

    /**
     * Turns a workspace search as the analyst typed it into the dialect's syntax: words (a trailing * makes a
     * prefix), "quoted phrases", AND, OR, NOT and parentheses; words in a row must all match.
     *
     * @throws IllegalArgumentException saying what is wrong with the query (an unbalanced quote, an operator
     *                                  without a word on each side)
     */
    String matchExpression(String typed);
}
