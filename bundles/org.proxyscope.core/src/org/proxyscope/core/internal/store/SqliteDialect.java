package org.proxyscope.core.internal.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.proxyscope.core.store.SearchEntry;

import com.google.gson.stream.JsonWriter;

/** SQLite: full-text search with FTS5, ranked by bm25. */
final class SqliteDialect implements Dialect {

    @Override
    public String ddl(String statement) {
        return statement;
    }

    @Override
    public void prepare(Connection connection) {
        // nothing: the schema version lives in the file's header (Database does not call this for a file)
    }

    @Override
    public boolean connectionLost(SQLException e) {
        return false; // a file does not go away
    }

    @Override
    public void markCommit(Connection connection, String token) {
        // a commit's answer cannot be lost: the file is written in this process
    }

    @Override
    public boolean committed(Connection connection, String token) {
        throw new IllegalStateException("a SQLite commit is never in doubt");
    }

    @Override
    public void recordSchema(Connection connection, List<String> statements) {
        // SQLite keeps each table's definition, as ALTER TABLE left it, in sqlite_master
    }

    @Override
    public List<String> pluginSchema(Connection connection) throws SQLException {
        return Sql.strings(connection, "SELECT sql FROM sqlite_master"
                + " WHERE type IN ('table', 'index') AND sql IS NOT NULL AND tbl_name NOT IN (" + Schema.CORE_TABLES + ")"
                + " AND tbl_name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name NOT LIKE 'search\\_%' ESCAPE '\\'"
                + " AND tbl_name NOT LIKE 'case\\_search%' ESCAPE '\\' ORDER BY rowid");
    }

    @Override
    public String indexEntries() {
        return "SELECT case_id, kind, ref, title, body FROM search_index ORDER BY rowid";
    }

    @Override
    public int schemaVersion(Connection connection) throws SQLException {
        return (int) Sql.number(connection, "PRAGMA user_version", 0);
    }

    @Override
    public void setSchemaVersion(Connection connection, int version) throws SQLException {
        Sql.execute(connection, "PRAGMA user_version = " + version);
    }

    @Override
    public void lockSchema(Connection connection) {
        // the database's transactions are IMMEDIATE: a writer holds the file's write lock from its start
    }

    @Override
    public void lockCaseNumbering(Connection connection) {
        // as above
    }

    @Override
    public String lockingRead() {
        return "";
    }

    @Override
    public long dataVersion(Connection connection) throws SQLException {
        return Sql.number(connection, "PRAGMA data_version", 0);
    }

    @Override
    public void announce(Connection connection, String caseId) {
        // another process notices by its data_version
    }

    @Override
    public Optional<String> changeChannel() {
        return Optional.empty();
    }

    @Override
    public Optional<String> changedCase(String payload) {
        return Optional.empty();
    }

    @Override
    public String snippet(String fifthColumn, String matchExpression) {
        return fifthColumn; // FTS5's snippet() made it
    }

    @Override
    public List<String> createCaseSearch() {
        return List.of(
                "CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, body, tokenize = 'unicode61 tokenchars ''.-:''')",
                "INSERT INTO case_search(case_id, body) SELECT c.case_id, c.case_id || ' ' || c.title || ' ' || c.target"
                        + " || ' ' || c.customer_ref || ' ' || COALESCE((SELECT group_concat(tag, ' ') FROM case_tags t"
                        + " WHERE t.case_id = c.case_id), '') FROM cases c");
    }

