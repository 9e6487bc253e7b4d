package org.proxyscope.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The plain statements the dialects, the repository and the copier run, and the binding of text parameters. */
final class Sql {

    private Sql() {
    }

    /** Sets the statement's parameters, from the first on, to {@code values}; returns the statement. */
    static PreparedStatement bind(PreparedStatement s, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setString(i + 1, values[i]);
        }
        return s;
    }

    /** Runs each statement in turn. */
    static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /** The first column of the query's first row as a number, or {@code none} when it returns no row. */
    static long number(Connection c, String query, long none) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            return r.next() ? r.getLong(1) : none;
        }
    }

    /** The first column of every row the query returns, in order. */
    static List<String> strings(Connection c, String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
