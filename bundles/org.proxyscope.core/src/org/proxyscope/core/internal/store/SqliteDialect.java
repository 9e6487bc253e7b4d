package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** SQLite: full-text search with FTS5, ranked by bm25. */
final class SqliteDialect implements Dialect {

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
            delete.setString(1, caseId);
            delete.executeUpdate();
            insert.setString(1, caseId);
            insert.setString(2, searchableText);
            insert.executeUpdate();
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
    public void index(Connection connection, String caseId, String kind, String ref, String title, String body) throws SQLException {
        unindex(connection, caseId, kind, ref);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO search_index(case_id, kind, ref, title, body) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, kind);
            insert.setString(3, ref);
            insert.setString(4, title);
            insert.setString(5, body);
            insert.executeUpdate();
        }
        try (PreparedStatement key = connection.prepareStatement(
                "INSERT INTO search_keys (case_id, kind, ref, doc) VALUES (?, ?, ?, last_insert_rowid())")) {
            key.setString(1, caseId);
            key.setString(2, kind);
            key.setString(3, ref);
            key.executeUpdate();
        }
    }

    @Override
    public void unindex(Connection connection, String caseId, String kind, String ref) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM search_index WHERE rowid = (SELECT doc FROM"
                + " search_keys WHERE case_id = ? AND kind = ? AND ref = ?)");
                PreparedStatement key = connection.prepareStatement(
                        "DELETE FROM search_keys WHERE case_id = ? AND kind = ? AND ref = ?")) {
            for (PreparedStatement s : List.of(delete, key)) {
                s.setString(1, caseId);
                s.setString(2, kind);
                s.setString(3, ref);
                s.executeUpdate();
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
    public String matchExpression(String typed) {
        List<String> out = new ArrayList<>();
        int i = 0;
        String text = typed.strip();
        boolean operandExpected = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("the quote at character " + (i + 1) + " is not closed");
                }
                String phrase = text.substring(i + 1, end);
                if (!phrase.isBlank()) {
                    out.add(implicitAnd(out, operandExpected) + "\"" + phrase + "\"");
                    operandExpected = false;
                }
                i = end + 1;
            } else if (c == '(' || c == ')') {
                out.add(c == '(' ? implicitAnd(out, operandExpected) + "(" : ")");
                operandExpected = c == '(';
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "\"()".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String word = text.substring(i, end);
                i = end;
                if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                    if (operandExpected) {
                        throw new IllegalArgumentException(word + " needs a word before it");
                    }
                    out.add(word);
                    operandExpected = true;
                    continue;
                }
                boolean prefix = word.endsWith("*") && word.length() > 1;
                String bare = prefix ? word.substring(0, word.length() - 1) : word;
                if (bare.replace("*", "").isEmpty()) {
                    continue;
                }
                out.add(implicitAnd(out, operandExpected) + "\"" + bare.replace("\"", "") + "\"" + (prefix ? "*" : ""));
                operandExpected = false;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("there is nothing to search for");
        }
        if (operandExpected) {
            throw new IllegalArgumentException(out.get(out.size() - 1) + " needs a word after it");
        }
        return String.join(" ", out);
    }

    /** Words in a row must all match: an AND between them, which FTS5 would otherwise need spelled out after NOT. */
    private static String implicitAnd(List<String> out, boolean operandExpected) {
        return operandExpected || out.isEmpty() ? "" : "AND ";
    }

    @Override
    public String searchTerms(String typed) {
        // each word quoted (so dots, colons and dashes in hosts are plain text) and used as a prefix
        return Arrays.stream(typed.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> "\"" + w.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" "));
    }
}
