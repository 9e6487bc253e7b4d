package org.proxyscope.core.store;

import java.util.List;

/**
 * One step of a schema: the statements that take it from {@code version - 1} to {@code version}. Released
 * steps are never edited, only followed by new ones, so a workspace at any earlier version can be brought up
 * to date when it is opened.
 */
public record Migration(int version, List<String> statements) {

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, not " + version);
        }
        statements = List.copyOf(statements);
    }
}
