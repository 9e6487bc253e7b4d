package org.proxyscope.core.internal.store;

import java.util.List;

import org.proxyscope.core.store.Migration;

/**
 * The workspace database's schema as numbered migrations. A database at any earlier version is brought to
 * {@link #VERSION} step by step on open; versions are never edited once released, only added.
 */
final class Schema {

    private Schema() {
    }

    static List<Migration> migrations(Dialect dialect) {
        return List.of(new Migration(1, List.of("""
                CREATE TABLE cases (
                    case_id      TEXT PRIMARY KEY,
                    year         INTEGER NOT NULL,
                    number       INTEGER NOT NULL,
                    title        TEXT NOT NULL,
                    target       TEXT NOT NULL,
                    customer_ref TEXT NOT NULL DEFAULT '',
                    analyst      TEXT NOT NULL,
                    severity     TEXT NOT NULL,
                    status       TEXT NOT NULL,
                    archived     INTEGER NOT NULL DEFAULT 0,
                    created_at   TEXT NOT NULL,
                    updated_at   TEXT NOT NULL,
                    custody_head TEXT NOT NULL,
                    UNIQUE (year, number))""", """
                CREATE TABLE case_scope (
                    case_id  TEXT NOT NULL REFERENCES cases(case_id),
                    position INTEGER NOT NULL,
                    host     TEXT NOT NULL,
                    ports    TEXT NOT NULL,
                    PRIMARY KEY (case_id, position))""", """
                CREATE TABLE case_tags (
                    case_id TEXT NOT NULL REFERENCES cases(case_id),
                    tag     TEXT NOT NULL,
                    PRIMARY KEY (case_id, tag))""", """
                CREATE TABLE evidence (
                    case_id       TEXT NOT NULL REFERENCES cases(case_id),
                    evidence_no   INTEGER NOT NULL,
                    sha256        TEXT NOT NULL,
                    size          INTEGER NOT NULL,
                    original_name TEXT NOT NULL,
                    original_path TEXT NOT NULL,
                    source        TEXT NOT NULL,
                    added_by      TEXT NOT NULL,
                    added_at      TEXT NOT NULL,
                    stored_as     TEXT NOT NULL,
                    PRIMARY KEY (case_id, evidence_no),
                    UNIQUE (case_id, sha256))""", """
                CREATE TABLE custody (
                    case_id   TEXT NOT NULL REFERENCES cases(case_id),
                    seq       INTEGER NOT NULL,
                    at        TEXT NOT NULL,
                    analyst   TEXT NOT NULL,
                    action    TEXT NOT NULL,
                    details   TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash      TEXT NOT NULL,
                    PRIMARY KEY (case_id, seq))""")),
                new Migration(2, dialect.createCaseSearch()),
                // purging keeps the record and its hash, and says when, by whom and why the file went
                new Migration(3, List.of("ALTER TABLE evidence ADD COLUMN purged_at TEXT",
                        "ALTER TABLE evidence ADD COLUMN purge_reason TEXT NOT NULL DEFAULT ''")),
                // plug-ins keep tables of their own, each migrated by its owner's version (StoreSchema)
                new Migration(4, List.of("CREATE TABLE store_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL)")),
                // one search over everything a workspace knows; plug-ins index their own records in their transactions
                new Migration(5, dialect.createSearchIndex()));
    }

    static final int VERSION = 5;

    /** The core's own tables, those the migrations above make besides the search index, as a SQL list. */
    static final String CORE_TABLES = "'cases', 'case_scope', 'case_tags', 'evidence', 'custody', 'store_versions'";

    /** The core's tables whose rows a copy of the workspace carries over, parents first. */
    static final List<String> COPIED_TABLES = List.of("cases", "case_scope", "case_tags", "evidence", "custody", "store_versions");
}
