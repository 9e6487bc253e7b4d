package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PostgreSQL, for team workspaces: its own full-text search (tsvector, tsquery, GIN indexes, ts_rank), fed with
 * the words {@link SearchText} makes so that a search finds what it finds in a local workspace. A team
 * workspace's database is made by Proxyscope and starts empty, so its search tables need no filling from
 * earlier records.
 */
final class PostgresDialect implements Dialect {

    /** The key of the advisory lock that keeps migrations to one session at a time. */
    private static final long SCHEMA_LOCK = 0x50726f7879L; // "Proxy"
    /** Title words weigh five times body words, as in the local workspace's ranking. */
    private static final String WEIGHTS = "'{0, 0, 0.2, 1.0}'";

    @Override
    public String ddl(String statement) {
        return statement.replaceAll("\\bINTEGER\\b", "BIGINT");
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        lockSchema(connection);
        Sql.execute(connection, "CREATE TABLE IF NOT EXISTS proxyscope_schema (version BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS proxyscope_commits (token TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now())",
                "CREATE TABLE IF NOT EXISTS proxyscope_plugin_schema (seq BIGSERIAL PRIMARY KEY, statement TEXT NOT NULL)",
                // a token is asked for only right after a lost connection; a day is ample
                "DELETE FROM proxyscope_commits WHERE at < now() - interval '1 day'");
    }