    @Override
    public void indexCase(Connection connection, String caseId, String searchableText) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM case_search WHERE case_id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO case_search(case_id, body) VALUES (?, ?)")) {
            Sql.bind(delete, caseId).executeUpdate();
            Sql.bind(insert, caseId, searchableText).executeUpdate();
        }
    }

    @Override
    public String searchCases() {
        return "SELECT case_id FROM case_search WHERE case_search MATCH ? ORDER BY bm25(case_search)";
    }

    @Override
    public List<String> createSearchIndex() {
        return List.of(
                "CREATE VIRTUAL TABLE search_index USING fts5(case_id UNINDEXED, kind UNINDEXED, ref UNINDEXED, title, body,"
                        + " tokenize = 'unicode61 tokenchars ''.-:@_''')",
                "INSERT INTO search_index(case_id, kind, ref, title, body) SELECT c.case_id, 'case', '', c.title, c.case_id || ' '"
                        + " || c.target || ' ' || c.customer_ref || ' ' || COALESCE((SELECT group_concat(tag, ' ') FROM case_tags t"
                        + " WHERE t.case_id = c.case_id), '') FROM cases c",
                "INSERT INTO search_index(case_id, kind, ref, title, body) SELECT case_id, 'evidence', CAST(evidence_no AS TEXT),"
                        + " original_name, source || ' ' || original_path || ' ' || sha256 FROM evidence",
                // FTS5 cannot look a row up by an UNINDEXED column but by scanning them all: this finds an entry's row
                "CREATE TABLE search_keys (case_id TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL, doc INTEGER NOT NULL,"
                        + " PRIMARY KEY (case_id, kind, ref))",
                "INSERT INTO search_keys (case_id, kind, ref, doc) SELECT case_id, kind, ref, rowid FROM search_index");
    }

    @Override
    public Indexer indexer(Connection connection) throws SQLException {
        return new SqliteIndexer(connection);
    }

    /** A batch as SQLite takes it apart itself: the refs, and the entries as arrays of ref, title and body. */
    private record Json(String refs, String entries) implements Indexer.Batch {
    }

    @Override
    public Indexer.Batch batch(List<SearchEntry> entries) {
        // sized for the text to come: grown by doubling, the writers' buffers were a third of what indexing a dense
        // capture's sessions allocated
        int refChars = 0;
        int textChars = 0;
        for (SearchEntry e : entries) {
            refChars += e.ref().length() + 3;
            textChars += e.title().length() + e.body().length() + 10;
        }
        StringWriter refs = new StringWriter(refChars + 2);
        StringWriter all = new StringWriter(refChars + textChars + 2);
        try (JsonWriter r = new JsonWriter(refs); JsonWriter a = new JsonWriter(all)) {
            r.beginArray();
            a.beginArray();
            for (SearchEntry e : entries) {
                r.value(e.ref());
                a.beginArray().value(e.ref()).value(e.title()).value(e.body()).endArray();
            }
            r.endArray();
            a.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return new Json(refs.toString(), all.toString());
    }

    /** What FTS5 keeps of new entries in memory before it writes them to the file ({@link SqliteIndexer#index}). */
    private static final int PENDING_BYTES = 32 << 20;

    private static final class SqliteIndexer implements Indexer {

        private final List<PreparedStatement> statements = new ArrayList<>();
        private final Connection connection;
        private final PreparedStatement deleteEntry;
        private final PreparedStatement deleteKey;
        private final PreparedStatement insertEntry;
        private final PreparedStatement insertKey;
        private boolean bulk;

        SqliteIndexer(Connection c) throws SQLException {
            connection = c;
            try {
                deleteEntry = prepare(c, "DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_keys WHERE case_id = ?"
                        + " AND kind = ? AND ref = ?)");
                deleteKey = prepare(c, "DELETE FROM search_keys WHERE case_id = ? AND kind = ? AND ref = ?");
                insertEntry = prepare(c, "INSERT INTO search_index(case_id, kind, ref, title, body) VALUES (?, ?, ?, ?, ?)");
                insertKey = prepare(c, "INSERT INTO search_keys (case_id, kind, ref, doc) VALUES (?, ?, ?, last_insert_rowid())");
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        private PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement s = c.prepareStatement(sql);
            statements.add(s);
            return s;
        }

        @Override
        public void index(String caseId, String kind, String ref, String title, String body) throws SQLException {
            unindex(caseId, kind, ref);
            Sql.bind(insertEntry, caseId, kind, ref, title, body).executeUpdate();
            Sql.bind(insertKey, caseId, kind, ref).executeUpdate();
        }

        @Override
        public void unindex(String caseId, String kind, String ref) throws SQLException {
            Sql.bind(deleteEntry, caseId, kind, ref).executeUpdate();
            Sql.bind(deleteKey, caseId, kind, ref).executeUpdate();
        }

        /**
         * The entries go in as one JSON array that SQLite takes apart itself: five statements for them all (the
         * caller hands them over in slices), where one at a time made four per entry and a dozen crossings into the
         * native library (a dense capture's 50,000 session entries: 1.75-1.9 s that way, 1.3-1.4 s now, of which
         * FTS5's own insertion is 0.7 s).
         */
        @Override
        public void index(String caseId, String kind, Batch batch) throws SQLException {
            Json json = (Json) batch;
            if (!bulk) {
                // FTS5 writes what it was given to the file each time its pending entries pass a size, by default 1 MB,
                // and merges those pieces as it goes: a dense capture's 50,000 session entries (16 MB of text) were
                // written out in a dozen pieces. With room for 32 MB they are written once, at the commit: a tenth
                // less time to index them. The setting is kept in the index; set here, it reaches workspaces made
                // before it too.
                try (PreparedStatement room = connection.prepareStatement(
                        "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', " + PENDING_BYTES + ")")) {
                    room.executeUpdate();
                }
                bulk = true;
            }
            // CROSS JOIN keeps SQLite to this order, a key looked up per ref; left to itself it read every key of the
            // case and kind and scanned the refs for each: 120 s to index a dense capture's sessions in slices
            try (PreparedStatement deleteEntries = connection.prepareStatement("DELETE FROM search_index WHERE rowid IN (SELECT k.doc"
                    + " FROM json_each(?) j CROSS JOIN search_keys k ON k.case_id = ? AND k.kind = ? AND k.ref = j.value)");
                    PreparedStatement deleteKeys = connection.prepareStatement("DELETE FROM search_keys WHERE case_id = ? AND kind = ?"
                            + " AND ref IN (SELECT value FROM json_each(?))");
                    PreparedStatement last = connection.prepareStatement("SELECT coalesce(max(rowid), 0) FROM search_index");
                    // each entry's rowid is its place in the batch above the largest there was, so its key is made from the
                    // refs alone, not read back out of the index; jsonb_each hands each entry over parsed once, where
                    // json_each's text was parsed again for each of the three columns
                    PreparedStatement insertEntries = connection.prepareStatement("INSERT INTO search_index(rowid, case_id, kind, ref,"
                            + " title, body) SELECT ? + key + 1, ?, ?, value ->> 0, value ->> 1, value ->> 2 FROM jsonb_each(?)");
                    PreparedStatement insertKeys = connection.prepareStatement("INSERT INTO search_keys (case_id, kind, ref, doc)"
                            + " SELECT ?, ?, value, ? + key + 1 FROM json_each(?)")) {
                Sql.bind(deleteEntries, json.refs(), caseId, kind).executeUpdate();
                Sql.bind(deleteKeys, caseId, kind, json.refs()).executeUpdate();
                long before;
                try (ResultSet r = last.executeQuery()) {
                    r.next();
                    before = r.getLong(1);
                }
                insertEntries.setLong(1, before);
                insertEntries.setString(2, caseId);
                insertEntries.setString(3, kind);
                insertEntries.setString(4, json.entries());
                insertEntries.executeUpdate();
                Sql.bind(insertKeys, caseId, kind);
                insertKeys.setLong(3, before);
                insertKeys.setString(4, json.refs());
                insertKeys.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement s : statements) {
                try {
                    s.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    @Override
    public String indexedTitle() {
        return "SELECT i.title FROM search_keys k JOIN search_index i ON i.rowid = k.doc WHERE k.case_id = ? AND k.kind = ? AND k.ref = ?";
    }

    @Override
    public String indexedRecords() {
        return "SELECT k.kind, k.ref, i.title FROM search_keys k JOIN search_index i ON i.rowid = k.doc WHERE k.case_id = ?"
                + " AND k.kind LIKE ? ESCAPE '\\' AND k.ref LIKE ? ESCAPE '\\' AND k.kind <> 'case' ORDER BY k.doc LIMIT ?";
    }

    @Override
    public String searchWindowStart(boolean oneCase) {
        // FTS5 walks a match's rowids newest first without ranking them: cheap even for tens of thousands
        return "SELECT rowid FROM search_index WHERE search_index MATCH ?" + (oneCase ? " AND case_id = ?" : "")
                + " ORDER BY rowid DESC LIMIT 1 OFFSET ?";
    }

    @Override
    public String searchIndex(boolean oneCase) {
        // titles weigh more than bodies; the snippet marks matches with « » and cuts to about a dozen words
        return "SELECT case_id, kind, ref, title, snippet(search_index, 4, '«', '»', ' … ', 12) FROM search_index"
                + " WHERE search_index MATCH ?" + (oneCase ? " AND case_id = ?" : "") + " AND rowid >= ?"
                + " ORDER BY bm25(search_index, 0, 0, 0, 5.0, 1.0) LIMIT ?";
    }

    @Override
    public String matchExpression(List<SearchQuery.Part> query) {
        return query.stream().map(part -> switch (part) {
            case SearchQuery.Word w -> w.joinable() ? joined(w.text(), SearchQuery.JOINERS)
                    : "\"" + w.text() + "\"" + (w.prefix() ? "*" : "");
            // as the team workspace's search takes a word's ending dots, dashes and colons off, phrases included
            case SearchQuery.Phrase p -> SearchText.isWordChar(last(p.text())) ? joined(p.text(), ".-:")
                    : "\"" + p.text() + "\"";
            case SearchQuery.Operator o -> o.word();
            case SearchQuery.Bracket b -> b.open() ? "(" : ")";
        }).collect(Collectors.joining(" "));
    }

    /** {@code text} as typed, or followed by one of {@code joiners} and more: "wupdate" finds "wupdate.exe" and "machine.". */
    private static String joined(String text, String joiners) {
        StringBuilder any = new StringBuilder("(\"").append(text).append('"');
        for (char j : joiners.toCharArray()) {
            any.append(" OR \"").append(text).append(j).append("\"*");
        }
        return any.append(')').toString();
    }

    private static char last(String text) {
        String t = text.strip();
        return t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    }

    @Override
    public String searchTerms(String typed) {
        // each word quoted (so dots, colons and dashes in hosts are plain text) and used as a prefix
        return Arrays.stream(typed.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> "\"" + w.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" "));
    }
}
