package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    public String searchTerms(String typed) {
        // each word quoted (so dots, colons and dashes in hosts are plain text) and used as a prefix
        return Arrays.stream(typed.strip().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> "\"" + w.replace("\"", "\"\"") + "\"*").collect(Collectors.joining(" "));
    }
}
