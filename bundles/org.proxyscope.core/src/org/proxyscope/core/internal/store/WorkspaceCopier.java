package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.proxyscope.core.WorkspaceException;

/**
 * Copies every record of one workspace's database into another's, which must be new: the cases and everything
 * plug-ins keep about them, with the plug-ins' tables made again in the target as they are in the source, the
 * custody logs row for row (their hash chains stay whole), and the search index entry for entry, each written
 * as the target's database indexes. All of it in one transaction of the target: a failure leaves it empty.
 */
public final class WorkspaceCopier {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)^\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)\"?");
    private static final int BATCH = 500;

    /** How much was copied. */
    public record Copied(int cases, long rows, int indexEntries) {
    }

    private WorkspaceCopier() {
    }

    public static Copied copy(Database from, Database to) throws WorkspaceException {
        return from.read("read the workspace to copy", source -> to.transaction("copy the workspace into it", target -> {
            if (count(target, "cases") > 0 || count(target, "store_versions") > 0) {
                throw new WorkspaceException("The workspace to copy into already holds cases or plug-in tables; copy into a new, empty one");
            }
            List<String> schema = from.dialect().pluginSchema(source);
            Sql.execute(target, schema.stream().map(to.dialect()::ddl).toArray(String[]::new));
            to.dialect().recordSchema(target, schema);
            List<String> tables = new ArrayList<>(Schema.COPIED_TABLES);
            for (String statement : schema) {
                Matcher m = CREATE_TABLE.matcher(statement);
                if (m.find()) {
                    tables.add(m.group(1));
                }
            }
            long rows = 0;
            for (String table : tables) {
                rows += copyRows(source, target, table);
            }
            int entries = 0;
            try (Statement s = source.createStatement(); ResultSet r = s.executeQuery(from.dialect().indexEntries());
                    Dialect.Indexer indexer = to.dialect().indexer(target)) {
                while (r.next()) {
                    indexer.index(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5));
                    entries++;
                }
            }
            try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT case_id, body FROM case_search")) {
                while (r.next()) {
                    to.dialect().indexCase(target, r.getString(1), r.getString(2));
                }
            }
            return new Copied((int) count(target, "cases"), rows, entries);
        }));
    }

    private static long copyRows(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement s = source.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData columns = r.getMetaData();
            int n = columns.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(columns.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            try (PreparedStatement into = target.prepareStatement(insert)) {
                while (r.next()) {
                    for (int i = 1; i <= n; i++) {
                        into.setObject(i, r.getObject(i));
                    }
                    into.addBatch();
                    if (++rows % BATCH == 0) {
                        into.executeBatch();
                    }
                }
                into.executeBatch();
            }
        }
        return rows;
    }

    private static long count(Connection c, String table) throws SQLException {
        return Sql.number(c, "SELECT COUNT(*) FROM " + table, 0);
    }
}