    @Override
    public boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        // 08: connection exceptions; 57P01-57P03: the server shut down, crashed, or is starting up
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    public void markCommit(Connection connection, String token) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO proxyscope_commits (token) VALUES (?)")) {
            s.setString(1, token);
            s.executeUpdate();
        }
    }

    @Override
    public boolean committed(Connection connection, String token) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM proxyscope_commits WHERE token = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    @Override
    public void recordSchema(Connection connection, List<String> statements) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO proxyscope_plugin_schema (statement) VALUES (?)")) {
            for (String statement : statements) {
                s.setString(1, statement);
                s.executeUpdate();
            }
        }
    }

    @Override
    public List<String> pluginSchema(Connection connection) throws SQLException {
        return Sql.strings(connection, "SELECT statement FROM proxyscope_plugin_schema ORDER BY seq");
    }

    @Override
    public String indexEntries() {
        return "SELECT case_id, kind, ref, title, body FROM search_index ORDER BY id";
    }

    @Override
    public int schemaVersion(Connection connection) throws SQLException {
        return (int) Sql.number(connection, "SELECT version FROM proxyscope_schema", 0);
    }

    @Override
    public void setSchemaVersion(Connection connection, int version) throws SQLException {
        Sql.execute(connection, "DELETE FROM proxyscope_schema", "INSERT INTO proxyscope_schema (version) VALUES (" + version + ")");
    }

    @Override
    public void lockSchema(Connection connection) throws SQLException {
        Sql.execute(connection, "SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
    }

    @Override
    public void lockCaseNumbering(Connection connection) throws SQLException {
        // blocks other case creations until commit; reads and other writes go on
        Sql.execute(connection, "LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE");
    }

    @Override
    public String lockingRead() {
        return " FOR UPDATE";
    }

    @Override
    public long dataVersion(Connection connection) throws SQLException {
        return Sql.number(connection, "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn", 0);
    }

    /** The channel of case changes, and this session's mark on its own (a payload is "CASE-ID SESSION"). */
    private static final String CHANNEL = "proxyscope_cases";
    private final String session = UUID.randomUUID().toString();

    @Override
    public void announce(Connection connection, String caseId) throws SQLException {
        // NOTIFY is transactional: the others hear of it at the commit, never of a rollback
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            s.setString(1, caseId + " " + session);
            s.execute();
        }
    }

    @Override
    public Optional<String> changeChannel() {
        return java.util.Optional.of(CHANNEL);
    }

    @Override
    public Optional<String> changedCase(String payload) {
        int space = payload.indexOf(' ');
        return space < 0 || payload.substring(space + 1).equals(session) ? java.util.Optional.empty()
                : java.util.Optional.of(payload.substring(0, space));
    }

    @Override
    public List<String> createCaseSearch() {
        return List.of("CREATE TABLE case_search (case_id TEXT PRIMARY KEY, body TEXT NOT NULL, doc tsvector NOT NULL)",
                "CREATE INDEX case_search_doc ON case_search USING gin (doc)");
    }

    @Override
    public void indexCase(Connection connection, String caseId, String searchableText) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO case_search (case_id, body, doc) VALUES (?, ?, CAST(? AS tsvector))"
                + " ON CONFLICT (case_id) DO UPDATE SET body = excluded.body, doc = excluded.doc")) {
            Sql.bind(s, caseId, searchableText, SearchText.vector("", searchableText)).executeUpdate();
        }
    }

    @Override
    public String searchCases() {
        return "SELECT case_id FROM case_search, CAST(? AS tsquery) q WHERE doc @@ q ORDER BY ts_rank(doc, q) DESC, case_id DESC";
    }

    @Override
    public String searchTerms(String typed) {
        return Arrays.stream(typed.strip().split("\\s+")).map(w -> SearchText.phrase(w, true)).filter(w -> !w.isEmpty())
                .collect(Collectors.joining(" & "));
    }

    @Override
    public List<String> createSearchIndex() {
        return List.of("CREATE TABLE search_index (id BIGSERIAL PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT NOT NULL,"
                + " title TEXT NOT NULL, body TEXT NOT NULL, doc tsvector NOT NULL, UNIQUE (case_id, kind, ref))",
                "CREATE INDEX search_index_doc ON search_index USING gin (doc)");
    }

    @Override
    public Indexer indexer(Connection connection) throws SQLException {
        PreparedStatement delete = connection.prepareStatement("DELETE FROM search_index WHERE case_id = ? AND kind = ? AND ref = ?");
        PreparedStatement insert;
        try {
            insert = connection.prepareStatement("INSERT INTO search_index (case_id, kind, ref, title, body, doc)"
                    + " VALUES (?, ?, ?, ?, ?, CAST(? AS tsvector))");
        } catch (SQLException e) {
            delete.close();
            throw e;
        }
        return new Indexer() {
            @Override
            public void index(String caseId, String kind, String ref, String title, String body) throws SQLException {
                unindex(caseId, kind, ref); // the entry's id says when it was indexed: an edit makes it the newest
                Sql.bind(insert, caseId, kind, ref, title, body, SearchText.vector(title, body)).executeUpdate();
            }

            @Override
            public void unindex(String caseId, String kind, String ref) throws SQLException {
                Sql.bind(delete, caseId, kind, ref).executeUpdate();
            }

            @Override
            public void close() throws SQLException {
                try {
                    delete.close();
                } finally {
                    insert.close();
                }
            }
        };
    }

    @Override
    public String indexedTitle() {
        return "SELECT title FROM search_index WHERE case_id = ? AND kind = ? AND ref = ?";
    }

    @Override
    public String indexedRecords() {
        return "SELECT kind, ref, title FROM search_index WHERE case_id = ? AND kind LIKE ? ESCAPE '\\' AND ref LIKE ? ESCAPE '\\'"
                + " AND kind <> 'case' ORDER BY id LIMIT ?";
    }

    @Override
    public String searchWindowStart(boolean oneCase) {
        return "SELECT id FROM search_index, CAST(? AS tsquery) q WHERE doc @@ q" + (oneCase ? " AND case_id = ?" : "")
                + " ORDER BY id DESC LIMIT 1 OFFSET ?";
    }

    @Override
    public String searchIndex(boolean oneCase) {
        return "SELECT case_id, kind, ref, title, body FROM search_index, CAST(? AS tsquery) q WHERE doc @@ q"
                + (oneCase ? " AND case_id = ?" : "") + " AND id >= ? ORDER BY ts_rank(" + WEIGHTS + ", doc, q) DESC, id DESC LIMIT ?";
    }

    @Override
    public String snippet(String body, String matchExpression) {
        return SearchText.snippet(body, matchExpression);
    }

    @Override
    public String matchExpression(List<SearchQuery.Part> query) {
        List<String> out = new ArrayList<>();
        for (SearchQuery.Part part : query) {
            out.add(switch (part) {
                case SearchQuery.Word w -> orNothing(w.joinable() ? SearchText.joined(w.text(), SearchQuery.JOINERS)
                        : SearchText.phrase(w.text(), w.prefix()), w.text());
                case SearchQuery.Phrase p -> orNothing(SearchText.phrase(p.text(), false), p.text());
                case SearchQuery.Operator o -> switch (o.word()) {
                    case "AND" -> "&";
                    case "OR" -> "|";
                    default -> "& !"; // "a NOT b": a and not b
                };
                case SearchQuery.Bracket b -> b.open() ? "(" : ")";
            });
        }
        return String.join(" ", out);
    }

    /** A word made only of characters no word holds ("--", "..."): nothing can match it, as locally. */
    private static String orNothing(String phrase, String typed) {
        if (phrase.isEmpty()) {
            throw new IllegalArgumentException("\"" + typed + "\" holds no letter or digit to search for");
        }
        return phrase;
    }
}
