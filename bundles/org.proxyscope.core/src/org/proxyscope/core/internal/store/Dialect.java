package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.proxyscope.core.store.SearchEntry;

/**
 * What differs between the databases a workspace can live in: SQLite in the workspace folder, or the
 * PostgreSQL server a desk shares (a team workspace). Everything else is the same SQL.
 */
public interface Dialect {

    /**
     * A schema statement as this database reads it. Schemas are written once, in the SQL both read: PostgreSQL's
     * INTEGER has 32 bits where SQLite's has 64 (sizes, offsets and times in nanoseconds need them).
     */
    String ddl(String statement);

    /** Makes what a server's database keeps beside the schema (its version and commit tables), in a transaction. */
    void prepare(Connection connection) throws SQLException;

    /** Whether the error is the connection's loss (a server restarted or out of reach), after which it is made again. */
    boolean connectionLost(SQLException e);

    /** Marks the transaction with a token, so that a commit whose answer was lost can be found. */
    void markCommit(Connection connection, String token) throws SQLException;

    /** Whether the transaction marked with {@code token} was committed. */
    boolean committed(Connection connection, String token) throws SQLException;

    /**
     * Records the statements of a plug-in's migration as written (before {@link #ddl}), where the database does not
     * keep its tables' definitions itself: a copy of the workspace makes the plug-ins' tables again from them.
     */
    void recordSchema(Connection connection, List<String> statements) throws SQLException;

    /**
     * The statements that make the plug-ins' tables and indexes as they are now, in the order they were made,
     * as the schemas write them (SQLite's SQL): SQLite keeps each table's current definition, a server the
     * statements {@link #recordSchema} recorded.
     */
    List<String> pluginSchema(Connection connection) throws SQLException;

    /** A query for the workspace-wide index's entries in the order they were indexed: case_id, kind, ref, title, body. */
    String indexEntries();

    /** The schema version of the core's tables, 0 in a new database. */
    int schemaVersion(Connection connection) throws SQLException;

    /** Records the core's schema version, in the migration's transaction. */
    void setSchemaVersion(Connection connection, int version) throws SQLException;

    /**
     * Makes the caller's transaction the only one migrating until it ends: SQLite's write transactions are one
     * at a time already; on a server, two analysts' workbenches may open a new database at once.
     */
    void lockSchema(Connection connection) throws SQLException;

    /**
     * Makes the caller's transaction the only one numbering a new case of the year until it ends, so that two
     * analysts opening a case at once get two numbers.
     */
    void lockCaseNumbering(Connection connection) throws SQLException;

    /**
     * What a SELECT of one case's row ends with to keep that row to the caller's transaction until it ends:
     * appends to a case's custody chain, by several analysts at once, then follow one another and the chain
     * stays unbroken. Empty where write transactions are one at a time anyway.
     */
    String lockingRead();

    /** A number that changes when another connection commits: views poll it to notice others' work. */
    long dataVersion(Connection connection) throws SQLException;

    /**
     * Tells the other analysts' sessions, when the caller's transaction commits, that a case changed: every action
     * on a case appends to its custody log, which calls this. Nothing where there is no one to tell but by polling.
     */
    void announce(Connection connection, String caseId) throws SQLException;

    /**
     * The channel other sessions' changes arrive on ({@link #announce}), listened to on a connection of its own;
     * empty where changes are noticed by polling {@link #dataVersion}.
     */
    Optional<String> changeChannel();

    /** Reads a change that arrived on the channel: the case it names, or empty when this session made it. */
    Optional<String> changedCase(String payload);

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

        /**
         * Puts a batch ({@link Dialect#batch}) of one kind, their refs distinct, into the index, in its order, each
         * replacing what it said before.
         */
        default void index(String caseId, String kind, Batch batch) throws SQLException {
            for (SearchEntry e : ((Entries) batch).entries()) {
                index(caseId, kind, e.ref(), e.title(), e.body());
            }
        }

        /** Index entries in the form a dialect takes them in one go. */
        interface Batch {
        }

        /** A batch that is the entries themselves, for a database that takes them one at a time. */
        record Entries(List<SearchEntry> entries) implements Batch {
        }

        /** Takes one thing out of the index. */
        void unindex(String caseId, String kind, String ref) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** An indexer on {@code connection}, to close before the transaction ends. */
    Indexer indexer(Connection connection) throws SQLException;

    /**
     * Entries made ready for {@link Indexer#index(String, String, Indexer.Batch)}. It needs no connection and may run on
     * any thread, ahead of the transaction.
     */
    default Indexer.Batch batch(List<SearchEntry> entries) {
        return new Indexer.Entries(entries);
    }

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
     * A query over the workspace-wide index returning case_id, kind, ref, title and what {@link #snippet} makes a
     * snippet of, best first, among the matches indexed from a given id on; parameters: the match expression, then
     * the case id when {@code oneCase}, then the first id of the window, then the limit.
     */
    String searchIndex(boolean oneCase);

    /**
     * The snippet of a hit: about a dozen words around the first match, the matches marked with « », from the
     * fifth column {@link #searchIndex} returned for it.
     */
    String snippet(String fifthColumn, String matchExpression);

    /**
     * Writes a workspace search, read into its parts ({@link SearchQuery#parse}), in the dialect's syntax.
     *
     * @throws IllegalArgumentException saying what is wrong with a word (one that holds nothing to search for)
     */
    String matchExpression(List<SearchQuery.Part> query);
}
